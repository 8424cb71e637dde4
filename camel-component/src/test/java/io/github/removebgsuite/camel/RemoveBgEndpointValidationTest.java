package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.removebgsuite.common.error.InvalidParameterException;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Bad configuration is refused when the route starts, with the core's {@link InvalidParameterException} naming the
 * parameter and the allowed values, and no request reaches the API.
 */
class RemoveBgEndpointValidationTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static Throwable startFailure(String uri) {
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to(uri);
                }
            });
            context.start();
            return null;
        } catch (Exception e) {
            return e;
        } finally {
            context.stop();
        }
    }

    private static InvalidParameterException invalidParameter(Throwable failure) {
        Throwable current = failure;
        while (current != null && !(current instanceof InvalidParameterException)) {
            current = current.getCause();
        }
        assertThat(current).as("an InvalidParameterException in the cause chain of %s", failure).isNotNull();
        return (InvalidParameterException) current;
    }

    @Test
    void badEnumValueFailsStartupNamingTheAllowedValues() {
        Throwable failure = startFailure("removebg:removeBackground?apiKey=RAW(validation-secret)&size=huge");

        assertThat(failure).isInstanceOf(FailedToCreateRouteException.class)
                .hasRootCauseInstanceOf(InvalidParameterException.class);
        assertThat(failure).hasCauseInstanceOf(ResolveEndpointFailedException.class);
        InvalidParameterException invalid = invalidParameter(failure);
        assertThat(invalid.parameter()).isEqualTo("size");
        assertThat(invalid.value()).isEqualTo("huge");
        assertThat(invalid.getMessage()).contains("preview", "full", "50MP", "auto");
        assertThat(failure.getMessage()).contains("Invalid size").doesNotContain("validation-secret");
    }

    @Test
    void badValueTypesAndRulesAreTheCoresAndNameTheirParameter() {
        assertThat(invalidParameter(startFailure("removebg:removeBackground?apiKey=k&cropMargin=80%25")).parameter())
                .isEqualTo("crop_margin");
        assertThat(invalidParameter(startFailure("removebg:removeBackground?apiKey=k&shadowType.boat=drop"))
                .parameter()).isEqualTo("shadow_type[boat]");
        assertThat(invalidParameter(startFailure("removebg:removeBackground?apiKey=k&shadowOpacity.car=101"))
                .parameter()).isEqualTo("shadow_opacity[car]");
        assertThat(invalidParameter(startFailure("removebg:removeBackground?apiKey=k&bgColor=notacolour"))
                .parameter()).isEqualTo("bg_color");
        // the global and per-type shadow types are exclusive (a rule of the core, not of the component)
        assertThat(invalidParameter(startFailure(
                "removebg:removeBackground?apiKey=k&shadowType=drop&shadowType.car=car")).parameter())
                .startsWith("shadow_type");
        // a URI typo in a boolean is not read as false
        assertThat(startFailure("removebg:removeBackground?apiKey=k&crop=yes")).isNotNull();
    }

    @Test
    void unknownOptionAndUnknownOperationAreRefused() {
        Throwable unknownOption = startFailure("removebg:removeBackground?apiKey=k&sizee=full");
        assertThat(unknownOption).isInstanceOf(FailedToCreateRouteException.class);
        assertThat(unknownOption.getMessage()).contains("sizee");

        Throwable unknownOperation = startFailure("removebg:removeBackgrounds?apiKey=k");
        assertThat(unknownOperation).isInstanceOf(FailedToCreateRouteException.class);
        assertThat(unknownOperation).rootCause().hasMessageContaining("removeBackground, account, improve");
    }

    @Test
    void missingCredentialsFailStartupUnlessTheProducerStartsLazily() throws Exception {
        Throwable eager = startFailure("removebg:removeBackground?baseUrl=" + server.url("/v1.0"));
        assertThat(eager).isInstanceOf(FailedToStartRouteException.class);
        assertThat(eager).rootCause().hasMessageContaining("apiKey");

        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("removebg:removeBackground?lazyStartProducer=true&baseUrl="
                            + server.url("/v1.0"));
                }
            });
            context.start();
            Exchange failed = context.createProducerTemplate().request("direct:in",
                    e -> e.getIn().setBody(TestImages.png(10, 10, 1)));
            assertThat(failed.getException()).hasMessageContaining("apiKey");
        } finally {
            context.stop();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void badHeaderFailsTheExchangeBeforeAnyRequest() throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("removebg:removeBackground?apiKey=k&baseUrl=" + server.url("/v1.0"));
                }
            });
            context.start();
            Exchange failed = context.createProducerTemplate().request("direct:in", e -> {
                e.getIn().setBody(TestImages.png(10, 10, 1));
                e.getIn().setHeader(RemoveBgConstants.TYPE_LEVEL, "3");
            });
            assertThat(failed.getException()).isInstanceOf(InvalidParameterException.class);
            assertThat(((InvalidParameterException) failed.getException()).parameter()).isEqualTo("type_level");

            Exchange empty = context.createProducerTemplate().request("direct:in", e -> e.getIn().setBody(null));
            assertThat(empty.getException()).isInstanceOf(InvalidParameterException.class);
            assertThat(((InvalidParameterException) empty.getException()).parameter()).isEqualTo("image_file");

            Exchange badOperation = context.createProducerTemplate().request("direct:in", e -> {
                e.getIn().setBody(TestImages.png(10, 10, 1));
                e.getIn().setHeader(RemoveBgConstants.OPERATION, "removeEverything");
            });
            assertThat(badOperation.getException()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("removeBackground, account, improve");

            Exchange missing = context.createProducerTemplate().request("direct:in",
                    e -> e.getIn().setBody(new java.io.File("no-such-dir/no-such-image.png")));
            assertThat(missing.getException()).isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("no-such-image.png");
        } finally {
            context.stop();
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
