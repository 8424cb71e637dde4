package io.github.removebgsuite.common.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tuple;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever text a host passes (a Camel URI, a Jenkins form, a Fiji macro, a command line), {@code fromParameters}
 * either builds a request or throws {@link InvalidParameterException} naming one of the parameters given: never
 * another exception, never a parameter the caller did not write.
 */
class FromParametersPropertiesTest {

    private static final List<String> KNOWN_KEYS = knownKeys();

    private static List<String> knownKeys() {
        List<String> keys = new ArrayList<>(List.of("size", "type", "type_level", "format", "roi", "crop",
                "crop_margin", "scale", "position", "channels", "add_shadow", "shadow_type", "shadow_opacity",
                "semitransparency", "bg_color", "bg_image_url", "bg_image_file", "image_file", "image_file_b64",
                "image_url", "image_filename", "tag"));
        for (String type : new String[] {"car", "product", "person", "animal", "graphic", "transportation", "other",
            "auto", "CAR", "boat", ""}) {
            keys.add("shadow_type[" + type + "]");
            keys.add("shadow_opacity[" + type + "]");
        }
        return List.copyOf(keys);
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> wireLike = Arbitraries.of("preview", "full", "50MP", "hd", "4k", "auto", "car", "3D", "drop",
                "none", "true", "false", "TRUE", "zip", "png", "1", "2", "latest", "rgba", "alpha", "0", "100", "101",
                "-1", "10%", "50%", "51%", "500px", "501px", "0% 0% 100% 100%", "10px 20px 5px 40px", "center",
                "original", "fff", "#81d4fa77", "green", "https://example.com/a.png", "ftp://x", "QUJD", "QUJ=",
                "", " ", "10px 20px 30px", "12.5% 99%");
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(12);
        return Arbitraries.frequencyOf(
                Tuple.of(5, wireLike),
                Tuple.of(4, anything),
                Tuple.of(1, unicode),
                Tuple.of(1, Arbitraries.just(null)));
    }

    @Provide
    Arbitrary<Map<String, String>> parameters() {
        Arbitrary<String> keys = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(KNOWN_KEYS)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(15)));
        return Arbitraries.maps(keys, values()).ofMaxSize(6);
    }

    @Property(tries = 600)
    void optionsFailOnlyWithAnInvalidParameterNamingAGivenKey(@ForAll("parameters") Map<String, String> p) {
        check(p, RemoveBgOptions::fromParameters, Set.of());
    }

    @Property(tries = 600)
    void requestsFailOnlyWithAnInvalidParameterNamingAGivenKey(@ForAll("parameters") Map<String, String> p) {
        // With no source given at all, the error names image_file (the missing source) by design.
        check(p, RemoveBgRequest::fromParameters, Set.of("image_file"));
    }

    @Property(tries = 200)
    void improvementsFailOnlyWithAnInvalidParameterNamingAGivenKey(@ForAll("parameters") Map<String, String> p) {
        check(p, ImproveRequest::fromParameters, Set.of("image_file"));
    }

    @Property(tries = 300)
    void aValidUrlSourceWithArbitraryOptionsBuildsOrNamesAGivenKey(@ForAll("parameters") Map<String, String> p) {
        Map<String, String> withSource = new java.util.HashMap<>(p);
        withSource.keySet().removeAll(Set.of("image_file", "image_file_b64"));
        withSource.put("image_url", "https://example.com/a.jpg");
        check(withSource, RemoveBgRequest::fromParameters, Set.of());
    }

    @Property(tries = 300)
    void theGeneratorReachesBothOutcomes(@ForAll("parameters") Map<String, String> p) {
        Map<String, String> withSource = new java.util.HashMap<>(p);
        withSource.keySet().removeAll(Set.of("image_file", "image_file_b64"));
        withSource.put("image_url", "https://example.com/a.jpg");
        String outcome;
        try {
            RemoveBgRequest.fromParameters(withSource);
            outcome = "built";
        } catch (InvalidParameterException e) {
            outcome = "refused";
        }
        // Guards the properties above against a generator that only ever produces failures (or successes).
        Statistics.label("outcome").collect(outcome).coverage(c -> {
            c.check("built").percentage(pct -> pct > 5);
            c.check("refused").percentage(pct -> pct > 5);
        });
    }

    private static void check(Map<String, String> p, Function<Map<String, String>, Object> build,
            Set<String> missingSourceNames) {
        try {
            Object built = build.apply(p);
            assertThat(built).isNotNull();
            assertThat(built.toString()).isNotNull();
        } catch (InvalidParameterException e) {
            boolean missingSource = e.value() == null && missingSourceNames.contains(e.parameter());
            assertThat(p.containsKey(e.parameter()) || missingSource)
                    .as("%s names a parameter that was given: %s", e.getMessage(), p.keySet()).isTrue();
            assertThat(e.getMessage()).contains(e.parameter());
            assertThat(e.allowed()).isNotBlank();
        }
    }
}
