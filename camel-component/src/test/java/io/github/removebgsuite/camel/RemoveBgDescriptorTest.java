package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads back the descriptor the Camel plugin generated in this build ({@code removebg.json}, what Kaoto, Karavan and
 * the Camel catalog read): every option and header documented, enums for the API's enumerated parameters, groups,
 * and the secrets flagged.
 */
class RemoveBgDescriptorTest {

    private static JsonNode json;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = RemoveBgDescriptorTest.class.getResourceAsStream(
                "/META-INF/io/github/removebgsuite/camel/removebg.json")) {
            assertThat(in).as("removebg.json generated into the jar").isNotNull();
            json = new ObjectMapper().readTree(in);
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void componentSection() {
        JsonNode component = json.get("component");
        assertThat(component.get("scheme").asText()).isEqualTo("removebg");
        assertThat(component.get("syntax").asText()).isEqualTo("removebg:operation");
        assertThat(component.get("producerOnly").asBoolean()).isTrue();
        assertThat(component.get("firstVersion").asText()).isEqualTo("0.1.0");
        assertThat(component.get("artifactId").asText()).isEqualTo("camel-removebg");
        assertThat(component.get("description").asText()).contains("remove.bg");
    }

    @Test
    void everyEndpointOptionIsListedAndDocumented() {
        JsonNode properties = json.get("properties");
        List<String> expected = new ArrayList<>(List.of("operation", "lazyStartProducer"));
        for (Field field : RemoveBgConfiguration.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                expected.add(field.getName());
            }
        }
        assertThat(names(properties)).containsAll(expected);

        SoftAssertions softly = new SoftAssertions();
        properties.properties().forEach(p -> {
            softly.assertThat(p.getValue().path("description").asText()).as(p.getKey()).isNotBlank();
            softly.assertThat(p.getValue().path("group").asText()).as(p.getKey()).isNotBlank();
        });
        softly.assertAll();
    }

    @Test
    void enumsGroupsSecretsAndPrefixes() {
        JsonNode p = json.get("properties");
        assertThat(p.get("operation").get("enum")).extracting(JsonNode::asText)
                .containsExactly("removeBackground", "account", "improve");
        assertThat(p.get("size").get("type").asText()).isEqualTo("enum");
        assertThat(p.get("size").get("enum")).extracting(JsonNode::asText)
                .contains("preview", "full", "50MP", "auto", "4k");
        assertThat(p.get("format").get("enum")).extracting(JsonNode::asText)
                .containsExactly("auto", "png", "webp", "jpg", "zip");
        assertThat(p.get("shadowType").get("enum")).extracting(JsonNode::asText).contains("3D");
        assertThat(p.get("typeLevel").get("enum")).extracting(JsonNode::asText)
                .containsExactly("none", "1", "2", "latest");
        assertThat(p.get("channels").get("enum")).extracting(JsonNode::asText).containsExactly("rgba", "alpha");
        assertThat(p.get("type").get("enum")).extracting(JsonNode::asText).contains("auto", "transportation");

        assertThat(p.get("apiKey").get("secret").asBoolean()).isTrue();
        assertThat(p.get("apiKey").get("group").asText()).isEqualTo("security");
        assertThat(p.get("oauthToken").get("secret").asBoolean()).isTrue();
        assertThat(p.get("size").get("secret").asBoolean()).isFalse();
        assertThat(p.get("baseUrl").get("group").asText()).isEqualTo("advanced");
        assertThat(p.get("baseUrl").get("defaultValue").asText()).isEqualTo("https://api.remove.bg/v1.0");
        assertThat(p.get("crop").get("enum")).extracting(JsonNode::asText).containsExactly("true", "false");

        assertThat(p.get("shadowTypePerType").get("prefix").asText()).isEqualTo("shadowType.");
        assertThat(p.get("shadowTypePerType").get("multiValue").asBoolean()).isTrue();
        assertThat(p.get("shadowOpacityPerType").get("prefix").asText()).isEqualTo("shadowOpacity.");
        assertThat(p.get("additionalParameters").get("prefix").asText()).isEqualTo("additionalParameter.");
        assertThat(p.get("addShadow").get("deprecated").asBoolean()).isTrue();
    }

    @Test
    void componentOptionsCoverConnectionRetryAndRateLimit() {
        JsonNode c = json.get("componentProperties");
        assertThat(names(c)).contains("apiKey", "oauthToken", "baseUrl", "client", "configuration", "connectTimeout",
                "readTimeout", "writeTimeout", "maxConcurrentRequests", "maxResponseBytes", "maxAttempts",
                "initialBackoff", "maxBackoff", "retryDeadline", "maxRateLimitWait", "retryAfterRequestSent",
                "rateLimit", "healthCheckProducerEnabled");
        assertThat(c.get("client").get("autowired").asBoolean()).isTrue();
        assertThat(c.get("apiKey").get("secret").asBoolean()).isTrue();
        assertThat(c.get("readTimeout").get("javaType").asText()).isEqualTo("long");
        assertThat(c.get("readTimeout").get("defaultValue").asText()).isEqualTo("120s");
        c.properties().forEach(e ->
                assertThat(e.getValue().path("description").asText()).as(e.getKey()).isNotBlank());
    }

    @Test
    void everyHeaderConstantIsDocumented() throws Exception {
        JsonNode headers = json.get("headers");
        Set<String> constants = new TreeSet<>();
        for (Field field : RemoveBgConstants.class.getFields()) {
            constants.add((String) field.get(null));
        }
        assertThat(names(headers)).containsAll(constants);
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            assertThat(header.getValue().path("description").asText()).as(header.getKey()).isNotBlank();
            assertThat(header.getValue().path("javaType").asText()).as(header.getKey()).isNotBlank();
        }
        assertThat(headers.get(RemoveBgConstants.SIZE).get("enum")).extracting(JsonNode::asText).contains("50MP");
    }
}
