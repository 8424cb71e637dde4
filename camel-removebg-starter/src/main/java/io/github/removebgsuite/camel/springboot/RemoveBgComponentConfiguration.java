package io.github.removebgsuite.camel.springboot;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * Remove image backgrounds with the remove.bg API, read the account's credit balance and submit images to its
 * improvement program. The camel.component.removebg.* properties of a Spring Boot application: each is an option of the
 * removebg component, copied onto it when Camel creates it. A RemoveBgClient bean in the context is autowired instead
 * of a client built from these options. Generated from removebg.json by StarterConfigurationSource
 * (camel-removebg-starter's tests); do not edit.
 */
@ConfigurationProperties(prefix = "camel.component.removebg")
public class RemoveBgComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Finalized image with edge colour corrections (rgba, the API's default) or only the alpha mask (alpha) (API
     * parameter channels). Values: rgba, alpha.
     */
    private String channels;

    /**
     * Whether a format=zip result is composed in-process into a transparent PNG, so the route receives a PNG while
     * remove.bg sends the smaller, faster ZIP.
     */
    private Boolean composeZipToPng = false;

    /**
     * Result image format (API parameter format): auto (the API's default: PNG if transparent regions exist, otherwise
     * JPG), png (up to 10 megapixels), webp, jpg (no transparency) or zip (colour JPG plus alpha matte, the fastest;
     * see composeZipToPng). Values: auto, png, webp, jpg, zip.
     */
    private String format;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * Maximum output resolution (API parameter size): preview (the API's default, 0.25 megapixels, 0.25 credits), full
     * (up to 25 megapixels), 50MP (up to 50 megapixels), auto (highest available); small and regular are legacy names
     * of preview, 4k of full; medium (1.5 MP) and hd (4 MP) are legacy sizes. Values: preview, full, 50MP, auto, small,
     * regular, medium, hd, 4k.
     */
    private String size;

    /**
     * Further API parameters by their API names, sent verbatim, for parameters newer than this component, e.g.
     * additionalParameter.new_option=value. This is a multi-value option with prefix: additionalParameter.
     */
    private Map<String, Object> additionalParameters;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * The base URL of the API, for a remove.bg-compatible server such as the removebg-suite emulator or a mock in
     * tests.
     */
    private String baseUrl = "https://api.remove.bg/v1.0";

    /**
     * How many threads deflate the PNG of one composed ZIP result (composeZipToPng). A route composes many results at
     * once, one per exchange in flight, so one thread each keeps the memory per exchange small (the decoded raster plus
     * one 2 MB strip); raise it for routes that compose a few very large results one at a time.
     */
    private Integer composeThreads = 1;

    /**
     * How long to wait for a connection to the API.
     */
    private Duration connectTimeout = Duration.ofSeconds(30);

    /**
     * How long a stopping producer (its route stopping, or the CamelContext shutting down) waits for its remove.bg
     * calls still in flight, so a call that may already be charged is not aborted and its answer is delivered (and
     * saved in the result cache). Camel's graceful shutdown first waits for in-flight exchanges itself (its shutdown
     * timeout); this is the backstop after it.
     */
    private Duration gracefulStopTimeout = Duration.ofSeconds(30);

    /**
     * The most API calls in flight at once per client (OkHttp's dispatcher limits follow it). Exchanges beyond it wait
     * in the dispatcher's queue, not on a route thread.
     */
    private Integer maxConcurrentRequests = 16;

    /**
     * The largest response body accepted, in bytes (default 256 MB, well above a 50 megapixel result); a bigger answer
     * fails with UnexpectedResponseException instead of exhausting memory.
     */
    private Long maxResponseBytes = 268435456L;

    /**
     * How long a read of the API's answer may stall (remove.bg can take that long on a 50 megapixel image). A read that
     * times out after the request was sent is not repeated unless retryAfterRequestSent is set, because remove.bg may
     * already have charged it.
     */
    private Duration readTimeout = Duration.ofSeconds(120);

    /**
     * How long an upload may stall.
     */
    private Duration writeTimeout = Duration.ofSeconds(120);

    /**
     * Solid background colour (API parameter bg_color): 3, 4, 6 or 8 hex digits (the 4th or 7th and 8th are alpha),
     * e.g. 81d4fa, or a colour name such as green. Exclusive with bgImageUrl and bgImageFile.
     */
    private String bgColor;

    /**
     * Path of a local background image file, uploaded as the API parameter bg_image_file. Exclusive with bgColor and
     * bgImageUrl.
     */
    private String bgImageFile;

    /**
     * Background image URL (API parameter bg_image_url), cover-filled behind the subject. Exclusive with bgColor and
     * bgImageFile.
     */
    private String bgImageUrl;

    /**
     * Folder of the shared result cache, the default of every endpoint's cacheDir: every paid answer is saved there and
     * a repeated request is answered from it at no charge (header CamelRemoveBgFromCache=true). Not set: no cache.
     */
    private String cacheDir;

    /**
     * The most bytes the result cache folder holds (default 1 GiB), the default of every endpoint's cacheMaxSize.
     */
    private Long cacheMaxSize = 1073741824L;

    /**
     * Whether to crop off all empty regions (API parameter crop; the API's default is false). Values: true, false.
     */
    private String crop;

    /**
     * Margin around the cropped subject (API parameter crop_margin): 1, 2 or 4 values in px or %, e.g. 30px or 10%, at
     * most 50% or 500px; needs crop=true.
     */
    private String cropMargin;

    /**
     * Subject position (API parameter position): original, center, or one or two values from 0% to 100% (horizontal,
     * vertical).
     */
    private String position;

    /**
     * Region of interest, x1 y1 x2 y2 in px or % (API parameter roi), e.g. 0% 0% 100% 100% (the API's default): only
     * this rectangle can be foreground.
     */
    private String roi;

    /**
     * Subject scale relative to the image, from 10% to 100%, or original (the API's default) (API parameter scale).
     */
    private String scale;

    /**
     * Whether to keep semi-transparent regions, currently car windows (API parameter semitransparency; the API's
     * default is true). Values: true, false.
     */
    private String semitransparency;

    /**
     * Foreground type to detect (auto, recommended) or to set (API parameter type). Values: auto, car, product, person,
     * animal, graphic, transportation.
     */
    private String type;

    /**
     * Classification level of the detected foreground type reported in CamelRemoveBgDetectedType (API parameter
     * type_level): none (no classification), 1 (coarse), 2 (specific) or latest. Values: none, 1, 2, latest.
     */
    private String typeLevel;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default
     * disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * File name of the image submitted by the improve operation (API parameter image_filename); remove.bg detects it
     * when absent.
     */
    private String imageFilename;

    /**
     * Tag grouping the images submitted by the improve operation (API parameter tag).
     */
    private String tag;

    /**
     * The backoff ceiling after the first failure, doubling after each further one (with full jitter).
     */
    private Duration initialBackoff = Duration.ofSeconds(1);

    /**
     * The most attempts per call, the first included, for 5xx answers, 429 answers and connection failures before the
     * request was sent; 1 turns the core's retries off (Camel redelivery still applies).
     */
    private Integer maxAttempts = 4;

    /**
     * The largest backoff between two attempts.
     */
    private Duration maxBackoff = Duration.ofSeconds(30);

    /**
     * The longest wait accepted for a 429 answer (its Retry-After, or until the rate limit resets); a longer one fails
     * the exchange with RateLimitedException.
     */
    private Duration maxRateLimitWait = Duration.ofSeconds(90);

    /**
     * The client-side rate limit in megapixel images per minute (remove.bg's default is 500); calls wait for budget
     * instead of drawing 429 answers. Re-synchronised from every X-RateLimit-Remaining header.
     */
    private Integer rateLimit = 500;

    /**
     * A folder through which the rate limit is shared with every other client (other CamelContexts or JVMs on this
     * machine, or machines mounting the folder, the removebg CLI's --rate-limit-dir too) that names the same folder and
     * uses the same key: they pace as one client, so they neither draw 429 answers nor leave the budget unused. Not
     * set: the endpoints of this component share one limiter per key, and other processes are seen only through the
     * X-RateLimit headers.
     */
    private String rateLimitDir;

    /**
     * Whether a call is sent again after it was completely sent and then the read timed out or the connection dropped.
     * remove.bg may already have charged the lost answer, so this can charge twice; off by default.
     */
    private Boolean retryAfterRequestSent = false;

    /**
     * The longest a call may keep retrying, from its first attempt.
     */
    private Duration retryDeadline = Duration.ofMinutes(5);

    /**
     * The remove.bg API key, sent as the X-Api-Key header. Prefer the component option or RAW({{removebg.api-key}})
     * over a literal in the URI.
     */
    private String apiKey;

    /**
     * An OAuth 2.0 access token, sent as Authorization: Bearer, instead of an API key.
     */
    private String oauthToken;

    /**
     * Deprecated by remove.bg: adds a car shadow (API parameter add_shadow); use shadowType instead. Deprecation note:
     * Use shadowType=car or shadowType.car=car Values: true, false. Deprecated.
     */
    @Deprecated
    private String addShadow;

    /**
     * Shadow opacity from 0 (lightest) to 100 (darkest), or auto (API parameter shadow_opacity). Exclusive with the
     * shadowOpacity. options.
     */
    private String shadowOpacity;

    /**
     * Shadow opacity per foreground type (API parameters shadow_opacity), e.g. shadowOpacity.car=90, from 0 to 100.
     * This is a multi-value option with prefix: shadowOpacity.
     */
    private Map<String, Object> shadowOpacityPerType;

    /**
     * Shadow type for every foreground type (API parameter shadow_type); auto picks the default per type. Exclusive
     * with the shadowType. options. Values: auto, car, 3D, drop, none.
     */
    private String shadowType;

    /**
     * Shadow type per foreground type (API parameters shadow_type), e.g.
     * shadowType.car=car&amp;shadowType.product=drop; types: car, product, person, animal, graphic, transportation,
     * other; values: car, 3D, drop, none. This is a multi-value option with prefix: shadowType.
     */
    private Map<String, Object> shadowTypePerType;

    /**
     * Source image as a base64-encoded string (API parameter image_file_b64); when set, the message body is not
     * uploaded.
     */
    private String imageFileB64;

    /**
     * Source image URL (API parameter image_url) that remove.bg downloads itself; when set, the message body is not
     * uploaded.
     */
    private String imageUrl;

    /** Channels. */
    public String getChannels() {
        return channels;
    }

    /** Channels. */
    public void setChannels(String channels) {
        this.channels = channels;
    }

    /** Compose Zip To Png. */
    public Boolean getComposeZipToPng() {
        return composeZipToPng;
    }

    /** Compose Zip To Png. */
    public void setComposeZipToPng(Boolean composeZipToPng) {
        this.composeZipToPng = composeZipToPng;
    }

    /** Format. */
    public String getFormat() {
        return format;
    }

    /** Format. */
    public void setFormat(String format) {
        this.format = format;
    }

    /** Lazy Start Producer. */
    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    /** Lazy Start Producer. */
    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    /** Size. */
    public String getSize() {
        return size;
    }

    /** Size. */
    public void setSize(String size) {
        this.size = size;
    }

    /** Additional Parameters. */
    public Map<String, Object> getAdditionalParameters() {
        return additionalParameters;
    }

    /** Additional Parameters. */
    public void setAdditionalParameters(Map<String, Object> additionalParameters) {
        this.additionalParameters = additionalParameters;
    }

    /** Autowired Enabled. */
    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    /** Autowired Enabled. */
    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    /** Base Url. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** Base Url. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Compose Threads. */
    public Integer getComposeThreads() {
        return composeThreads;
    }

    /** Compose Threads. */
    public void setComposeThreads(Integer composeThreads) {
        this.composeThreads = composeThreads;
    }

    /** Connect Timeout. */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** Connect Timeout. */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** Graceful Stop Timeout. */
    public Duration getGracefulStopTimeout() {
        return gracefulStopTimeout;
    }

    /** Graceful Stop Timeout. */
    public void setGracefulStopTimeout(Duration gracefulStopTimeout) {
        this.gracefulStopTimeout = gracefulStopTimeout;
    }

    /** Max Concurrent Requests. */
    public Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** Max Concurrent Requests. */
    public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    /** Max Response Bytes. */
    public Long getMaxResponseBytes() {
        return maxResponseBytes;
    }

    /** Max Response Bytes. */
    public void setMaxResponseBytes(Long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    /** Read Timeout. */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /** Read Timeout. */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** Write Timeout. */
    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    /** Write Timeout. */
    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    /** Bg Color. */
    public String getBgColor() {
        return bgColor;
    }

    /** Bg Color. */
    public void setBgColor(String bgColor) {
        this.bgColor = bgColor;
    }

    /** Bg Image File. */
    public String getBgImageFile() {
        return bgImageFile;
    }

    /** Bg Image File. */
    public void setBgImageFile(String bgImageFile) {
        this.bgImageFile = bgImageFile;
    }

    /** Bg Image Url. */
    public String getBgImageUrl() {
        return bgImageUrl;
    }

    /** Bg Image Url. */
    public void setBgImageUrl(String bgImageUrl) {
        this.bgImageUrl = bgImageUrl;
    }

    /** Cache Dir. */
    public String getCacheDir() {
        return cacheDir;
    }

    /** Cache Dir. */
    public void setCacheDir(String cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** Cache Max Size. */
    public Long getCacheMaxSize() {
        return cacheMaxSize;
    }

    /** Cache Max Size. */
    public void setCacheMaxSize(Long cacheMaxSize) {
        this.cacheMaxSize = cacheMaxSize;
    }

    /** Crop. */
    public String getCrop() {
        return crop;
    }

    /** Crop. */
    public void setCrop(String crop) {
        this.crop = crop;
    }

    /** Crop Margin. */
    public String getCropMargin() {
        return cropMargin;
    }

    /** Crop Margin. */
    public void setCropMargin(String cropMargin) {
        this.cropMargin = cropMargin;
    }

    /** Position. */
    public String getPosition() {
        return position;
    }

    /** Position. */
    public void setPosition(String position) {
        this.position = position;
    }

    /** Roi. */
    public String getRoi() {
        return roi;
    }

    /** Roi. */
    public void setRoi(String roi) {
        this.roi = roi;
    }

    /** Scale. */
    public String getScale() {
        return scale;
    }

    /** Scale. */
    public void setScale(String scale) {
        this.scale = scale;
    }

    /** Semitransparency. */
    public String getSemitransparency() {
        return semitransparency;
    }

    /** Semitransparency. */
    public void setSemitransparency(String semitransparency) {
        this.semitransparency = semitransparency;
    }

    /** Type. */
    public String getType() {
        return type;
    }

    /** Type. */
    public void setType(String type) {
        this.type = type;
    }

    /** Type Level. */
    public String getTypeLevel() {
        return typeLevel;
    }

    /** Type Level. */
    public void setTypeLevel(String typeLevel) {
        this.typeLevel = typeLevel;
    }

    /** Health Check Consumer Enabled. */
    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    /** Health Check Consumer Enabled. */
    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    /** Health Check Producer Enabled. */
    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    /** Health Check Producer Enabled. */
    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    /** Image Filename. */
    public String getImageFilename() {
        return imageFilename;
    }

    /** Image Filename. */
    public void setImageFilename(String imageFilename) {
        this.imageFilename = imageFilename;
    }

    /** Tag. */
    public String getTag() {
        return tag;
    }

    /** Tag. */
    public void setTag(String tag) {
        this.tag = tag;
    }

    /** Initial Backoff. */
    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    /** Initial Backoff. */
    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    /** Max Attempts. */
    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    /** Max Attempts. */
    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** Max Backoff. */
    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    /** Max Backoff. */
    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    /** Max Rate Limit Wait. */
    public Duration getMaxRateLimitWait() {
        return maxRateLimitWait;
    }

    /** Max Rate Limit Wait. */
    public void setMaxRateLimitWait(Duration maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
    }

    /** Rate Limit. */
    public Integer getRateLimit() {
        return rateLimit;
    }

    /** Rate Limit. */
    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    /** Rate Limit Dir. */
    public String getRateLimitDir() {
        return rateLimitDir;
    }

    /** Rate Limit Dir. */
    public void setRateLimitDir(String rateLimitDir) {
        this.rateLimitDir = rateLimitDir;
    }

    /** Retry After Request Sent. */
    public Boolean getRetryAfterRequestSent() {
        return retryAfterRequestSent;
    }

    /** Retry After Request Sent. */
    public void setRetryAfterRequestSent(Boolean retryAfterRequestSent) {
        this.retryAfterRequestSent = retryAfterRequestSent;
    }

    /** Retry Deadline. */
    public Duration getRetryDeadline() {
        return retryDeadline;
    }

    /** Retry Deadline. */
    public void setRetryDeadline(Duration retryDeadline) {
        this.retryDeadline = retryDeadline;
    }

    /** Api Key. */
    public String getApiKey() {
        return apiKey;
    }

    /** Api Key. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** Oauth Token. */
    public String getOauthToken() {
        return oauthToken;
    }

    /** Oauth Token. */
    public void setOauthToken(String oauthToken) {
        this.oauthToken = oauthToken;
    }

    /** Add Shadow. */
    @Deprecated
    @DeprecatedConfigurationProperty
    public String getAddShadow() {
        return addShadow;
    }

    /** Add Shadow. */
    @Deprecated
    public void setAddShadow(String addShadow) {
        this.addShadow = addShadow;
    }

    /** Shadow Opacity. */
    public String getShadowOpacity() {
        return shadowOpacity;
    }

    /** Shadow Opacity. */
    public void setShadowOpacity(String shadowOpacity) {
        this.shadowOpacity = shadowOpacity;
    }

    /** Shadow Opacity Per Type. */
    public Map<String, Object> getShadowOpacityPerType() {
        return shadowOpacityPerType;
    }

    /** Shadow Opacity Per Type. */
    public void setShadowOpacityPerType(Map<String, Object> shadowOpacityPerType) {
        this.shadowOpacityPerType = shadowOpacityPerType;
    }

    /** Shadow Type. */
    public String getShadowType() {
        return shadowType;
    }

    /** Shadow Type. */
    public void setShadowType(String shadowType) {
        this.shadowType = shadowType;
    }

    /** Shadow Type Per Type. */
    public Map<String, Object> getShadowTypePerType() {
        return shadowTypePerType;
    }

    /** Shadow Type Per Type. */
    public void setShadowTypePerType(Map<String, Object> shadowTypePerType) {
        this.shadowTypePerType = shadowTypePerType;
    }

    /** Image File B64. */
    public String getImageFileB64() {
        return imageFileB64;
    }

    /** Image File B64. */
    public void setImageFileB64(String imageFileB64) {
        this.imageFileB64 = imageFileB64;
    }

    /** Image Url. */
    public String getImageUrl() {
        return imageUrl;
    }

    /** Image Url. */
    public void setImageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
    }
}
