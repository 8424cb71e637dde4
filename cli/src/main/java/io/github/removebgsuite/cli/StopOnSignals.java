package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.batch.StopSignal;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Maps Ctrl-C (SIGINT) and SIGTERM onto a batch's {@link StopSignal} while the batch runs: the first signal stops
 * gracefully (no new image; the images already sent, and so already paid for, finish within the grace period and are
 * saved), a second one stops at once. The JDK's default reaction, ending the process at once, would throw those paid
 * results away. {@link #close()} puts the previous handlers back.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}) is the JDK's only way to see a second signal: a shutdown
 * hook runs once. A signal the JVM reserves ({@code -Xrs}) or the platform lacks keeps the JDK's default.
 */
final class StopOnSignals implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final StopSignal stop;
    private final PrintWriter err;
    private final AtomicInteger received = new AtomicInteger();
    private final List<Runnable> restore = new ArrayList<>();
    private volatile int firstSignalNumber;

    StopOnSignals(StopSignal stop, PrintWriter err) {
        this.stop = stop;
        this.err = err;
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, this::onSignal);
                restore.add(() -> Signal.handle(signal, previous));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // This platform does not have the signal, or the JVM reserves it (-Xrs): keep the default.
            }
        }
    }

    private void onSignal(Signal signal) {
        if (received.incrementAndGet() == 1) {
            firstSignalNumber = signal.getNumber();
            err.println("removebg: SIG" + signal.getName() + " received, stopping: no new image is sent; images "
                    + "already sent (already paid for) may take up to " + stop.grace().toSeconds() + " s to finish "
                    + "and are saved. Send it again to stop at once.");
            err.flush();
            stop.requestStop();
        } else {
            err.println("removebg: SIG" + signal.getName() + " received again, stopping now: images still in flight "
                    + "are not saved and will be named by the next run.");
            err.flush();
            stop.stopNow();
        }
    }

    /** The exit code for a run a signal stopped, 128 + the first signal's number (130, 143), or empty if none. */
    java.util.OptionalInt exitCode() {
        return received.get() == 0 ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(128 + firstSignalNumber);
    }

    @Override
    public void close() {
        restore.forEach(Runnable::run);
    }
}
