package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.retry.RetryPolicy;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@link RemoveBgClient} bean in the registry is autowired into the component (by the generated configurer), so
 * routes need no key in their URIs and share the application's client; the component never closes a client it did
 * not build.
 */
class RemoveBgAutowiredClientTest extends CamelTestSupport {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private RemoveBgClient client;

    @Override
    protected void bindToRegistry(Registry registry) {
        client = RemoveBgClient.builder().apiKey("bean-key").baseUrl(server.url("/v1.0").toString())
                .retryPolicy(RetryPolicy.none()).build();
        registry.bind("removeBgClient", client);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cut").to("removebg:removeBackground?size=preview");
            }
        };
    }

    @Test
    void registryClientIsUsedWithoutAnyKeyInTheRoute() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png")
                .addHeader("X-Credits-Charged", "0.25").body(new Buffer().write(TestImages.png(8, 8, 1))).build());

        Exchange reply = template.request("direct:cut", e -> e.getIn().setBody(TestImages.png(8, 8, 2)));

        assertThat(reply.getException()).isNull();
        RemoveBgComponent component = context.getComponent("removebg", RemoveBgComponent.class);
        assertThat(component.getConfiguration().getClient()).isSameAs(client);
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("X-Api-Key")).isEqualTo("bean-key");
        assertThat(RecordedForm.of(request).fields).containsEntry("size", "preview");
    }
}
