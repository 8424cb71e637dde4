package io.github.removebgsuite.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The starter stays in step with the component: the committed {@code RemoveBgComponentConfiguration} is what the
 * component's descriptor generates, and the configuration metadata written by spring-boot-configuration-processor
 * in this build documents every option. To regenerate the class after a component change, run
 * {@code mvn -B -pl camel-removebg-starter -am verify -Dtest=RemoveBgStarterSourceTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dremovebg.updateStarter=true}, build again (so the metadata follows), and
 * commit.
 */
class RemoveBgStarterSourceTest {

    private static final Path SOURCE = Path.of(
            "src/main/java/io/github/removebgsuite/camel/springboot/RemoveBgComponentConfiguration.java");

    static JsonNode descriptor() throws Exception {
        try (InputStream in = RemoveBgStarterSourceTest.class.getResourceAsStream(
                "/META-INF/io/github/removebgsuite/camel/removebg.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theCommittedConfigurationClassIsWhatTheDescriptorGenerates() throws Exception {
        String expected = new StarterConfigurationSource(descriptor()).render();
        String committed = Files.readString(SOURCE, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("removebg.updateStarter")) {
            Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
            committed = expected;
        }
        assertThat(committed).as("%s is stale: regenerate it (see this test's Javadoc)", SOURCE).isEqualTo(expected);
    }

    @Test
    void theConfigurationMetadataDocumentsEveryComponentOption() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json in the starter").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        Set<String> documented = new HashSet<>();
        for (JsonNode property : metadata.get("properties")) {
            if (property.path("description").asText().isBlank()) {
                continue;
            }
            documented.add(property.get("name").asText());
        }
        for (Map.Entry<String, JsonNode> option : new StarterConfigurationSource(descriptor()).options()) {
            String property = "camel.component.removebg." + kebab(option.getKey());
            assertThat(documented).as("documented property " + property).contains(property);
        }
        assertThat(documented).contains("camel.component.removebg.api-key", "camel.component.removebg.cache-dir",
                "camel.component.removebg.graceful-stop-timeout", "camel.component.removebg.enabled");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
