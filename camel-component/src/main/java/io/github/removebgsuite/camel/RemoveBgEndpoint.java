package io.github.removebgsuite.camel;

import io.github.removebgsuite.common.cache.ResultCache;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import java.util.Map;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Remove image backgrounds with the remove.bg API, read the account's credit balance and submit images to its
 * improvement program.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "removebg", title = "remove.bg", syntax = "removebg:operation",
        producerOnly = true, category = {Category.AI, Category.SAAS}, headersClass = RemoveBgConstants.class)
public class RemoveBgEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    @UriPath(description = "The operation to perform: removeBackground (the message's image in, the result image "
            + "out), account (the credit balance) or improve (submit the image to the improvement program).")
    @Metadata(required = true)
    private RemoveBgOperation operation;

    @UriParam
    private RemoveBgConfiguration configuration;

    @UriParam(label = "producer,cache", description = "Folder of the shared result cache: every paid answer is saved "
            + "there, keyed on the backend, the image's content and the parameters, and a repeated request (a "
            + "redelivered or re-polled file, another route, another run or machine sharing the folder) is answered "
            + "from it at no charge, with the header CamelRemoveBgFromCache=true. Created if missing; safe for "
            + "several processes at once. Requests whose image remove.bg downloads (imageUrl, bgImageUrl) bypass it. "
            + "Not set: no cache. Ignored when a RemoveBgClient bean is used (configure that client's cache).")
    private String cacheDir;

    @UriParam(label = "producer,cache", defaultValue = "1073741824", description = "The most bytes the result cache "
            + "folder holds (default 1 GiB); past it the least recently used answers are evicted.")
    private long cacheMaxSize = ResultCache.DEFAULT_MAX_BYTES;

    private Map<String, String> parameters;
    private RemoveBgOptions options;

    /**
     * Creates an endpoint; the component sets its options, then {@link #validateOptions()} checks them.
     *
     * @param uri the endpoint URI
     * @param component the component that created it
     * @param operation the operation in the URI path
     * @param configuration this endpoint's own copy of the options
     */
    public RemoveBgEndpoint(String uri, RemoveBgComponent component, RemoveBgOperation operation,
            RemoveBgConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public RemoveBgComponent getComponent() {
        return (RemoveBgComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new RemoveBgProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The removebg component is producer-only: use it in to(), not from()");
    }

    /**
     * Parses and validates the API parameters through the core, so a bad option fails when the endpoint is created
     * (and the route with it) with the core's {@code InvalidParameterException}, naming the parameter and the allowed
     * values, before any credit can be spent.
     */
    void validateOptions() {
        Map<String, String> endpointParameters = ApiParameters.of(configuration);
        this.options = ApiParameters.toOptions(endpointParameters);
        this.parameters = Map.copyOf(endpointParameters);
    }

    /** The endpoint's validated options (before per-message headers). */
    RemoveBgOptions options() {
        if (options == null) {
            validateOptions();
        }
        return options;
    }

    /** The endpoint's parameters by API name (before per-message headers). */
    Map<String, String> parameters() {
        if (parameters == null) {
            validateOptions();
        }
        return parameters;
    }

    /** The API's base URL, for Camel's service location (never includes a key). */
    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    /** The protocol of {@link #getServiceUrl()}. */
    @Override
    public String getServiceProtocol() {
        String url = configuration.getBaseUrl();
        return url != null && url.startsWith("http://") ? "http" : "https";
    }

    /** The operation in the URI path. */
    public RemoveBgOperation getOperation() {
        return operation;
    }

    /** The operation to perform. */
    public void setOperation(RemoveBgOperation operation) {
        this.operation = operation;
    }

    /** This endpoint's options. */
    public RemoveBgConfiguration getConfiguration() {
        return configuration;
    }

    /** This endpoint's options. */
    public void setConfiguration(RemoveBgConfiguration configuration) {
        this.configuration = configuration;
        this.options = null;
        this.parameters = null;
    }

    /** The result cache folder, or null for none. */
    public String getCacheDir() {
        return cacheDir;
    }

    /** Folder of the shared result cache; a repeated request is answered from it at no charge. */
    public void setCacheDir(String cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** The most bytes the result cache folder holds. */
    public long getCacheMaxSize() {
        return cacheMaxSize;
    }

    /** The most bytes the result cache folder holds; least recently used answers are evicted past it. */
    public void setCacheMaxSize(long cacheMaxSize) {
        this.cacheMaxSize = cacheMaxSize;
    }
}
