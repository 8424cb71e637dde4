package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Issue #13 item 2: the {@code removebg-action} Kamelet shipped in the jar ({@code kamelets/}, where camel-kamelet
 * looks by default) runs in a YAML route against the emulator, and its definition stays true to the component: every
 * template placeholder is a declared property and every property is used, the key is a password-format credential,
 * and each property's enum and default are ones the component's descriptor allows.
 */
class RemoveBgKameletTest {

    private static final String KEY = "kamelet-key";
    private static final String KAMELET = "kamelets/removebg-action.kamelet.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9]+)}}");

    @RegisterExtension
    static final RemoveBgEmulatorExtension EMULATOR = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("20"));

    @TempDir
    Path tmp;

    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void theKameletRemovesTheBackgroundInAYamlRouteAndServesARepeatFromTheCache() throws Exception {
        context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("removebg.api-key", KEY);
        properties.setProperty("removebg.url", EMULATOR.emulator().baseUrl());
        properties.setProperty("removebg.cache-dir", tmp.resolve("cache").toString());
        context.getPropertiesComponent().setInitialProperties(properties);
        try (InputStream route = getClass().getResourceAsStream("/routes/removebg-kamelet.camel.yaml")) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromBytes("removebg-kamelet.camel.yaml",
                    route.readAllBytes()));
        }
        context.start();
        BigDecimal before = EMULATOR.emulator().credits(KEY);
        byte[] image = TestImages.jpeg(96, 72, 21);

        Exchange first = context.createProducerTemplate().request("direct:kamelet", e -> e.getIn().setBody(image));
        Exchange second = context.createProducerTemplate().request("direct:kamelet", e -> e.getIn().setBody(image));

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(TestImages.isTransparentPng(first.getMessage().getBody(byte[].class))).as("ZIP composed to PNG")
                .isTrue();
        assertThat(first.getMessage().getHeader(RemoveBgConstants.WIDTH)).isEqualTo(96);
        assertThat(first.getMessage().getHeader(RemoveBgConstants.FROM_CACHE, Boolean.class)).isFalse();
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(RemoveBgConstants.FROM_CACHE, Boolean.class)).isTrue();
        assertThat(before.subtract(EMULATOR.emulator().credits(KEY))).as("size=full charged once")
                .isEqualByComparingTo("1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDefinitionMatchesTheComponent() throws Exception {
        Map<String, Object> kamelet;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(KAMELET)) {
            assertThat(in).as(KAMELET + " on the classpath").isNotNull();
            kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
        Map<String, Object> metadata = (Map<String, Object>) kamelet.get("metadata");
        assertThat(((Map<String, Object>) metadata.get("labels")).get("camel.apache.org/kamelet.type"))
                .isEqualTo("action");
        Map<String, Object> spec = (Map<String, Object>) kamelet.get("spec");
        Map<String, Object> definition = (Map<String, Object>) spec.get("definition");
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
        assertThat((List<String>) definition.get("required")).containsExactly("apiKey");
        assertThat(properties.get("apiKey")).containsEntry("format", "password")
                .containsEntry("x-descriptors", List.of("urn:camel:group:credentials"));

        Map<String, Object> template = (Map<String, Object>) spec.get("template");
        Map<String, Object> from = (Map<String, Object>) template.get("from");
        assertThat(from.get("uri")).isEqualTo("kamelet:source");
        Map<String, Object> to = (Map<String, Object>) ((List<Map<String, Object>>) from.get("steps")).get(0).get("to");
        assertThat(to.get("uri")).isEqualTo("removebg:removeBackground");
        Map<String, Object> parameters = (Map<String, Object>) to.get("parameters");
        Set<String> used = new TreeSet<>();
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            Matcher m = PLACEHOLDER.matcher(parameter.getValue().toString());
            assertThat(m.matches()).as(parameter.getKey()).isTrue();
            assertThat(m.group(1)).as("each option takes the property of its own name").isEqualTo(parameter.getKey());
            used.add(m.group(1));
        }
        assertThat(used).isEqualTo(new TreeSet<>(properties.keySet()));

        JsonNode descriptor;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/removebgsuite/camel/removebg.json")) {
            descriptor = new ObjectMapper().readTree(in).get("properties");
        }
        for (Map.Entry<String, Map<String, Object>> property : properties.entrySet()) {
            String name = property.getKey();
            Map<String, Object> schema = property.getValue();
            JsonNode option = descriptor.get(name);
            assertThat(option).as("component option " + name).isNotNull();
            assertThat(schema.get("title")).as(name + " title").isNotNull();
            assertThat(schema.get("description")).as(name + " description").isNotNull();
            Set<String> allowed = new TreeSet<>();
            option.path("enum").forEach(v -> allowed.add(v.asText()));
            if (option.path("type").asText().equals("boolean")) {
                allowed.addAll(List.of("true", "false"));
                assertThat(schema.get("type")).as(name).isEqualTo("boolean");
            }
            if (schema.containsKey("enum")) {
                assertThat(allowed).as(name + " enum within the component's").containsAll(
                        ((List<Object>) schema.get("enum")).stream().map(Object::toString).toList());
            }
            if (schema.containsKey("default") && !allowed.isEmpty()) {
                assertThat(allowed).as(name + " default").contains(schema.get("default").toString());
            }
        }
        assertThat(properties.get("baseUrl").get("default")).isEqualTo(RemoveBgConfiguration.DEFAULT_BASE_URL);

        // the Kamelet names the component's own version, so a release cannot ship it pointing at another one
        String version = new ObjectMapper().readTree(getClass().getResourceAsStream(
                "/META-INF/io/github/removebgsuite/camel/removebg.json")).get("component").get("version").asText();
        assertThat(((Map<String, Object>) metadata.get("annotations")).get("camel.apache.org/catalog.version"))
                .isEqualTo(version);
        assertThat((List<String>) spec.get("dependencies"))
                .contains("mvn:io.github.removebgsuite:camel-removebg:" + version);
    }
}
