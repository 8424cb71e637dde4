package io.github.removebgsuite.camel;

import io.github.removebgsuite.common.cache.ResultCache;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.ratelimit.MegapixelRateLimiter;
import io.github.removebgsuite.common.retry.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code removebg:} component. Its options are the defaults of every {@code removebg:} endpoint of the
 * CamelContext; its connection, retry and rate-limit options shape the one client it shares between all endpoints
 * that use the same API key and base URL, so one megapixel rate limiter and one credit ledger serve every route.
 */
@Component("removebg")
public class RemoveBgComponent extends HealthCheckComponent {

    private static final Logger LOG = LoggerFactory.getLogger(RemoveBgComponent.class);

    @Metadata(description = "The default options of every endpoint; each endpoint gets its own copy.")
    private RemoveBgConfiguration configuration = new RemoveBgConfiguration();

    @Metadata(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration",
            description = "How long to wait for a connection to the API.")
    private long connectTimeout = 30_000;

    @Metadata(label = "advanced", defaultValue = "120s", javaType = "java.time.Duration",
            description = "How long a read of the API's answer may stall (remove.bg can take that long on a 50 "
                    + "megapixel image). A read that times out after the request was sent is not repeated unless "
                    + "retryAfterRequestSent is set, because remove.bg may already have charged it.")
    private long readTimeout = 120_000;

    @Metadata(label = "advanced", defaultValue = "120s", javaType = "java.time.Duration",
            description = "How long an upload may stall.")
    private long writeTimeout = 120_000;

    @Metadata(label = "advanced", defaultValue = "16", description = "The most API calls in flight at once per "
            + "client (OkHttp's dispatcher limits follow it). Exchanges beyond it wait in the dispatcher's queue, not "
            + "on a route thread.")
    private int maxConcurrentRequests = 16;

    @Metadata(label = "advanced", defaultValue = "268435456", description = "The largest response body accepted, in "
            + "bytes (default 256 MB, well above a 50 megapixel result); a bigger answer fails with "
            + "UnexpectedResponseException instead of exhausting memory.")
    private long maxResponseBytes = RemoveBgClient.DEFAULT_MAX_RESPONSE_BYTES;

    @Metadata(label = "advanced,retry", defaultValue = "4", description = "The most attempts per call, the first "
            + "included, for 5xx answers, 429 answers and connection failures before the request was sent; 1 turns "
            + "the core's retries off (Camel redelivery still applies).")
    private int maxAttempts = 4;

    @Metadata(label = "advanced,retry", defaultValue = "1s", javaType = "java.time.Duration",
            description = "The backoff ceiling after the first failure, doubling after each further one (with full "
                    + "jitter).")
    private long initialBackoff = 1_000;

    @Metadata(label = "advanced,retry", defaultValue = "30s", javaType = "java.time.Duration",
            description = "The largest backoff between two attempts.")
    private long maxBackoff = 30_000;

    @Metadata(label = "advanced,retry", defaultValue = "5m", javaType = "java.time.Duration",
            description = "The longest a call may keep retrying, from its first attempt.")
    private long retryDeadline = 300_000;

    @Metadata(label = "advanced,retry", defaultValue = "90s", javaType = "java.time.Duration",
            description = "The longest wait accepted for a 429 answer (its Retry-After, or until the rate limit "
                    + "resets); a longer one fails the exchange with RateLimitedException.")
    private long maxRateLimitWait = 90_000;

    @Metadata(label = "advanced,retry", defaultValue = "false", description = "Whether a call is sent again after it "
            + "was completely sent and then the read timed out or the connection dropped. remove.bg may already have "
            + "charged the lost answer, so this can charge twice; off by default.")
    private boolean retryAfterRequestSent;

    @Metadata(label = "advanced,retry", defaultValue = "500", description = "The client-side rate limit in megapixel "
            + "images per minute (remove.bg's default is 500); calls wait for budget instead of drawing 429 "
            + "answers. Re-synchronised from every X-RateLimit-Remaining header.")
    private int rateLimit = MegapixelRateLimiter.DEFAULT_MEGAPIXELS_PER_MINUTE;

    @Metadata(label = "advanced,retry", description = "A folder through which the rate limit is shared with every "
            + "other client (other CamelContexts or JVMs on this machine, or machines mounting the folder, the "
            + "removebg CLI's --rate-limit-dir too) that names the same folder and uses the same key: they pace as "
            + "one client, so they neither draw 429 answers nor leave the budget unused. Not set: the endpoints of "
            + "this component share one limiter per key, and other processes are seen only through the "
            + "X-RateLimit headers.")
    private String rateLimitDir;

    @Metadata(label = "producer,cache", description = "Folder of the shared result cache, the default of every "
            + "endpoint's cacheDir: every paid answer is saved there and a repeated request is answered from it at "
            + "no charge (header CamelRemoveBgFromCache=true). Not set: no cache.")
    private String cacheDir;

    @Metadata(label = "producer,cache", defaultValue = "1073741824", description = "The most bytes the result cache "
            + "folder holds (default 1 GiB), the default of every endpoint's cacheMaxSize.")
    private long cacheMaxSize = ResultCache.DEFAULT_MAX_BYTES;

    @Metadata(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration", description = "How long a "
            + "stopping producer (its route stopping, or the CamelContext shutting down) waits for its remove.bg "
            + "calls still in flight, so a call that may already be charged is not aborted and its answer is "
            + "delivered (and saved in the result cache). Camel's graceful shutdown first waits for in-flight "
            + "exchanges itself (its shutdown timeout); this is the backstop after it.")
    private long gracefulStopTimeout = 30_000;

    @Metadata(label = "advanced", defaultValue = "1", description = "How many threads deflate the PNG of one "
            + "composed ZIP result (composeZipToPng). A route composes many results at once, one per exchange in "
            + "flight, so one thread each keeps the memory per exchange small (the decoded raster plus one 2 MB "
            + "strip); raise it for routes that compose a few very large results one at a time.")
    private int composeThreads = 1;

    /** The calls in flight on every endpoint of this component; the clients are closed only once they finished. */
    private final InFlightCalls inFlight = new InFlightCalls();

    /** A permit for each stop that had to wait for calls in flight (tests act on it while the stop waits). */
    private final Semaphore stopsWaiting = new Semaphore(0);

    /** Clients built by this component, one per credential, base URL and cache; closed when the component stops. */
    private final Map<ClientKey, RemoveBgClient> clients = new ConcurrentHashMap<>();
    /** One limiter per credential and base URL: the endpoints that differ only in their cache share a key's budget. */
    private final Map<ClientKey, MegapixelRateLimiter> limiters = new ConcurrentHashMap<>();

    /** Creates the component. */
    public RemoveBgComponent() {
    }

    /** Creates the component for a CamelContext. */
    public RemoveBgComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        RemoveBgConfiguration endpointConfiguration = configuration.copy();
        RemoveBgEndpoint endpoint = new RemoveBgEndpoint(uri, this, operation(remaining), endpointConfiguration);
        endpointConfiguration.getShadowTypePerType().putAll(PropertiesHelper.extractProperties(parameters,
                "shadowType."));
        endpointConfiguration.getShadowOpacityPerType().putAll(PropertiesHelper.extractProperties(parameters,
                "shadowOpacity."));
        endpointConfiguration.getAdditionalParameters().putAll(PropertiesHelper.extractProperties(parameters,
                "additionalParameter."));
        endpoint.setCacheDir(cacheDir);
        endpoint.setCacheMaxSize(cacheMaxSize);
        setProperties(endpoint, parameters);
        endpoint.validateOptions();
        return endpoint;
    }

    /**
     * The operation named in a path or in the {@code CamelRemoveBgOperation} header.
     *
     * @throws IllegalArgumentException naming the allowed operations
     */
    static RemoveBgOperation operation(String name) {
        for (RemoveBgOperation operation : RemoveBgOperation.values()) {
            if (operation.name().equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown removebg operation '" + name + "': expected one of "
                + Arrays.stream(RemoveBgOperation.values()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /**
     * The client an endpoint calls: its configured (or autowired) client, else the client this component shares
     * between every endpoint with the same credentials and base URL.
     *
     * @throws IllegalArgumentException when neither a client nor an API key or OAuth token is configured
     */
    RemoveBgClient clientFor(RemoveBgEndpoint endpoint) {
        RemoveBgConfiguration endpointConfiguration = endpoint.getConfiguration();
        if (endpointConfiguration.getClient() != null) {
            if (blankToNull(endpoint.getCacheDir()) != null) {
                LOG.warn("cacheDir is ignored on {}: it uses a RemoveBgClient bean, whose own result cache applies",
                        endpoint);
            }
            return endpointConfiguration.getClient();
        }
        String apiKey = blankToNull(endpointConfiguration.getApiKey());
        String oauthToken = blankToNull(endpointConfiguration.getOauthToken());
        if (apiKey == null && oauthToken == null) {
            throw new IllegalArgumentException("No remove.bg credentials: set the apiKey (or oauthToken) option on "
                    + "the removebg component or endpoint, or bind a RemoveBgClient in the registry");
        }
        String cache = blankToNull(endpoint.getCacheDir());
        ClientKey key = new ClientKey(endpointConfiguration.getBaseUrl(), apiKey, oauthToken,
                cache == null ? null : Path.of(cache.strip()).toAbsolutePath().normalize(),
                endpoint.getCacheMaxSize());
        return clients.computeIfAbsent(key, this::newClient);
    }

    private RemoveBgClient newClient(ClientKey key) {
        RemoveBgClient.Builder builder = RemoveBgClient.builder()
                .baseUrl(key.baseUrl())
                .userAgent("camel/" + getCamelContext().getVersion())
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .readTimeout(Duration.ofMillis(readTimeout))
                .writeTimeout(Duration.ofMillis(writeTimeout))
                .maxConcurrentRequests(maxConcurrentRequests)
                .rateLimiter(limiters.computeIfAbsent(new ClientKey(key.baseUrl(), key.apiKey(), key.oauthToken(),
                        null, 0), this::newLimiter))
                .retryPolicy(retryPolicy())
                .maxResponseBytes(maxResponseBytes);
        if (key.cacheDir() != null) {
            builder.resultCache(ResultCache.builder().directory(key.cacheDir()).maxBytes(key.cacheMaxSize()).build());
        }
        if (key.apiKey() != null) {
            builder.apiKey(key.apiKey());
        } else {
            builder.oauthToken(key.oauthToken());
        }
        return builder.build();
    }

    private MegapixelRateLimiter newLimiter(ClientKey key) {
        String folder = blankToNull(rateLimitDir);
        if (folder == null) {
            return new MegapixelRateLimiter(rateLimit);
        }
        Path file = MegapixelRateLimiter.stateFileFor(Path.of(folder.strip()).toAbsolutePath().normalize(),
                key.apiKey() != null ? key.apiKey() : key.oauthToken(), key.baseUrl());
        return MegapixelRateLimiter.sharedThrough(file, rateLimit, MegapixelRateLimiter.DEFAULT_WINDOW,
                Clock.systemUTC());
    }

    /** The retry policy the component's options describe. */
    RetryPolicy retryPolicy() {
        return RetryPolicy.builder()
                .maxAttempts(maxAttempts)
                .initialBackoff(Duration.ofMillis(initialBackoff))
                .maxBackoff(Duration.ofMillis(maxBackoff))
                .totalDeadline(Duration.ofMillis(retryDeadline))
                .maxRateLimitWait(Duration.ofMillis(maxRateLimitWait))
                .retryAfterRequestSent(retryAfterRequestSent)
                .build();
    }

    /** Waits for the given calls to finish, at most the graceful stop timeout; says so in the log when it waits. */
    void awaitInFlight(InFlightCalls calls, Object stopping) {
        int pending = calls.count();
        if (pending == 0) {
            return;
        }
        LOG.info("{} stopping: waiting up to {} ms for {} remove.bg call(s) in flight", stopping,
                gracefulStopTimeout, pending);
        stopsWaiting.release();
        if (!calls.awaitNone(Duration.ofMillis(gracefulStopTimeout))) {
            LOG.warn("{} stopping: {} remove.bg call(s) still in flight after {} ms are abandoned; they may have "
                    + "been charged", stopping, calls.count(), gracefulStopTimeout);
        }
    }

    /** Waits until a stop waits for calls in flight; for tests. */
    boolean awaitStopWaiting(Duration timeout) throws InterruptedException {
        return stopsWaiting.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The calls in flight on every endpoint of this component. */
    InFlightCalls inFlight() {
        return inFlight;
    }

    /**
     * Waits for the calls in flight (at most {@link #getGracefulStopTimeout()}), then closes the clients this
     * component built: closing a client aborts its calls, and a call that was sent may already be charged.
     */
    @Override
    protected void doStop() throws Exception {
        awaitInFlight(inFlight, "removebg component");
        super.doStop();
        for (RemoveBgClient client : clients.values()) {
            client.close();
        }
        clients.clear();
        limiters.clear();
    }

    /** Identifies a shared client; its string form never shows the credentials. */
    private record ClientKey(String baseUrl, String apiKey, String oauthToken, Path cacheDir, long cacheMaxSize) {
        ClientKey {
            baseUrl = baseUrl == null ? RemoveBgConfiguration.DEFAULT_BASE_URL : baseUrl;
        }

        @Override
        public String toString() {
            return "ClientKey[" + baseUrl + (cacheDir == null ? "" : ", cache " + cacheDir) + "]";
        }
    }

    // ---------------------------------------------------------------- getters and setters

    /** The default options of every endpoint. */
    public RemoveBgConfiguration getConfiguration() {
        return configuration;
    }

    /** The default options of every endpoint; each endpoint gets its own copy. */
    public void setConfiguration(RemoveBgConfiguration configuration) {
        this.configuration = configuration == null ? new RemoveBgConfiguration() : configuration;
    }

    /** The connect timeout in milliseconds. */
    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a connection to the API. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** The read timeout in milliseconds. */
    public long getReadTimeout() {
        return readTimeout;
    }

    /** How long to wait for the API's answer once the request was sent. */
    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** The write timeout in milliseconds. */
    public long getWriteTimeout() {
        return writeTimeout;
    }

    /** How long an upload may stall. */
    public void setWriteTimeout(long writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    /** The most API calls in flight at once per client. */
    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** The most API calls in flight at once per client. */
    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    /** The largest response body accepted, in bytes. */
    public long getMaxResponseBytes() {
        return maxResponseBytes;
    }

    /** The largest response body accepted, in bytes. */
    public void setMaxResponseBytes(long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    /** The most attempts per call, the first included. */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    /** The most attempts per call, the first included; 1 turns the core's retries off. */
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** The first backoff ceiling in milliseconds. */
    public long getInitialBackoff() {
        return initialBackoff;
    }

    /** The backoff ceiling after the first failure. */
    public void setInitialBackoff(long initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    /** The largest backoff in milliseconds. */
    public long getMaxBackoff() {
        return maxBackoff;
    }

    /** The largest backoff between two attempts. */
    public void setMaxBackoff(long maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    /** The retry deadline in milliseconds. */
    public long getRetryDeadline() {
        return retryDeadline;
    }

    /** The longest a call may keep retrying, from its first attempt. */
    public void setRetryDeadline(long retryDeadline) {
        this.retryDeadline = retryDeadline;
    }

    /** The longest accepted wait for a 429, in milliseconds. */
    public long getMaxRateLimitWait() {
        return maxRateLimitWait;
    }

    /** The longest wait accepted for a 429 answer. */
    public void setMaxRateLimitWait(long maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
    }

    /** Whether a call is sent again after it was completely sent. */
    public boolean isRetryAfterRequestSent() {
        return retryAfterRequestSent;
    }

    /** Whether a call is sent again after it was completely sent and the answer was lost (may charge twice). */
    public void setRetryAfterRequestSent(boolean retryAfterRequestSent) {
        this.retryAfterRequestSent = retryAfterRequestSent;
    }

    /** The client-side rate limit in megapixel images per minute. */
    public int getRateLimit() {
        return rateLimit;
    }

    /** The client-side rate limit in megapixel images per minute. */
    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
    }

    /** The folder through which the rate limit is shared, or null for none. */
    public String getRateLimitDir() {
        return rateLimitDir;
    }

    /** The folder through which the rate limit is shared with other clients of the same key. */
    public void setRateLimitDir(String rateLimitDir) {
        this.rateLimitDir = rateLimitDir;
    }

    /** The result cache folder, or null for none. */
    public String getCacheDir() {
        return cacheDir;
    }

    /** Folder of the shared result cache, the default of every endpoint's cacheDir. */
    public void setCacheDir(String cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** The most bytes the result cache folder holds. */
    public long getCacheMaxSize() {
        return cacheMaxSize;
    }

    /** The most bytes the result cache folder holds, the default of every endpoint's cacheMaxSize. */
    public void setCacheMaxSize(long cacheMaxSize) {
        this.cacheMaxSize = cacheMaxSize;
    }

    /** The graceful stop timeout in milliseconds. */
    public long getGracefulStopTimeout() {
        return gracefulStopTimeout;
    }

    /** How long a stopping producer waits for its remove.bg calls in flight. */
    public void setGracefulStopTimeout(long gracefulStopTimeout) {
        this.gracefulStopTimeout = gracefulStopTimeout;
    }

    /** How many threads deflate the PNG of one composed ZIP result. */
    public int getComposeThreads() {
        return composeThreads;
    }

    /** How many threads deflate the PNG of one composed ZIP result, at least 1. */
    public void setComposeThreads(int composeThreads) {
        if (composeThreads < 1) {
            throw new IllegalArgumentException("composeThreads must be at least 1, was " + composeThreads);
        }
        this.composeThreads = composeThreads;
    }
}
