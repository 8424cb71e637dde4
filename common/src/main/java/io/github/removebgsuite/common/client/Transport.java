package io.github.removebgsuite.common.client;

import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.ratelimit.MegapixelRateLimiter;
import io.github.removebgsuite.common.retry.RetryPolicy;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The shared machinery behind a {@link RemoveBgClient}: the OkHttp client (one dispatcher, one connection pool), the
 * scheduler retries and rate-limit waits run on, and what every call needs (policy, limiter, encoder, decoder).
 */
final class Transport {

    private static final Logger LOG = System.getLogger(RemoveBgClient.class.getName());

    /**
     * Marks a call's request as sent once OkHttp has written all of it (the body, or the headers of a body-less call):
     * from then on remove.bg may process and charge it, so a failure must not lead to a silent re-send.
     */
    static final EventListener SENT_TRACKER = new EventListener() {
        @Override
        public void requestHeadersEnd(Call call, Request request) {
            if (request.body() == null) {
                mark(call);
            }
        }

        @Override
        public void requestBodyEnd(Call call, long byteCount) {
            mark(call);
        }

        private void mark(Call call) {
            AtomicBoolean sent = call.request().tag(AtomicBoolean.class);
            if (sent != null) {
                sent.set(true);
            }
        }
    };

    private final OkHttpClient http;
    private final ExecutorService dispatcherExecutor;
    private final ScheduledExecutorService scheduler;
    private final HttpUrl baseUrl;
    private final String authHeader;
    private final String authValue;
    private final String userAgent;
    private final boolean jsonResults;
    private final RetryPolicy policy;
    private final MegapixelRateLimiter limiter;
    private final RequestEncoder encoder;
    private final ResponseDecoder decoder;
    private final Secrets secrets;
    private final Set<Exchange<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    Transport(OkHttpClient http, ExecutorService dispatcherExecutor, ScheduledExecutorService scheduler, HttpUrl baseUrl,
            String authHeader, String authValue, String userAgent, boolean jsonResults, RetryPolicy policy,
            MegapixelRateLimiter limiter, RequestEncoder encoder, ResponseDecoder decoder, Secrets secrets) {
        this.http = http;
        this.dispatcherExecutor = dispatcherExecutor;
        this.scheduler = scheduler;
        this.baseUrl = baseUrl;
        this.authHeader = authHeader;
        this.authValue = authValue;
        this.userAgent = userAgent;
        this.jsonResults = jsonResults;
        this.policy = policy;
        this.limiter = limiter;
        this.encoder = encoder;
        this.decoder = decoder;
        this.secrets = secrets;
    }

    /** Runs a call with retries; the future completes on an OkHttp or scheduler thread. */
    <T> CompletableFuture<T> execute(ApiCall call, ResponseDecoder.SuccessDecoder<T> success) {
        if (closed) {
            return CompletableFuture.failedFuture(closedException());
        }
        Exchange<T> exchange = new Exchange<>(this, call, success);
        pending.add(exchange);
        if (closed) { // close() may have run between the check and the add
            exchange.abort(closedException());
        }
        return exchange.start();
    }

    Call newCall(ApiCall call, AtomicBoolean sent) {
        Request.Builder request = new Request.Builder()
                .url(baseUrl.newBuilder().addPathSegments(call.path()).build())
                .header(authHeader, authValue)
                .header("User-Agent", userAgent)
                .tag(AtomicBoolean.class, sent);
        if ("GET".equals(call.method())) {
            request.get().header("Accept", "application/json");
        } else {
            request.post(encoder.encode(call));
            if ("removebg".equals(call.path())) {
                request.header("Accept", jsonResults ? "application/json" : "image/*");
            } else {
                request.header("Accept", "application/json");
            }
        }
        return http.newCall(request.build());
    }

    void finished(Exchange<?> exchange) {
        pending.remove(exchange);
    }

    RetryPolicy policy() {
        return policy;
    }

    MegapixelRateLimiter limiter() {
        return limiter;
    }

    ResponseDecoder decoder() {
        return decoder;
    }

    Secrets secrets() {
        return secrets;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    boolean isClosed() {
        return closed;
    }

    /** The host (and port) calls go to, for messages; never the user info, path or query of the base URL. */
    String displayHost() {
        boolean defaultPort = baseUrl.port() == HttpUrl.defaultPort(baseUrl.scheme());
        return baseUrl.host() + (defaultPort ? "" : ":" + baseUrl.port());
    }

    /** The base URL for display: scheme, host, port and path only. */
    String displayBaseUrl() {
        return baseUrl.scheme() + "://" + displayHost() + baseUrl.encodedPath();
    }

    void log(Level level, Supplier<String> message) {
        if (LOG.isLoggable(level)) {
            LOG.log(level, secrets.redact(message.get()));
        }
    }

    /** Fails pending calls, then shuts down the scheduler, the dispatcher's threads and the connection pool. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Exchange<?> exchange : pending) {
            exchange.abort(closedException());
        }
        scheduler.shutdownNow();
        http.dispatcher().cancelAll();
        dispatcherExecutor.shutdown();
        http.connectionPool().evictAll();
    }

    private static RemoveBgException closedException() {
        return new RemoveBgException("The remove.bg client has been closed; create a new one to make further calls.");
    }
}
