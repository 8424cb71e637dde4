package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import okio.Buffer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Fuzzes the component's mapping of URI options and headers onto the core: whatever the values, the only failure is
 * the core's {@link InvalidParameterException} (wrapped by Camel in a {@link ResolveEndpointFailedException} for a URI,
 * set on the exchange for a header), and it names one of the API parameters that was given.
 *
 * <p>Values exclude Camel's own URI syntax ({@code {{placeholders}}}, {@code #bean} references, {@code RAW(...)}),
 * which Camel resolves before any component sees the value, and, in URIs, the {@code &} that Camel's URI parser
 * splits on even when percent-encoded (such values need {@code RAW(...)} in a Camel URI).
 */
class RemoveBgFuzzTest {

    /** Endpoint option -> API parameter name. */
    private static final Map<String, String> OPTIONS = new LinkedHashMap<>();
    /** Header -> API parameter name. */
    private static final Map<String, String> HEADERS = new LinkedHashMap<>();
    /** Well-formed values, so the generator reaches both outcomes. */
    private static final List<String> VALID = List.of("preview", "full", "50MP", "auto", "4k", "hd", "car",
            "product", "other", "1", "2", "latest", "none", "png", "zip", "webp", "jpg", "rgba", "alpha", "3D", "drop",
            "true", "false", "10%", "30px", "10px 20px", "0% 0% 100% 100%", "center", "original", "50%", "20% 80%",
            "40", "100", "0", "81d4fa", "fff", "green", "81d4fa77", "");

    static {
        String[][] pairs = {
            {"size", "size", RemoveBgConstants.SIZE}, {"type", "type", RemoveBgConstants.TYPE},
            {"typeLevel", "type_level", RemoveBgConstants.TYPE_LEVEL},
            {"format", "format", RemoveBgConstants.FORMAT}, {"roi", "roi", RemoveBgConstants.ROI},
            {"crop", "crop", RemoveBgConstants.CROP}, {"cropMargin", "crop_margin", RemoveBgConstants.CROP_MARGIN},
            {"scale", "scale", RemoveBgConstants.SCALE}, {"position", "position", RemoveBgConstants.POSITION},
            {"channels", "channels", RemoveBgConstants.CHANNELS},
            {"addShadow", "add_shadow", RemoveBgConstants.ADD_SHADOW},
            {"shadowType", "shadow_type", RemoveBgConstants.SHADOW_TYPE},
            {"shadowOpacity", "shadow_opacity", RemoveBgConstants.SHADOW_OPACITY},
            {"semitransparency", "semitransparency", RemoveBgConstants.SEMITRANSPARENCY},
            {"bgColor", "bg_color", RemoveBgConstants.BG_COLOR},
            {"bgImageUrl", "bg_image_url", RemoveBgConstants.BG_IMAGE_URL},
            {"bgImageFile", "bg_image_file", RemoveBgConstants.BG_IMAGE_FILE},
        };
        for (String[] pair : pairs) {
            OPTIONS.put(pair[0], pair[1]);
            HEADERS.put(pair[2], pair[1]);
        }
    }

    private static MockWebServer server;
    private static CamelContext context;
    private static ProducerTemplate template;

    @BeforeContainer
    static void start() throws Exception {
        byte[] result = TestImages.png(8, 8, 1);
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png")
                        .addHeader("X-Credits-Charged", "0.25").body(new Buffer().write(result)).build();
            }
        });
        server.start();
        context = new DefaultCamelContext();
        RemoveBgComponent component = TestComponents.component("fuzz-key", server.url("/v1.0").toString());
        component.setMaxAttempts(1);
        context.addComponent("removebg", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:fuzz").errorHandler(noErrorHandler()).to("removebg:removeBackground");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterContainer
    static void stop() throws IOException {
        context.stop();
        server.close();
    }

    private static Arbitrary<String> values() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars('é', 'ß', '中')
                .ofMaxLength(14)
                .filter(s -> !s.contains("{{") && !s.contains("}}") && !s.startsWith("#") && !s.startsWith("RAW(")
                        && !s.startsWith("RAW{"));
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(VALID)), Tuple.of(2, text));
    }

    private static Arbitrary<String> typeKeys() {
        return Arbitraries.oneOf(Arbitraries.of("car", "product", "person", "animal", "graphic", "transportation",
                "other", "auto", "CAR"), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
    }

    @Provide
    Arbitrary<Map<String, String>> uriOptions() {
        Arbitrary<Map.Entry<String, String>> scalar = Combinators.combine(Arbitraries.of(OPTIONS.keySet()), values())
                .as(Map::entry);
        Arbitrary<Map.Entry<String, String>> perType = Combinators.combine(
                Arbitraries.of("shadowType.", "shadowOpacity."), typeKeys(), values())
                .as((prefix, key, value) -> Map.entry(prefix + key, value));
        Arbitrary<Map.Entry<String, String>> passthrough = Combinators.combine(
                Arbitraries.of("additionalParameter.size", "additionalParameter.brand_new",
                        "additionalParameter.crop", "additionalParameter.x_future"), values()).as(Map::entry);
        return Arbitraries.frequencyOf(Tuple.of(6, scalar), Tuple.of(2, perType), Tuple.of(1, passthrough))
                .list().ofMaxSize(5)
                .map(entries -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                    return map;
                });
    }

    /** The API names a set of URI options stands for. */
    private static Set<String> apiNames(Map<String, String> options) {
        Set<String> names = new HashSet<>();
        options.keySet().forEach(option -> {
            if (option.startsWith("shadowType.")) {
                names.add("shadow_type[" + option.substring("shadowType.".length()) + "]");
            } else if (option.startsWith("shadowOpacity.")) {
                names.add("shadow_opacity[" + option.substring("shadowOpacity.".length()) + "]");
            } else if (option.startsWith("additionalParameter.")) {
                names.add(option.substring("additionalParameter.".length()));
            } else {
                names.add(OPTIONS.get(option));
            }
        });
        return names;
    }

    @Property(tries = 300)
    void uriOptionsFailOnlyWithTheCoresErrorNamingAGivenParameter(@ForAll("uriOptions") Map<String, String> options) {
        Assume.that(options.values().stream().noneMatch(value -> value.contains("&")));
        StringBuilder uri = new StringBuilder("removebg:removeBackground?lazyStartProducer=true");
        options.forEach((name, value) -> uri.append('&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        try {
            context.getEndpoint(uri.toString());
            Statistics.collect("accepted");
        } catch (ResolveEndpointFailedException e) {
            InvalidParameterException invalid = findInvalidParameter(e);
            assertThat(invalid).as("cause of %s", e).isNotNull();
            assertThat(apiNames(options)).contains(invalid.parameter());
            assertThat(e.getMessage()).contains(invalid.parameter());
            Statistics.collect("refused");
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> headers() {
        Arbitrary<Object> value = Arbitraries.oneOf(values().map(v -> (Object) v),
                Arbitraries.integers().between(-5, 120).map(i -> (Object) i),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b));
        Arbitrary<Map.Entry<String, Object>> scalar = Combinators.combine(
                Arbitraries.of(HEADERS.keySet()).filter(h -> !h.equals(RemoveBgConstants.BG_IMAGE_FILE)), value)
                .as(Map::entry);
        Arbitrary<Map.Entry<String, Object>> perType = Combinators.combine(
                Arbitraries.of(RemoveBgConstants.SHADOW_TYPE_PER_TYPE, RemoveBgConstants.SHADOW_OPACITY_PER_TYPE),
                typeKeys(), value).as((header, key, v) -> Map.entry(header, (Object) Map.of(key, v)));
        return Arbitraries.frequencyOf(Tuple.of(6, scalar), Tuple.of(2, perType)).list().ofMaxSize(4)
                .map(entries -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                    return map;
                });
    }

    @Property(tries = 200)
    void headersFailOnlyWithTheCoresErrorNamingAGivenParameter(@ForAll("headers") Map<String, Object> headers) {
        Exchange reply = template.request("direct:fuzz", e -> {
            e.getIn().setBody(TestImages.png(12, 12, 5));
            e.getIn().setHeaders(new LinkedHashMap<>(headers));
        });
        if (reply.getException() == null) {
            Statistics.collect("accepted");
            return;
        }
        assertThat(reply.getException()).isInstanceOf(InvalidParameterException.class);
        String parameter = ((InvalidParameterException) reply.getException()).parameter();
        Set<String> given = new HashSet<>();
        headers.forEach((header, value) -> {
            if (value instanceof Map<?, ?> map) {
                String family = header.equals(RemoveBgConstants.SHADOW_TYPE_PER_TYPE) ? "shadow_type"
                        : "shadow_opacity";
                map.keySet().forEach(key -> given.add(family + "[" + key + "]"));
            } else {
                given.add(HEADERS.get(header));
            }
        });
        assertThat(given).contains(parameter);
        Statistics.collect("refused");
    }

    private static InvalidParameterException findInvalidParameter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidParameterException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
