package io.github.removebgsuite.common.batch;

import io.github.removebgsuite.common.client.RemoveBgResult;
import io.github.removebgsuite.common.error.RemoveBgException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The calls a run has in flight, and what a {@link StopSignal} does to them: the first request starts the grace period,
 * at whose end (or at a stop at once) the calls still running are cancelled. Cancelling a client future cancels its
 * HTTP call. Worker threads are never interrupted, so only the cancellation ends a wait early.
 */
final class InFlightCalls {
    private final StopSignal signal;
    private final Set<CompletableFuture<RemoveBgResult>> calls = ConcurrentHashMap.newKeySet();

    InFlightCalls(StopSignal signal) {
        this.signal = signal;
    }

    /**
     * Starts watching the signal until the returned handle is run.
     *
     * @param onStop called at every stop request, before the calls are cancelled or the grace period starts
     */
    Runnable watch(Runnable onStop) {
        Runnable handler = () -> {
            onStop.run();
            if (signal.isImmediate()) {
                cancelAll();
            } else {
                CompletableFuture.delayedExecutor(signal.grace().toMillis(), TimeUnit.MILLISECONDS)
                        .execute(this::cancelAll);
            }
        };
        Runnable unwatch = signal.watch(handler);
        if (signal.isStopRequested()) {
            handler.run();
        }
        return unwatch;
    }

    /**
     * Waits for a call on the worker's thread.
     *
     * @throws java.util.concurrent.CancellationException when a stop cancelled it
     * @throws RuntimeException the call's own failure, as thrown
     */
    RemoveBgResult await(CompletableFuture<RemoveBgResult> call) {
        calls.add(call);
        try {
            if (signal.isImmediate()) {
                call.cancel(true);
            }
            return call.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RemoveBgException("The remove.bg call failed: " + cause, cause);
        } finally {
            calls.remove(call);
        }
    }

    private void cancelAll() {
        for (CompletableFuture<RemoveBgResult> call : calls) {
            call.cancel(true);
        }
    }
}
