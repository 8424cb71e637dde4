package io.github.removebgsuite.imagej.service;

import io.github.removebgsuite.common.client.RemoveBgClient;
import java.util.Optional;
import java.util.function.Consumer;
import org.scijava.service.SciJavaService;

/**
 * The plugin's one seam to remove.bg: where the API key comes from, which server is called, the upload consent and
 * the shared client. Every command goes through it, so a test or an embedding application can replace it with a
 * higher-priority {@code Service} plugin, or configure the default one.
 *
 * <p>The key is looked up in this order: the command's {@code api_key} parameter, the
 * {@value #API_KEY_ENVIRONMENT_VARIABLE} environment variable, then a key the user saved explicitly with
 * <em>Plugins › remove.bg › API Key…</em> (Fiji keeps preferences in plain text, which that command says).
 */
public interface RemoveBgService extends SciJavaService {

    /** The environment variable read when no key is given to a command. */
    String API_KEY_ENVIRONMENT_VARIABLE = "REMOVE_BG_API_KEY";

    /**
     * The system property that points the plugin at another server with the same API, e.g. the suite's emulator
     * ({@code -Dremovebg.api.url=http://127.0.0.1:8080/v1.0}); unset, the real API is called.
     */
    String BASE_URL_PROPERTY = "removebg.api.url";

    /** The real API's base URL. */
    String DEFAULT_BASE_URL = "https://api.remove.bg/v1.0";

    /**
     * Finds the key to use.
     *
     * @param parameter the value of a command's {@code api_key} parameter (may be null or blank)
     * @return the key and its source, or empty when none of the three places has one
     */
    Optional<ApiKey> resolveApiKey(String parameter);

    /** Saves a key in Fiji's preferences (plain text) so later runs need not give it. */
    void saveApiKey(String apiKey);

    /** Deletes a saved key; harmless when none is saved. */
    void forgetApiKey();

    /** Whether a key is saved in Fiji's preferences. */
    boolean hasSavedApiKey();

    /** The API's base URL every client of this service calls. */
    String baseUrl();

    /**
     * Points the plugin at another server with the same API (a proxy, or the emulator). Clients built before keep
     * their URL.
     *
     * @param baseUrl an http(s) URL ending in the version path, e.g. {@code http://127.0.0.1:8080/v1.0}
     */
    void setBaseUrl(String baseUrl);

    /**
     * Adds settings applied to every client this service builds after the call (timeouts, retry policy, concurrency),
     * for applications that embed the plugin and for tests.
     */
    void setClientCustomizer(Consumer<RemoveBgClient.Builder> customizer);

    /**
     * The client for a key. Clients are shared between commands (one connection pool and one rate limiter per key)
     * and closed when the context is disposed; callers must not close it. With a {@linkplain #resultCache() result
     * cache} set, the client answers repeated images from it at no charge.
     *
     * @throws io.github.removebgsuite.common.error.InvalidParameterException naming {@code cache_dir} when the saved
     *     cache folder can no longer be created or written
     */
    RemoveBgClient client(ApiKey apiKey);

    /** Whether the user has agreed that images are uploaded to the API's server. */
    boolean uploadConsentGiven();

    /** Records the user's agreement that images are uploaded (kept in Fiji's preferences). */
    void recordUploadConsent();

    /** Withdraws the agreement, so the next upload asks again. */
    void withdrawUploadConsent();

    /**
     * The result-cache folder saved in Fiji's preferences, if any. Every client built by this service answers a
     * repeated image (same backend, content and parameters) from it at no charge and saves every paid answer in it
     * (the core's {@code ResultCache}: size-bounded, least recently used first out, checksummed, safe to share
     * between Fiji instances and machines).
     */
    Optional<CacheSetting> resultCache();

    /**
     * Saves the result-cache folder (kept in Fiji's preferences) and builds the clients anew with it.
     *
     * @param setting the folder and its size bound, or null to switch the cache off
     */
    void setResultCache(CacheSetting setting);

    /**
     * A result-cache folder and the most it may hold.
     *
     * @param directory the folder (created when missing)
     * @param maxBytes the most bytes kept before the least recently used answers are evicted; positive
     */
    record CacheSetting(java.nio.file.Path directory, long maxBytes) {
        /** Checks the values. */
        public CacheSetting {
            java.util.Objects.requireNonNull(directory, "directory");
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
            }
        }
    }
}
