package io.github.removebgsuite.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The queue of {@link Fault}s the next API calls will hit, one fault per call, in order. Thread-safe. Reach it with
 * {@link RemoveBgEmulator#faults()} or over HTTP with {@code POST /admin/faults}.
 */
public final class FaultInjector {
    private final Deque<Fault> pending = new ArrayDeque<>();
    /** Calls held by {@link Fault#hold()} right now; guarded by this. */
    private int held;
    /** Bumped by every release, so that a held call waits for the next release only; guarded by this. */
    private long releases;
    private boolean closed;

    FaultInjector() {
    }

    /** The next {@code count} API calls answer with {@code fault}, after any faults already queued. */
    public synchronized FaultInjector enqueue(Fault fault, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        for (int i = 0; i < count; i++) {
            pending.addLast(java.util.Objects.requireNonNull(fault, "fault"));
        }
        return this;
    }

    /** The next API call answers with {@code fault}. */
    public FaultInjector enqueue(Fault fault) {
        return enqueue(fault, 1);
    }

    /** Drops every queued fault. */
    public synchronized void clear() {
        pending.clear();
    }

    /** The faults still queued, next first. */
    public synchronized List<Fault> pending() {
        return List.copyOf(pending);
    }

    /**
     * Waits until at least {@code calls} calls are held by {@link Fault#hold()}.
     *
     * @return false when the timeout passed first
     */
    public synchronized boolean awaitHeld(int calls, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (held < calls) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** How many calls {@link Fault#hold()} holds right now. */
    public synchronized int heldCount() {
        return held;
    }

    /** Lets every call held right now answer. */
    public synchronized void releaseHeld() {
        releases++;
        notifyAll();
    }

    /** Holds the calling (server) thread until the next release or the emulator's close. */
    synchronized void hold() {
        long generation = releases;
        held++;
        notifyAll();
        try {
            while (releases == generation && !closed) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held--;
            notifyAll();
        }
    }

    /** Releases held calls for good: the emulator is closing. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized Optional<Fault> next() {
        return Optional.ofNullable(pending.pollFirst());
    }
}
