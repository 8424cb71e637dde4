package io.github.removebgsuite.camel;

import io.github.removebgsuite.common.account.Account;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.error.ApiException;
import io.github.removebgsuite.common.error.RemoveBgException;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.util.URISupport;

/**
 * Readiness of a {@code removebg:} producer, backed by {@code GET /account}: up when the API answers with the
 * account (an /account call costs no credit), down with the core's exception when it does not (bad key, API
 * unreachable, rate limited). Registered in Camel's {@code producers} health-check repository while the producer
 * runs; enabled with {@code camel.health.producersEnabled=true}.
 */
public class RemoveBgProducerHealthCheck extends AbstractHealthCheck {

    private final RemoveBgClient client;

    /**
     * Creates the check of one endpoint's producer.
     *
     * @param endpoint the endpoint; its id names the check (the URI with secrets masked)
     * @param client the client the producer calls
     */
    public RemoveBgProducerHealthCheck(RemoveBgEndpoint endpoint, RemoveBgClient client) {
        super("camel", "producer:removebg-" + URISupport.sanitizeUri(endpoint.getEndpointKey()));
        this.client = client;
    }

    @Override
    public boolean isLiveness() {
        // an unreachable API makes the producer unready; restarting this JVM would not fix it
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            Account account = client.account();
            builder.detail("credits", account.total()).detail("free_calls", account.freeCalls()).up();
        } catch (ApiException e) {
            builder.detail(SERVICE_STATUS_CODE, e.status()).message(e.getMessage()).error(e).down();
        } catch (RemoveBgException e) {
            builder.message(e.getMessage()).error(e).down();
        }
    }
}
