package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue #13 item 1: the committed component doc ({@code src/main/docs/removebg-component.adoc}) is what the
 * descriptor generated in this very build says, so the build fails when an option or header changed and the doc did
 * not. To bring the doc up to date, run
 * {@code mvn -B -pl camel-component verify -Dtest=RemoveBgComponentDocTest -Dremovebg.updateDocs=true} and commit it.
 */
class RemoveBgComponentDocTest {

    private static final Path DOC = Path.of("src/main/docs/removebg-component.adoc");

    @Test
    void theCommittedDocMatchesTheGeneratedDescriptor() throws Exception {
        JsonNode descriptor;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/removebgsuite/camel/removebg.json")) {
            descriptor = new ObjectMapper().readTree(in);
        }
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);
        String expected = new ComponentDoc(descriptor).update(committed);
        if (Boolean.getBoolean("removebg.updateDocs")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            committed = expected;
        }
        assertThat(committed).as("%s is stale: run mvn -B -pl camel-component verify -Dtest=RemoveBgComponentDocTest "
                + "-Dremovebg.updateDocs=true and commit it", DOC).isEqualTo(expected);
    }

    @Test
    void everyOptionAndHeaderHasARowInTheDoc() throws Exception {
        JsonNode descriptor;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/removebgsuite/camel/removebg.json")) {
            descriptor = new ObjectMapper().readTree(in);
        }
        String tables = new ComponentDoc(descriptor).tables();
        descriptor.get("componentProperties").fieldNames().forEachRemaining(name ->
                assertThat(tables).contains("| *" + name + "* ("));
        descriptor.get("properties").fieldNames().forEachRemaining(name ->
                assertThat(tables).contains("| *" + name + "* ("));
        descriptor.get("headers").fieldNames().forEachRemaining(name ->
                assertThat(tables).contains("| *" + name + "* ("));
        assertThat(tables).contains("| *cacheDir* (cache)").contains("| *CamelRemoveBgFromCache* (producer)");
    }
}
