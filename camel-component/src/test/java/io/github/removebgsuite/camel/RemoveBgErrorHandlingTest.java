package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.common.error.AuthenticationException;
import io.github.removebgsuite.common.error.InsufficientCreditsException;
import io.github.removebgsuite.common.error.ServerException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The core's typed errors routed the Camel way: {@code onException} by type, the core's retries for 5xx and 429, and
 * Camel redelivery composing with them.
 */
class RemoveBgErrorHandlingTest extends CamelTestSupport {

    private static final byte[] IMAGE = TestImages.png(30, 20, 4);

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        RemoveBgComponent component = TestComponents.component("errors-key", server.url("/v1.0").toString());
        component.setMaxAttempts(3);
        context.addComponent("removebg", component);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(InsufficientCreditsException.class).handled(true)
                        .setHeader("routedBy", constant("insufficient-credits")).to("mock:topUp");
                onException(ServerException.class).maximumRedeliveries(2).redeliveryDelay(0).handled(false);

                from("direct:cut").to("removebg:removeBackground").to("mock:done");
            }
        };
    }

    private static MockResponse error(int code, String title) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body("{\"errors\":[{\"title\":\"" + title + "\"}]}").build();
    }

    private static MockResponse image() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png")
                .addHeader("X-Credits-Charged", "1").addHeader("X-Width", "30").addHeader("X-Height", "20")
                .body(new Buffer().write(TestImages.png(30, 20, 5))).build();
    }

    @Test
    void insufficientCreditsIsRoutedByOnException() throws Exception {
        MockEndpoint topUp = getMockEndpoint("mock:topUp");
        topUp.expectedMessageCount(1);
        topUp.expectedHeaderReceived("routedBy", "insufficient-credits");
        getMockEndpoint("mock:done").expectedMessageCount(0);
        server.enqueue(error(402, "Insufficient credits"));

        Exchange reply = template.request("direct:cut", e -> e.getIn().setBody(IMAGE));

        topUp.assertIsSatisfied();
        getMockEndpoint("mock:done").assertIsSatisfied();
        Exception caught = reply.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(caught).isInstanceOf(InsufficientCreditsException.class);
        assertThat(((InsufficientCreditsException) caught).status()).isEqualTo(402);
        assertThat(server.getRequestCount()).as("a 402 is never retried").isEqualTo(1);
    }

    @Test
    void rateLimitedCallIsRecoveredByTheCoreAfterRetryAfter() throws Exception {
        getMockEndpoint("mock:done").expectedMessageCount(1);
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                .addHeader("Content-Type", "application/json")
                .body("{\"errors\":[{\"title\":\"Rate limit exceeded\"}]}").build());
        server.enqueue(image());

        long start = System.nanoTime();
        Exchange reply = template.request("direct:cut", e -> e.getIn().setBody(IMAGE));

        assertThat(reply.getException()).isNull();
        getMockEndpoint("mock:done").assertIsSatisfied();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("waited the Retry-After")
                .isGreaterThanOrEqualTo(900);
    }

    @Test
    void serverErrorsAreRetriedByTheCoreThenByCamelRedelivery() throws Exception {
        getMockEndpoint("mock:done").expectedMessageCount(1);
        // 3 core attempts fail, Camel redelivers, the 2nd core attempt of the redelivery succeeds
        server.enqueue(error(503, "Service Unavailable"));
        server.enqueue(error(502, "Bad Gateway"));
        server.enqueue(error(500, "Internal Server Error"));
        server.enqueue(error(503, "Service Unavailable"));
        server.enqueue(image());

        Exchange reply = template.request("direct:cut", e -> e.getIn().setBody(IMAGE));

        assertThat(reply.getException()).isNull();
        getMockEndpoint("mock:done").assertIsSatisfied();
        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(reply.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(1);
    }

    @Test
    void exhaustedRetriesLeaveTheTypedExceptionOnTheExchange() throws Exception {
        for (int i = 0; i < 9; i++) {
            server.enqueue(error(503, "Service Unavailable"));
        }
        getMockEndpoint("mock:done").expectedMessageCount(0);

        Exchange reply = template.request("direct:cut", e -> e.getIn().setBody(IMAGE));

        assertThat(reply.getException()).isInstanceOf(ServerException.class);
        assertThat(((ServerException) reply.getException()).status()).isEqualTo(503);
        assertThat(server.getRequestCount()).as("3 core attempts x (1 + 2 redeliveries)").isEqualTo(9);
        getMockEndpoint("mock:done").assertIsSatisfied();
    }

    @Test
    void wrongKeyIsAnAuthenticationExceptionThatIsNotRetried() {
        server.enqueue(error(403, "Invalid API Key"));

        Exchange reply = template.request("direct:cut", e -> e.getIn().setBody(IMAGE));

        assertThat(reply.getException()).isInstanceOf(AuthenticationException.class)
                .hasMessageNotContaining("errors-key");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
