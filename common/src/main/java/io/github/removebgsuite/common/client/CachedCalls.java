package io.github.removebgsuite.common.client;

import io.github.removebgsuite.common.cache.CachedResponse;
import io.github.removebgsuite.common.cache.ResultCache;
import io.github.removebgsuite.common.cache.ResultKey;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Puts a {@link ResultCache} in front of {@code POST /removebg}: a hit is answered from the cache at no charge, and a
 * paid answer is saved the moment it arrives, before the caller writes anything, so that a crash afterwards loses no
 * credit for anyone sharing the cache. Identical calls in flight at once in this client are sent once: the others wait
 * and are answered from the cache. Hashing and cache I/O run on the client's threads, never the caller's.
 */
final class CachedCalls {
    private static final System.Logger LOG = System.getLogger(RemoveBgClient.class.getName());
    private static final String FORMAT = "X-Result-Format";
    private static final String CREDITS = "X-Credits-Charged";

    private final ResultCache cache;
    private final String backendIdentity;
    private final Executor executor;
    /** The calls this client has in flight, by cache key; settled when their answer is stored (or they failed). */
    private final java.util.concurrent.ConcurrentMap<String, CompletableFuture<Void>> inFlight =
            new java.util.concurrent.ConcurrentHashMap<>();

    CachedCalls(ResultCache cache, String backendIdentity, Executor executor) {
        this.cache = cache;
        this.backendIdentity = backendIdentity;
        this.executor = executor;
    }

    /**
     * Answers from the cache or sends. Cancelling the returned future cancels the call it started, if any.
     *
     * @param send starts the paid call
     */
    CompletableFuture<RemoveBgResult> removeBackground(RemoveBgRequest request,
            Function<RemoveBgRequest, CompletableFuture<RemoveBgResult>> send) {
        if (!ResultKey.isCacheable(request)) {
            return send.apply(request);
        }
        CompletableFuture<RemoveBgResult> answer = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> lookUp(request), executor).whenComplete((found, lookUpFailure) -> {
            if (lookUpFailure != null) {
                answer.completeExceptionally(lookUpFailure instanceof java.util.concurrent.CompletionException c
                        ? c.getCause() : lookUpFailure);
            } else {
                answerFromCacheOrSend(request, found, send, answer);
            }
        });
        return answer;
    }

    /**
     * Answers a looked-up call: from the cache on a hit; after the identical call already in flight in this client,
     * when there is one (so two copies of one image in a batch are paid once, the second answered from the cache);
     * otherwise by sending it, as the call the others wait for.
     */
    private void answerFromCacheOrSend(RemoveBgRequest request, LookUp found,
            Function<RemoveBgRequest, CompletableFuture<RemoveBgResult>> send,
            CompletableFuture<RemoveBgResult> answer) {
        if (found.hit().isPresent()) {
            answer.complete(found.hit().get());
            return;
        }
        if (answer.isCancelled()) {
            return;
        }
        CompletableFuture<Void> settled = new CompletableFuture<>();
        CompletableFuture<Void> earlier = inFlight.putIfAbsent(found.key(), settled);
        if (earlier != null) {
            // Wait for the identical call, then look again: its paid answer is in the cache by then. If it failed
            // or was cancelled, this call tries for itself.
            earlier.whenCompleteAsync((ignored, failure) -> {
                if (answer.isCancelled()) {
                    return;
                }
                try {
                    answerFromCacheOrSend(request, new LookUp(found.key(), lookUpKey(found.key())), send, answer);
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }, executor);
            return;
        }
        CompletableFuture<RemoveBgResult> call;
        try {
            call = send.apply(request);
        } catch (RuntimeException e) {
            settle(found.key(), settled);
            answer.completeExceptionally(e);
            return;
        }
        answer.whenComplete((r, e) -> {
            if (answer.isCancelled()) {
                call.cancel(true);
            }
        });
        call.whenComplete((result, failure) -> {
            if (failure != null) {
                settle(found.key(), settled);
                answer.completeExceptionally(failure);
            } else {
                store(found.key(), result);
                settle(found.key(), settled);
                answer.complete(result);
            }
        });
    }

    private void settle(String key, CompletableFuture<Void> settled) {
        inFlight.remove(key, settled);
        settled.complete(null);
    }

    private record LookUp(String key, Optional<RemoveBgResult> hit) {
    }

    private LookUp lookUp(RemoveBgRequest request) {
        String key;
        try {
            key = ResultKey.of(backendIdentity, request).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("The image cannot be read: " + e.getMessage(), e);
        }
        return new LookUp(key, lookUpKey(key));
    }

    private Optional<RemoveBgResult> lookUpKey(String key) {
        return cache.get(key).flatMap(CachedCalls::replay);
    }

    private void store(String key, RemoveBgResult result) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", result.contentType());
        headers.put(FORMAT, result.format().name());
        ResultMetadata m = result.metadata();
        m.detectedType().ifPresent(t -> headers.put("X-Type", t));
        headers.put("X-Width", Integer.toString(m.width()));
        headers.put("X-Height", Integer.toString(m.height()));
        headers.put(CREDITS, m.creditsCharged().toPlainString());
        m.foreground().ifPresent(box -> {
            headers.put("X-Foreground-Top", Integer.toString(box.top()));
            headers.put("X-Foreground-Left", Integer.toString(box.left()));
            headers.put("X-Foreground-Width", Integer.toString(box.width()));
            headers.put("X-Foreground-Height", Integer.toString(box.height()));
        });
        try {
            cache.put(key, new CachedResponse(headers, result.ownedBytes()));
        } catch (IOException | RuntimeException e) {
            // The caller still gets its paid result; only later runs elsewhere miss it.
            LOG.log(Level.WARNING, "Could not save a result in the result cache {0}: {1}", cache.directory(),
                    e.getMessage());
        }
    }

    /** The cached answer as a result that cost nothing, or empty when the entry is not one this client wrote. */
    private static Optional<RemoveBgResult> replay(CachedResponse entry) {
        Map<String, String> h = entry.headers();
        try {
            ResultFormat format = ResultFormat.valueOf(h.get(FORMAT));
            ForegroundBox box = h.containsKey("X-Foreground-Top")
                    ? new ForegroundBox(Integer.parseInt(h.get("X-Foreground-Top")),
                            Integer.parseInt(h.get("X-Foreground-Left")), Integer.parseInt(h.get("X-Foreground-Width")),
                            Integer.parseInt(h.get("X-Foreground-Height")))
                    : null;
            ResultMetadata metadata = new ResultMetadata(h.get("X-Type"), Integer.parseInt(h.get("X-Width")),
                    Integer.parseInt(h.get("X-Height")), BigDecimal.ZERO, box, null);
            return Optional.of(RemoveBgResult.fromCache(entry.body(), h.get("Content-Type"), format, metadata));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ignoring a result cache entry that this version cannot read: {0}", e.toString());
            return Optional.empty();
        }
    }
}
