package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.BeanInject;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Configured like production: a camel-main application with a YAML DSL route, the key from
 * {@code camel.component.removebg.api-key}, the base URL from a placeholder, and the producer health check enabled.
 */
@CamelMainTest(properties = {
        "camel.component.removebg.api-key=yaml-key",
        "camel.component.removebg.max-attempts=1",
        "camel.health.enabled=true",
        "camel.health.producers-enabled=true"})
class RemoveBgYamlMainTest {

    // Started before camel-main reads its routes (a @StartStop field is started too late for @CamelMainTest).
    private static final MockWebServer SERVER = new MockWebServer();

    static {
        try {
            SERVER.start();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
        System.setProperty("removebg.url", SERVER.url("/v1.0").toString());
    }

    @BeanInject
    CamelContext context;

    @EndpointInject("direct:yaml")
    ProducerTemplate template;

    @EndpointInject("mock:yaml-done")
    MockEndpoint done;

    @Configure
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("classpath:routes/removebg.camel.yaml");
    }

    @AfterAll
    static void stopServer() {
        System.clearProperty("removebg.url");
        SERVER.close();
    }

    @Test
    void yamlRouteSendsItsParametersWithTheComponentKey() throws Exception {
        byte[] result = TestImages.png(12, 12, 7);
        SERVER.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png")
                .addHeader("X-Credits-Charged", "1").addHeader("X-Width", "12").addHeader("X-Height", "12")
                .body(new Buffer().write(result)).build());
        done.expectedMessageCount(1);
        done.expectedHeaderReceived(RemoveBgConstants.WIDTH, 12);

        template.sendBody(TestImages.png(40, 40, 6));

        done.assertIsSatisfied();
        assertThat(done.getReceivedExchanges().get(0).getMessage().getBody(byte[].class)).isEqualTo(result);
        RecordedRequest request = SERVER.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.getHeaders().get("X-Api-Key")).isEqualTo("yaml-key");
        RecordedForm form = RecordedForm.of(request);
        assertThat(form.fields).containsEntry("size", "full").containsEntry("format", "png")
                .containsEntry("crop", "true").containsEntry("crop_margin", "10%")
                .containsEntry("shadow_type[product]", "drop").hasSize(5);
    }

    @Test
    void producerHealthCheckIsBackedByTheAccountEndpoint() throws Exception {
        WritableHealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        assertThat(producers).as("camel.health.producers-enabled=true").isNotNull();
        assertThat(producers.isEnabled()).isTrue();
        HealthCheck check = producers.stream().filter(c -> c.getId().startsWith("producer:removebg")).findFirst()
                .orElseThrow();
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.getId()).doesNotContain("yaml-key");

        SERVER.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"data\":{\"attributes\":{\"credits\":{\"total\":12.5,\"subscription\":10,\"payg\":2.5,"
                        + "\"enterprise\":0},\"api\":{\"free_calls\":3,\"sizes\":\"all\"}}}}").build());
        HealthCheck.Result up = check.call();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("free_calls", 3);
        RecordedRequest account = SERVER.takeRequest(5, TimeUnit.SECONDS);
        assertThat(account.getUrl().encodedPath()).isEqualTo("/v1.0/account");
        assertThat(account.getHeaders().get("X-Api-Key")).isEqualTo("yaml-key");

        SERVER.enqueue(new MockResponse.Builder().code(403).addHeader("Content-Type", "application/json")
                .body("{\"errors\":[{\"title\":\"Invalid API Key\"}]}").build());
        HealthCheck.Result down = check.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).isPresent();
        assertThat(down.getMessage().get()).contains("403").doesNotContain("yaml-key");
        assertThat(SERVER.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
    }
}
