package io.github.removebgsuite.imagej.service;

import io.github.removebgsuite.common.cache.ResultCache;
import io.github.removebgsuite.common.client.RemoveBgClient;
import java.nio.file.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.prefs.PrefService;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/**
 * The default {@link RemoveBgService}: keys from the parameter, the environment or Fiji's preferences; one shared
 * client per key; the base URL from {@value RemoveBgService#BASE_URL_PROPERTY} or the real API.
 */
@Plugin(type = Service.class)
public class DefaultRemoveBgService extends AbstractService implements RemoveBgService {

    static final String SAVED_KEY_PREF = "api_key";
    static final String CONSENT_PREF = "upload_consent";
    static final String CACHE_DIR_PREF = "cache_dir";
    static final String CACHE_MAX_BYTES_PREF = "cache_max_bytes";

    @Parameter
    private PrefService prefs;

    @Parameter(required = false)
    private LogService log;

    private final Map<String, RemoveBgClient> clients = new ConcurrentHashMap<>();
    private final List<RemoveBgClient> retired = new ArrayList<>();
    private volatile String baseUrl;
    private volatile Consumer<RemoveBgClient.Builder> customizer = builder -> { };
    private volatile UnaryOperator<String> environment = System::getenv;

    @Override
    public void initialize() {
        String configured = System.getProperty(BASE_URL_PROPERTY);
        baseUrl = configured == null || configured.isBlank() ? DEFAULT_BASE_URL : checkedUrl(configured.strip());
    }

    @Override
    public Optional<ApiKey> resolveApiKey(String parameter) {
        if (parameter != null && !parameter.isBlank()) {
            return Optional.of(new ApiKey(parameter, ApiKey.Source.PARAMETER));
        }
        String fromEnvironment = environment.apply(API_KEY_ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(new ApiKey(fromEnvironment, ApiKey.Source.ENVIRONMENT));
        }
        String saved = prefs.get(RemoveBgService.class, SAVED_KEY_PREF, null);
        if (saved != null && !saved.isBlank()) {
            return Optional.of(new ApiKey(saved, ApiKey.Source.SAVED));
        }
        return Optional.empty();
    }

    @Override
    public void saveApiKey(String apiKey) {
        ApiKey key = new ApiKey(Objects.requireNonNull(apiKey, "apiKey"), ApiKey.Source.SAVED);
        prefs.put(RemoveBgService.class, SAVED_KEY_PREF, key.value());
    }

    @Override
    public void forgetApiKey() {
        prefs.remove(RemoveBgService.class, SAVED_KEY_PREF);
    }

    @Override
    public boolean hasSavedApiKey() {
        String saved = prefs.get(RemoveBgService.class, SAVED_KEY_PREF, null);
        return saved != null && !saved.isBlank();
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public synchronized void setBaseUrl(String baseUrl) {
        this.baseUrl = checkedUrl(Objects.requireNonNull(baseUrl, "baseUrl").strip());
        retireClients();
    }

    @Override
    public synchronized void setClientCustomizer(Consumer<RemoveBgClient.Builder> customizer) {
        this.customizer = Objects.requireNonNull(customizer, "customizer");
        retireClients();
    }

    @Override
    public synchronized RemoveBgClient client(ApiKey apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        return clients.computeIfAbsent(apiKey.value(), value -> {
            RemoveBgClient.Builder builder = RemoveBgClient.builder()
                    .apiKey(value)
                    .baseUrl(baseUrl)
                    .userAgent("removebg-fiji/" + version());
            resultCache().map(DefaultRemoveBgService::openCache).ifPresent(builder::resultCache);
            customizer.accept(builder);
            return builder.build();
        });
    }

    @Override
    public boolean uploadConsentGiven() {
        return prefs.getBoolean(RemoveBgService.class, CONSENT_PREF, false);
    }

    @Override
    public void recordUploadConsent() {
        prefs.put(RemoveBgService.class, CONSENT_PREF, true);
    }

    @Override
    public void withdrawUploadConsent() {
        prefs.remove(RemoveBgService.class, CONSENT_PREF);
    }

    @Override
    public synchronized void dispose() {
        retireClients();
        for (RemoveBgClient client : retired) {
            try {
                client.close();
            } catch (RuntimeException e) {
                if (log != null) {
                    log.debug("Closing a remove.bg client failed", e);
                }
            }
        }
        retired.clear();
    }

    @Override
    public Optional<CacheSetting> resultCache() {
        String directory = prefs.get(RemoveBgService.class, CACHE_DIR_PREF, null);
        if (directory == null || directory.isBlank()) {
            return Optional.empty();
        }
        long maxBytes = prefs.getLong(RemoveBgService.class, CACHE_MAX_BYTES_PREF, ResultCache.DEFAULT_MAX_BYTES);
        return Optional.of(new CacheSetting(Path.of(directory.strip()),
                maxBytes > 0 ? maxBytes : ResultCache.DEFAULT_MAX_BYTES));
    }

    @Override
    public synchronized void setResultCache(CacheSetting setting) {
        if (setting == null) {
            prefs.remove(RemoveBgService.class, CACHE_DIR_PREF);
            prefs.remove(RemoveBgService.class, CACHE_MAX_BYTES_PREF);
        } else {
            openCache(setting); // refuse a folder that cannot be used now, not at the first image
            prefs.put(RemoveBgService.class, CACHE_DIR_PREF, setting.directory().toAbsolutePath().toString());
            prefs.put(RemoveBgService.class, CACHE_MAX_BYTES_PREF, setting.maxBytes());
        }
        retireClients();
    }

    /** Opens the cache folder; an unusable one is refused naming {@code cache_dir}. */
    private static ResultCache openCache(CacheSetting setting) {
        return ResultCache.builder().directory(setting.directory()).maxBytes(setting.maxBytes()).build();
    }

    /** Replaces the environment lookup; tests use it to play {@value #API_KEY_ENVIRONMENT_VARIABLE}. */
    void setEnvironment(UnaryOperator<String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    private void retireClients() {
        retired.addAll(clients.values());
        clients.clear();
    }

    private static String version() {
        String version = DefaultRemoveBgService.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static String checkedUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a URL: " + url, e);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new IllegalArgumentException("The remove.bg base URL must be an http(s) URL, not " + url);
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("The remove.bg base URL must not carry credentials");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
