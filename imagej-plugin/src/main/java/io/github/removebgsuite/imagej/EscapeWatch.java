package io.github.removebgsuite.imagej;

import ij.IJ;
import io.github.removebgsuite.common.batch.StopSignal;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Maps Fiji's stop gestures onto the batch engine's {@link StopSignal} while a folder runs: the first Esc (ImageJ's
 * {@link IJ#escapePressed()}, polled) or a cancelled command asks for a graceful stop (no new image; the calls in
 * flight finish and are saved), a second Esc stops at once. The engine's workers are busy waiting for remove.bg,
 * so the watch polls from a thread of its own, a few times a second, rather than between images.
 */
final class EscapeWatch implements AutoCloseable {

    /** How often Esc and the cancel flag are looked at. */
    static final long POLL_MILLIS = 100;

    private final StopSignal signal;
    private final BooleanSupplier canceled;
    private final Consumer<String> announce;
    private final ScheduledExecutorService poller;
    private int stops;

    /**
     * Starts watching.
     *
     * @param signal the batch's stop signal
     * @param canceled whether the command was cancelled
     * @param announce shows a line in the log and on the status bar
     */
    EscapeWatch(StopSignal signal, BooleanSupplier canceled, Consumer<String> announce) {
        this.signal = signal;
        this.canceled = canceled;
        this.announce = announce;
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "remove.bg Esc watch");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Whether a stop was asked for through this watch. */
    synchronized boolean stopped() {
        return stops > 0;
    }

    private synchronized void poll() {
        boolean escape = IJ.escapePressed();
        if (escape) {
            IJ.resetEscape(); // so a second press can be told from the first
        }
        if (stops == 0 && (escape || canceled.getAsBoolean())) {
            stops = 1;
            announce.accept("remove.bg: stopping — the images being processed finish and are saved; no new image "
                    + "is started (press Esc again to stop at once).");
            signal.requestStop();
        } else if (stops == 1 && escape) {
            stops = 2;
            announce.accept("remove.bg: stopping at once — the images still in flight are reported as not run.");
            signal.stopNow();
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
