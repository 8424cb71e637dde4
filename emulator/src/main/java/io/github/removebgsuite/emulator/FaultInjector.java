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

    synchronized Optional<Fault> next() {
        return Optional.ofNullable(pending.pollFirst());
    }
}
