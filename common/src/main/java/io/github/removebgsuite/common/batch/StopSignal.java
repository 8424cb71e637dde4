package io.github.removebgsuite.common.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Asks a running batch to stop, gracefully first: the credits of a call in flight are already spent, so its result is
 * worth waiting for. Each host maps its own stop onto it: a CLI's first Ctrl-C or SIGTERM, a Jenkins abort, Camel's
 * shutdown, Fiji's Esc.
 *
 * <p>The first {@link #requestStop()} makes the batch take no new image and lets the calls in flight finish, for at
 * most {@link #grace()}, saving their results. A second {@code requestStop()} (or {@link #stopNow()}) ends the wait at
 * once: the calls still in flight are cancelled, their images are reported as not run (they may have been charged) and
 * stay in the output folder's journal, so the next run names them. Thread-safe; one signal may serve several batches.
 */
public final class StopSignal {
    /** The grace period used by {@link #StopSignal()}: 30 seconds. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    private final Duration grace;
    private final List<Runnable> watchers = new ArrayList<>();
    private int requests;

    /** A signal with the {@linkplain #DEFAULT_GRACE default grace period}. */
    public StopSignal() {
        this(DEFAULT_GRACE);
    }

    /**
     * A signal with its own grace period.
     *
     * @param grace how long the calls in flight may take to finish after the first stop request; zero stops at once
     * @throws IllegalArgumentException when {@code grace} is negative
     */
    public StopSignal(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must be zero or positive, was " + grace);
        }
        this.grace = grace;
    }

    /** How long the calls in flight may take to finish after the first stop request. */
    public Duration grace() {
        return grace;
    }

    /** Asks for a stop: the first call is graceful, any further call stops at once. */
    public void requestStop() {
        List<Runnable> notify;
        synchronized (this) {
            requests++;
            notify = List.copyOf(watchers);
        }
        notify.forEach(Runnable::run);
    }

    /** Stops at once, without waiting for the calls in flight. */
    public void stopNow() {
        List<Runnable> notify;
        synchronized (this) {
            requests = Math.max(requests + 1, 2);
            notify = List.copyOf(watchers);
        }
        notify.forEach(Runnable::run);
    }

    /** Whether a stop was requested, graceful or not. */
    public synchronized boolean isStopRequested() {
        return requests > 0;
    }

    /** Whether the stop is immediate: {@link #stopNow()}, or a second {@link #requestStop()}. */
    public synchronized boolean isImmediate() {
        return requests > 1;
    }

    /** Calls {@code watcher} at every stop request until the returned handle is run (for the engine's waits). */
    Runnable watch(Runnable watcher) {
        synchronized (this) {
            watchers.add(watcher);
        }
        return () -> {
            synchronized (this) {
                watchers.remove(watcher);
            }
        };
    }

    @Override
    public synchronized String toString() {
        return "StopSignal[grace=" + grace + ", " + (requests == 0 ? "running" : requests == 1 ? "stopping"
                : "stopping now") + "]";
    }
}
