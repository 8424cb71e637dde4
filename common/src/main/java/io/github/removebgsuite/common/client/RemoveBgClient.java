package io.github.removebgsuite.common.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.removebgsuite.common.account.Account;
import io.github.removebgsuite.common.account.CreditLedger;
import io.github.removebgsuite.common.cache.ResultCache;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.image.ImageDimensions;
import io.github.removebgsuite.common.ratelimit.MegapixelRateLimiter;
import io.github.removebgsuite.common.request.ImproveRequest;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import io.github.removebgsuite.common.retry.RetryPolicy;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The remove.bg client: all three endpoints, synchronous and asynchronous, with typed results and errors, retries
 * per {@link RetryPolicy}, client-side pacing per {@link MegapixelRateLimiter} and a {@link CreditLedger}.
 *
 * <pre>{@code
 * try (RemoveBgClient client = RemoveBgClient.builder().apiKey(key).build()) {
 *     RemoveBgResult result = client.removeBackground(request);
 *     result.writeTo(Path.of("no-bg.png"));
 * }
 * }</pre>
 *
 * <p>Thread-safe; make one per key and share it: it owns one connection pool, one dispatcher (whose limits are
 * {@link Builder#maxConcurrentRequests(int)}) and one scheduler thread for retries and rate-limit waits, which
 * {@link #close()} shuts down. Asynchronous calls never block or sleep on the caller's thread; a synchronous call is its
 * asynchronous twin awaited on the caller's thread.
 *
 * <p>The API key or token is sent only to the base URL (redirects are not followed), over verified TLS, and never
 * appears in {@link #toString()}, exception messages or log records.
 */
public final class RemoveBgClient implements AutoCloseable {

    /** remove.bg's API base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.remove.bg/v1.0";

    /** The default for {@link Builder#maxResponseBytes(long)}: 256 MB, well above a 50 MP result. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L * 1024 * 1024;

    private final Transport transport;
    private final CreditLedger ledger;
    private final String description;
    private final String backendIdentity;
    private final CachedCalls cache;

    private RemoveBgClient(Transport transport, CreditLedger ledger, String description, String backendIdentity,
            CachedCalls cache) {
        this.transport = transport;
        this.ledger = ledger;
        this.description = description;
        this.backendIdentity = backendIdentity;
        this.cache = cache;
    }

    /** A builder; {@link Builder#apiKey(String)} or {@link Builder#oauthToken(String)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Removes the background of an image ({@code POST /removebg}). The request was validated when it was built, so
     * nothing reaches the network that the model knows to be wrong. Binary sources are streamed as
     * {@code multipart/form-data}; otherwise the fields go as a JSON body.
     *
     * @return the image and its metadata; the call's {@code X-Credits-Charged} is already on the {@link #creditLedger()}
     * @throws io.github.removebgsuite.common.error.InvalidRequestException when remove.bg refuses the request (400)
     * @throws io.github.removebgsuite.common.error.InsufficientCreditsException when the account is short (402)
     * @throws io.github.removebgsuite.common.error.AuthenticationException for a wrong key or token (403)
     * @throws io.github.removebgsuite.common.error.RateLimitedException when rate-limited beyond the retry policy
     * @throws io.github.removebgsuite.common.error.ServerException for a 5xx the retries did not overcome
     * @throws io.github.removebgsuite.common.error.ApiConnectionException when remove.bg could not be reached
     * @throws io.github.removebgsuite.common.error.UnexpectedResponseException when the answer is not a sound image
     */
    public RemoveBgResult removeBackground(RemoveBgRequest request) {
        return await(removeBackgroundAsync(request));
    }

    /**
     * {@link #removeBackground(RemoveBgRequest)} as a future, with the same retry policy: waits are scheduled on the
     * client's scheduler and the HTTP exchange runs on OkHttp's dispatcher, so the caller's thread is never blocked.
     * Cancelling the future cancels the call in flight. With a {@linkplain Builder#resultCache result cache}, a
     * request answered before is served from it ({@link RemoveBgResult#fromCache()}, 0 credits) and every paid answer
     * is saved in it.
     */
    public CompletableFuture<RemoveBgResult> removeBackgroundAsync(RemoveBgRequest request) {
        Objects.requireNonNull(request, "request");
        return cache == null ? send(request) : cache.removeBackground(request, this::send);
    }

    private CompletableFuture<RemoveBgResult> send(RemoveBgRequest request) {
        int cost = request.imageDimensions().map(ImageDimensions::rateLimitCost).orElse(0);
        return transport.execute(ApiCall.post("removebg", request.formFields(), request.fileParts(), request.image(),
                cost), transport.decoder()::removeBg);
    }

    /**
     * Submits an image to remove.bg's Improvement Program ({@code POST /improve}).
     *
     * @return the submission's id
     * @throws RemoveBgException as {@link #removeBackground(RemoveBgRequest)} does
     */
    public ImproveResult improve(ImproveRequest request) {
        return await(improveAsync(request));
    }

    /** {@link #improve(ImproveRequest)} as a future; the caller's thread is never blocked. */
    public CompletableFuture<ImproveResult> improveAsync(ImproveRequest request) {
        Objects.requireNonNull(request, "request");
        // The Improvement Program has its own quota (100 files a day), so it is not paced by the megapixel limiter.
        return transport.execute(ApiCall.post("improve", request.formFields(), request.fileParts(), null, 0),
                transport.decoder()::improve);
    }

    /**
     * Fetches the account's balances ({@code GET /account}) and (re)starts the {@link #creditLedger()} from them.
     * remove.bg updates this balance with a delay of a few seconds, so call it once and then follow the ledger.
     *
     * @throws io.github.removebgsuite.common.error.AuthenticationException for a wrong key (403)
     * @throws RemoveBgException for any other failure
     */
    public Account account() {
        return await(accountAsync());
    }

    /** {@link #account()} as a future, completed on a client thread; the caller's thread is never blocked. */
    public CompletableFuture<Account> accountAsync() {
        return transport.execute(ApiCall.get("account"), transport.decoder()::account)
                .thenApply(account -> {
                    ledger.start(account);
                    return account;
                });
    }

    /** The API base URL this client calls, without any user info. */
    public String baseUrl() {
        return transport.displayBaseUrl();
    }

    /**
     * The name of the backend this client's results come from, which manifests and result caches key on: results
     * from different backends (remove.bg, a compatible server, the emulator) are not interchangeable. Unless set with
     * {@link Builder#backendIdentity(String)}, the base URL, with the port left out for a loopback host, so that a
     * local emulator on a new port each run is still the same backend (and never remove.bg).
     */
    public String backendIdentity() {
        return backendIdentity;
    }

    /**
     * The client's credit ledger: started by {@link #account()}, reduced by every call's {@code X-Credits-Charged}.
     */
    public CreditLedger creditLedger() {
        return ledger;
    }

    /**
     * Fails calls still waiting for a retry or in flight, then shuts down the scheduler, the dispatcher's threads and
     * the connection pool. Idempotent.
     */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return description;
    }

    /** Waits for a future on the caller's thread, rethrowing its failure as thrown. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RemoveBgException("Interrupted while waiting for remove.bg; the call was cancelled.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new RemoveBgException("The remove.bg call failed: " + cause, cause);
        }
    }

    /**
     * Builds a {@link RemoveBgClient}. Every option has a default sized for remove.bg; only the credential is required.
     */
    public static final class Builder {
        private String apiKey;
        private String oauthToken;
        private String baseUrl = DEFAULT_BASE_URL;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private MegapixelRateLimiter rateLimiter;
        private String host;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(120);
        private Duration writeTimeout = Duration.ofSeconds(120);
        private int maxConcurrentRequests = 16;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private boolean jsonResults;
        private String backendIdentity;
        private ResultCache resultCache;

        private Builder() {
        }

        /** The API key, sent as {@code X-Api-Key}. Replaces an OAuth token set before. */
        public Builder apiKey(String apiKey) {
            this.apiKey = credential("apiKey", apiKey);
            this.oauthToken = null;
            return this;
        }

        /** An OAuth 2.0 access token, sent as {@code Authorization: Bearer}. Replaces an API key set before. */
        public Builder oauthToken(String oauthToken) {
            this.oauthToken = credential("oauthToken", oauthToken);
            this.apiKey = null;
            return this;
        }

        /**
         * The API's base URL (default {@value RemoveBgClient#DEFAULT_BASE_URL}); an emulator or a compatible server
         * elsewhere. Must be {@code http} or {@code https}; plain {@code http} to a non-loopback host is logged as a
         * warning because the key would travel unencrypted.
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** How failed calls are retried (default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} never). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * The megapixel rate limiter to pace calls with; share one between every client using the same key. Default:
         * a limiter of this client's own at remove.bg's 500 megapixels a minute.
         */
        public Builder rateLimiter(MegapixelRateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        /**
         * Names the host application in the {@code User-Agent}, e.g. {@code camel/4.14} or {@code jenkins/2.504}:
         * the header becomes {@code removebg-suite/<version> (<host>)}.
         */
        public Builder userAgent(String hostNameAndVersion) {
            Objects.requireNonNull(hostNameAndVersion, "hostNameAndVersion");
            if (hostNameAndVersion.isBlank() || !hostNameAndVersion.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("userAgent must be printable ASCII text, e.g. 'camel/4.14'");
            }
            this.host = hostNameAndVersion.trim();
            return this;
        }

        /** How long to wait for a connection (default 30 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * How long a read may stall (default 120 s: remove.bg can take that long to answer a 50 MP image). A read
         * timeout after the request was sent is not retried unless the retry policy opts in.
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = positive("readTimeout", readTimeout);
            return this;
        }

        /** How long a write may stall (default 120 s, for 22 MB uploads on slow links). */
        public Builder writeTimeout(Duration writeTimeout) {
            this.writeTimeout = positive("writeTimeout", writeTimeout);
            return this;
        }

        /** The most calls in flight at once, in total and to the one host (default 16). Further calls queue. */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            if (maxConcurrentRequests < 1) {
                throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, was "
                        + maxConcurrentRequests);
            }
            this.maxConcurrentRequests = maxConcurrentRequests;
            return this;
        }

        /**
         * The largest answer accepted (default 256 MB); a larger announced {@code Content-Length} is refused before
         * reading, a larger body stops being read.
         */
        public Builder maxResponseBytes(long maxResponseBytes) {
            if (maxResponseBytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive, was " + maxResponseBytes);
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /**
         * Whether to ask for JSON results ({@code Accept: application/json}): the image arrives base64-encoded in
         * {@code data.result_b64} with the foreground box as fields, and is decoded into the same
         * {@link RemoveBgResult}. Default false (binary results, a third smaller on the wire).
         */
        public Builder jsonResults(boolean jsonResults) {
            this.jsonResults = jsonResults;
            return this;
        }

        /**
         * Names the backend for manifests and result caches (see {@link RemoveBgClient#backendIdentity()}); set it when
         * one server is reached under several URLs. Default: derived from the base URL.
         */
        public Builder backendIdentity(String backendIdentity) {
            Objects.requireNonNull(backendIdentity, "backendIdentity");
            if (backendIdentity.isBlank()) {
                throw new IllegalArgumentException("backendIdentity must not be blank");
            }
            this.backendIdentity = backendIdentity.trim();
            return this;
        }

        /**
         * A shared result cache to answer repeated requests from at no charge and to save every paid answer in
         * (default: none). Requests whose image or background the service downloads ({@code image_url},
         * {@code bg_image_url}) bypass it.
         */
        public Builder resultCache(ResultCache resultCache) {
            this.resultCache = Objects.requireNonNull(resultCache, "resultCache");
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException when neither an API key nor an OAuth token was given
         * @throws IllegalArgumentException when the base URL is not an http(s) URL
         */
        public RemoveBgClient build() {
            if (apiKey == null && oauthToken == null) {
                throw new IllegalStateException("No credential: call apiKey(...) or oauthToken(...) on the builder.");
            }
            HttpUrl url = HttpUrl.parse(baseUrl);
            if (url == null) {
                throw new IllegalArgumentException("baseUrl must be an http or https URL such as "
                        + DEFAULT_BASE_URL + ", was '" + withoutUserInfo(baseUrl) + "'");
            }
            String secret = apiKey != null ? apiKey : oauthToken;
            Secrets secrets = new Secrets(secret);
            CreditLedger ledger = new CreditLedger();
            ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

            ExecutorService dispatcherExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), daemonThreads("removebg-http"));
            Dispatcher dispatcher = new Dispatcher(dispatcherExecutor);
            dispatcher.setMaxRequests(maxConcurrentRequests);
            dispatcher.setMaxRequestsPerHost(maxConcurrentRequests);
            OkHttpClient http = new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    .connectTimeout(connectTimeout)
                    .readTimeout(readTimeout)
                    .writeTimeout(writeTimeout)
                    // The retry policy decides about repeats; OkHttp's own silent retry could re-send a charged call.
                    .retryOnConnectionFailure(false)
                    // A redirect would carry X-Api-Key to wherever it points.
                    .followRedirects(false)
                    .followSslRedirects(false)
                    .eventListener(Transport.SENT_TRACKER)
                    .build();
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                    daemonThreads("removebg-scheduler"));
            scheduler.setRemoveOnCancelPolicy(true);

            String userAgent = "removebg-suite/" + SuiteVersion.VALUE + " (" + (host == null ? "java" : host) + ")";
            Transport transport = new Transport(http, dispatcherExecutor, scheduler, url,
                    apiKey != null ? "X-Api-Key" : "Authorization",
                    apiKey != null ? apiKey : "Bearer " + oauthToken, userAgent, jsonResults, retryPolicy,
                    rateLimiter != null ? rateLimiter : new MegapixelRateLimiter(),
                    new RequestEncoder(mapper), new ResponseDecoder(mapper, maxResponseBytes, ledger, secrets),
                    secrets);
            if ("http".equals(url.scheme()) && !isLoopback(url.host())) {
                transport.log(Level.WARNING, () -> "The remove.bg base URL " + transport.displayBaseUrl()
                        + " is plain http: the credential travels unencrypted.");
            }
            String identity = backendIdentity != null ? backendIdentity : defaultIdentity(url);
            String description = "RemoveBgClient[baseUrl=" + transport.displayBaseUrl() + ", auth="
                    + (apiKey != null ? "X-Api-Key" : "OAuth bearer token") + ", userAgent=" + userAgent
                    + ", retryPolicy=" + retryPolicy + (resultCache != null ? ", resultCache=" + resultCache : "")
                    + "]";
            return new RemoveBgClient(transport, ledger, description, identity,
                    resultCache == null ? null : new CachedCalls(resultCache, identity, dispatcherExecutor));
        }

        /** The base URL without user info, query or (for a loopback host) port. */
        private static String defaultIdentity(HttpUrl url) {
            HttpUrl.Builder b = url.newBuilder().username("").password("").query(null).fragment(null);
            if (isLoopback(url.host())) {
                b.port(HttpUrl.defaultPort(url.scheme()));
            }
            String identity = b.build().toString();
            return identity.endsWith("/") ? identity.substring(0, identity.length() - 1) : identity;
        }

        private static String credential(String name, String value) {
            Objects.requireNonNull(value, name);
            String trimmed = value.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            // Checked here so OkHttp's header validation never echoes the value in its message.
            if (!trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException(name + " contains a character that cannot go in an HTTP header "
                        + "(only printable ASCII without spaces is allowed); the value is not shown.");
            }
            return trimmed;
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        private static String withoutUserInfo(String url) {
            return url.replaceAll("//[^/@]*@", "//");
        }

        private static boolean isLoopback(String host) {
            if ("localhost".equalsIgnoreCase(host)) {
                return true;
            }
            try {
                // Only literal addresses are checked, so no name lookup happens here.
                return host.matches("[0-9.]+|[0-9a-fA-F:]+") && InetAddress.getByName(host).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }

        private static ThreadFactory daemonThreads(String prefix) {
            AtomicInteger count = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
