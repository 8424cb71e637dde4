package io.github.removebgsuite.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local remove.bg-compatible HTTP server, written from the public API reference alone: {@code POST /removebg} with
 * real (deterministic) image work for every parameter, {@code GET /account}, {@code POST /improve}, credits, the
 * megapixel rate limit, and fault injection. Always bound to 127.0.0.1.
 *
 * <pre>{@code
 * try (RemoveBgEmulator emu = RemoveBgEmulator.builder().apiKey("key", new BigDecimal("10")).build().start()) {
 *     String base = emu.baseUrl();                 // http://127.0.0.1:<port>/v1.0
 *     emu.faults().enqueue(Fault.status(503), 3);  // the next 3 calls answer 503
 * }
 * }</pre>
 *
 * Thread-safe; serves concurrent clients. Keys and tokens never appear in {@link #toString()} or log output.
 */
public final class RemoveBgEmulator implements AutoCloseable {
    private final int port;
    private final CreditLedger ledger;
    private final FaultInjector faults = new FaultInjector();
    private final MegapixelRateLimit rateLimit;
    private final ApiHandler api;
    private final int threads;
    private HttpServer server;
    private ExecutorService executor;

    private RemoveBgEmulator(Builder b) {
        Clock clock = b.clock;
        this.port = b.port;
        this.threads = b.threads;
        this.ledger = new CreditLedger(b.apiKeys, b.tokens, clock);
        this.rateLimit = new MegapixelRateLimit(b.rateLimit, b.window, clock);
        this.api = new ApiHandler(ledger, rateLimit, faults,
                new ImageDownloader(b.allowRemoteImageUrls), b.anonymousKey, clock);
    }

    /** A builder with the documented defaults: ephemeral port, no credentials, 500 megapixels a minute. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds 127.0.0.1 and starts serving.
     *
     * @return this emulator, for chaining
     * @throws UncheckedIOException when the port cannot be bound
     * @throws IllegalStateException when already started
     */
    public synchronized RemoveBgEmulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            AtomicInteger n = new AtomicInteger();
            executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "removebg-emulator-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            http.setExecutor(executor);
            http.createContext("/v1.0/", api);
            http.createContext("/admin/", new AdminHandler(faults));
            http.start();
            server = http;
            return this;
        } catch (IOException e) {
            if (executor != null) {
                executor.shutdownNow();
            }
            throw new UncheckedIOException("Could not bind 127.0.0.1:" + port, e);
        }
    }

    /** The port actually bound (useful with port 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /** The API base URL, {@code http://127.0.0.1:<port>/v1.0}, to use in place of {@code https://api.remove.bg/v1.0}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1.0";
    }

    /** The current credit balance of an API key or OAuth token. */
    public BigDecimal credits(String credential) {
        return ledger.balance(credential).orElseThrow(() ->
                new IllegalArgumentException("not a configured API key or token"));
    }

    /** The fault queue: the next calls to {@code /v1.0} hit these faults, in order. */
    public FaultInjector faults() {
        return faults;
    }

    /** Every charged call so far, oldest first (immutable). */
    public List<Charge> charges() {
        return ledger.charges();
    }

    /**
     * What the rate limit counted for an API key or OAuth token: the megapixels of the calls it let through in each
     * window that had any, keyed by the window's start (immutable, oldest first). This is the server's own accounting
     * of the budget, at the moment each call was admitted, so a benchmark can tell how much of every window was used.
     */
    public SortedMap<Instant, Integer> rateLimitUsage(String credential) {
        return rateLimit.usage(credential);
    }

    /** How many API requests arrived, on any {@code /v1.0} endpoint, whatever their outcome. */
    public long requestCount() {
        return api.requestCount();
    }

    /** The submissions kept by {@code /improve}, oldest first (immutable). */
    public List<Improvement> improvements() {
        return api.improvements();
    }

    /** Stops serving and releases the port; idempotent. */
    @Override
    public synchronized void close() {
        faults.close();
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized String toString() {
        return "RemoveBgEmulator[" + (server == null ? "stopped" : "http://127.0.0.1:" + server.getAddress().getPort())
                + "]";
    }

    /** Configures a {@link RemoveBgEmulator}. Not thread-safe; build once. */
    public static final class Builder {
        private int port;
        private final Map<String, BigDecimal> apiKeys = new LinkedHashMap<>();
        private final Map<String, BigDecimal> tokens = new LinkedHashMap<>();
        private int rateLimit = 500;
        private Duration window = Duration.ofMinutes(1);
        private boolean allowRemoteImageUrls;
        private String anonymousKey;
        private int threads = 48;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Accepts this API key ({@code X-Api-Key}) with a starting credit balance; repeat for several keys. */
        public Builder apiKey(String key, BigDecimal credits) {
            apiKeys.put(requireCredential(key, "apiKey"), requireCredits(credits));
            return this;
        }

        /** Accepts this OAuth 2.0 access token ({@code Authorization: Bearer}) with a starting credit balance. */
        public Builder oauthToken(String token, BigDecimal credits) {
            tokens.put(requireCredential(token, "oauthToken"), requireCredits(credits));
            return this;
        }

        /**
         * The megapixel budget per credential and window (default 500 per minute). A call costs its input's
         * megapixels rounded up, at least 1; a short window lets tests run a "minute" in a second.
         */
        public Builder rateLimit(int megapixelsPerWindow, Duration window) {
            if (megapixelsPerWindow < 1) {
                throw new IllegalArgumentException("rate limit must be at least 1");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive");
            }
            this.rateLimit = megapixelsPerWindow;
            this.window = window;
            return this;
        }

        /**
         * Whether {@code image_url} and {@code bg_image_url} may point at non-loopback hosts (default false: only
         * loopback is contacted, so tests cannot reach the internet through the emulator).
         */
        public Builder allowRemoteImageUrls(boolean allow) {
            this.allowRemoteImageUrls = allow;
            return this;
        }

        /**
         * Treats requests that carry no credentials at all as if they had sent this configured API key (default: off,
         * such requests get 403 "Missing API Key" as from the real service). A demo convenience, so the reference's
         * key-less examples (e.g. its curl JSON call) run unchanged; a wrong key is still refused.
         */
        public Builder anonymousRequestsAs(String apiKey) {
            this.anonymousKey = requireCredential(apiKey, "anonymousRequestsAs");
            return this;
        }

        /** Worker threads serving connections (default 48; at least 32 concurrent clients are supported). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /** The clock for rate-limit windows and timestamps (default: the system UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The configured, not yet started, emulator. */
        public RemoveBgEmulator build() {
            if (anonymousKey != null && !apiKeys.containsKey(anonymousKey)) {
                throw new IllegalStateException("anonymousRequestsAs names a key that was not configured with apiKey");
            }
            return new RemoveBgEmulator(this);
        }

        private static String requireCredential(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value.trim();
        }

        private static BigDecimal requireCredits(BigDecimal credits) {
            if (credits == null || credits.signum() < 0) {
                throw new IllegalArgumentException("credits must be zero or more");
            }
            return credits;
        }
    }
}
