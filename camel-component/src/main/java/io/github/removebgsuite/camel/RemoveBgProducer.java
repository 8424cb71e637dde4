package io.github.removebgsuite.camel;

import io.github.removebgsuite.common.account.Account;
import io.github.removebgsuite.common.client.ImproveResult;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.client.RemoveBgResult;
import io.github.removebgsuite.common.client.ResultFormat;
import io.github.removebgsuite.common.client.ResultMetadata;
import io.github.removebgsuite.common.compose.ZipComposer;
import io.github.removebgsuite.common.ratelimit.RateLimitSnapshot;
import io.github.removebgsuite.common.request.ImageSource;
import io.github.removebgsuite.common.request.ImproveRequest;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls remove.bg asynchronously: the exchange is handed to the client's asynchronous call (OkHttp's dispatcher) and
 * the route continues from its callback, so a route with many images in flight does not hold a route thread per
 * image. Failures are the core's typed exceptions, set on the exchange for {@code onException} and redelivery.
 */
public class RemoveBgProducer extends DefaultAsyncProducer {

    private final RemoveBgEndpoint endpoint;
    private ZipComposer composer;
    private final InFlightCalls inFlight = new InFlightCalls();
    private RemoveBgClient client;
    private RemoveBgProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

    /** Creates the producer of an endpoint. */
    public RemoveBgProducer(RemoveBgEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public RemoveBgEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = endpoint.getComponent().clientFor(endpoint);
        composer = ZipComposer.builder().threads(endpoint.getComponent().getComposeThreads()).build();
        if (endpoint.getComponent().isHealthCheckProducerEnabled()) {
            healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(),
                    "producers", WritableHealthCheckRepository.class);
            if (healthCheckRepository != null) {
                healthCheck = new RemoveBgProducerHealthCheck(endpoint, client);
                healthCheck.setEnabled(true);
                healthCheckRepository.addHealthCheck(healthCheck);
            }
        }
    }

    /**
     * Waits for this producer's calls still in flight (at most the component's {@code gracefulStopTimeout}) before
     * stopping: a call that was sent may already be charged, so its answer is delivered rather than dropped. Camel's
     * graceful shutdown has normally waited for the exchanges already; this covers a route stopped with a timeout.
     */
    @Override
    protected void doStop() throws Exception {
        endpoint.getComponent().awaitInFlight(inFlight, endpoint);
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        InFlightCalls all = endpoint.getComponent().inFlight();
        inFlight.started();
        all.started();
        CompletableFuture<?> call;
        try {
            call = call(exchange);
        } catch (Exception e) {
            // invalid parameters or an unreadable body: nothing was sent, no credit spent
            inFlight.finished();
            all.finished();
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        call.whenComplete((result, failure) -> {
            try {
                if (failure != null) {
                    exchange.setException(unwrap(failure));
                }
            } finally {
                try {
                    callback.done(false);
                } finally {
                    inFlight.finished();
                    all.finished();
                }
            }
        });
        return false;
    }

    private CompletableFuture<?> call(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        Object header = in.getHeader(RemoveBgConstants.OPERATION);
        RemoveBgOperation operation = header == null ? endpoint.getOperation()
                : header instanceof RemoveBgOperation typed ? typed : RemoveBgComponent.operation(header.toString());
        switch (operation) {
            case account:
                return client.accountAsync().thenAccept(account -> onAccount(exchange, account));
            case improve:
                return client.improveAsync(improveRequest(in)).thenAccept(result -> onImprove(exchange, result));
            case removeBackground:
            default:
                RemoveBgRequest request = removeBgRequest(in);
                Boolean composeHeader = in.getHeader(RemoveBgConstants.COMPOSE_ZIP_TO_PNG, Boolean.class);
                boolean compose = composeHeader != null ? composeHeader
                        : endpoint.getConfiguration().isComposeZipToPng();
                return client.removeBackgroundAsync(request)
                        .thenAccept(result -> onImage(exchange, request, result, compose));
        }
    }

    private RemoveBgRequest removeBgRequest(Message in) throws Exception {
        Optional<Map<String, String>> overridden = ApiParameters.overriddenBy(endpoint.parameters(), in);
        RemoveBgOptions options = overridden.map(ApiParameters::toOptions).orElseGet(endpoint::options);
        ImageSource image = ImageBodies.imageOf(in, endpoint.getConfiguration());
        return RemoveBgRequest.builder().image(image).options(options).build();
    }

    private ImproveRequest improveRequest(Message in) throws Exception {
        RemoveBgConfiguration configuration = endpoint.getConfiguration();
        ImproveRequest.Builder builder = ImproveRequest.builder()
                .image(ImageBodies.imageOf(in, configuration))
                .imageFilename(in.getHeader(RemoveBgConstants.IMAGE_FILENAME, configuration.getImageFilename(),
                        String.class))
                .tag(in.getHeader(RemoveBgConstants.TAG, configuration.getTag(), String.class));
        // the passthrough serves /improve too, for its parameters newer than this component
        configuration.getAdditionalParameters().forEach((name, value) ->
                builder.extraParameter(name, value == null ? "" : value.toString()));
        return builder.build();
    }

    private void onImage(Exchange exchange, RemoveBgRequest request, RemoveBgResult result, boolean compose) {
        Message out = exchange.getMessage();
        ResultMetadata metadata = result.metadata();
        if (compose && result.format() == ResultFormat.ZIP) {
            out.setBody(composeToPng(result));
            out.setHeader(Exchange.CONTENT_TYPE, ResultFormat.PNG.mediaType());
            out.setHeader(RemoveBgConstants.RESULT_FORMAT, ResultFormat.PNG.extension());
        } else {
            out.setBody(result.bytes());
            out.setHeader(Exchange.CONTENT_TYPE, result.contentType());
            out.setHeader(RemoveBgConstants.RESULT_FORMAT, result.format().extension());
        }
        metadata.detectedType().ifPresent(type -> out.setHeader(RemoveBgConstants.DETECTED_TYPE, type));
        out.setHeader(RemoveBgConstants.WIDTH, metadata.width());
        out.setHeader(RemoveBgConstants.HEIGHT, metadata.height());
        out.setHeader(RemoveBgConstants.CREDITS_CHARGED, metadata.creditsCharged());
        out.setHeader(RemoveBgConstants.FROM_CACHE, result.fromCache());
        metadata.foreground().ifPresent(box -> {
            out.setHeader(RemoveBgConstants.FOREGROUND_TOP, box.top());
            out.setHeader(RemoveBgConstants.FOREGROUND_LEFT, box.left());
            out.setHeader(RemoveBgConstants.FOREGROUND_WIDTH, box.width());
            out.setHeader(RemoveBgConstants.FOREGROUND_HEIGHT, box.height());
        });
        metadata.rateLimit().ifPresent(limit -> setRateLimit(out, limit));
        client.creditLedger().balance().ifPresent(balance -> out.setHeader(RemoveBgConstants.CREDIT_BALANCE, balance));
        if (!request.warnings().isEmpty()) {
            out.setHeader(RemoveBgConstants.WARNINGS, request.warnings());
        }
    }

    /**
     * Composes a ZIP result into a PNG, reading the result's bytes in place (no copy of the archive); the colours and
     * the matte are decoded into rings of the rows being written, so the image is never held whole. A malformed archive fails the exchange with
     * the core's {@code CompositionException}, like any answer that is not what was promised.
     */
    private byte[] composeToPng(RemoveBgResult result) {
        ByteArrayOutputStream png = new ByteArrayOutputStream(Math.max(1024, result.size()));
        try (InputStream zip = result.openStream()) {
            composer.compose(zip, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams: unreachable
        }
        return png.toByteArray();
    }

    private static void onAccount(Exchange exchange, Account account) {
        Message out = exchange.getMessage();
        out.setBody(account);
        out.setHeader(RemoveBgConstants.CREDITS_TOTAL, account.total());
        out.setHeader(RemoveBgConstants.FREE_CALLS, account.freeCalls());
    }

    private static void onImprove(Exchange exchange, ImproveResult result) {
        Message out = exchange.getMessage();
        out.setBody(result.id());
        out.setHeader(RemoveBgConstants.IMPROVE_ID, result.id());
    }

    private static void setRateLimit(Message out, RateLimitSnapshot limit) {
        out.setHeader(RemoveBgConstants.RATE_LIMIT_LIMIT, limit.limit());
        out.setHeader(RemoveBgConstants.RATE_LIMIT_REMAINING, limit.remaining());
        out.setHeader(RemoveBgConstants.RATE_LIMIT_RESET, limit.reset());
    }

    /** The failure itself, not the future's wrapper, so {@code onException(InsufficientCreditsException.class)} works. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
