package io.github.removebgsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.removebgsuite.emulator.Charge;
import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI column of the fault matrix: each fault the real service produces, injected into the emulator while a batch
 * of three images runs. Whatever happens, every input ends done or failed exactly once, no partial or corrupt file is
 * left, no image is charged twice, and the CLI says so in its exit code and summary.
 */
class CliFaultMatrixTest {
    private static final String KEY = "fault-matrix-key-0123456789";
    private static final int IMAGES = 3;

    @TempDir
    Path dir;

    /** A fault, how many calls it hits, and whether the client recovers by itself (faults before processing). */
    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("500 burst", Fault.status(500), 2, true),
                Arguments.of("502 burst", Fault.status(502), 2, true),
                Arguments.of("503 burst", Fault.status(503), 2, true),
                Arguments.of("429 with Retry-After", Fault.rateLimited(1), 2, true),
                Arguments.of("429 without Retry-After", Fault.rateLimited(null), 2, true),
                Arguments.of("delay past the read timeout", Fault.delay(Duration.ofSeconds(8)), 1, false),
                Arguments.of("connection dropped mid-response", Fault.dropConnection(), 1, false),
                Arguments.of("truncated body", Fault.truncatedBody(), 1, false),
                Arguments.of("malformed ZIP", Fault.malformedZip(), 1, false),
                Arguments.of("200 with an HTML body", Fault.htmlBody(), 1, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void everyInputEndsDoneOrFailedOnceWithoutPartialFilesOrDoubleCharges(String name, Fault fault, int count,
            boolean recovers) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<String> samples = List.of("mug.jpg", "bottle.jpg", "sneaker.jpg");
        for (String sample : samples) {
            Files.copy(Path.of("..", "samples", sample), in.resolve(sample));
        }
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.json");

        try (RemoveBgEmulator emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("20"))
                .rateLimit(500, Duration.ofSeconds(1)).build().start()) {
            emulator.faults().enqueue(fault, count);
            CliTestSupport.Run run = CliTestSupport.run("remove", "--base-url", emulator.baseUrl(), "--api-key", KEY,
                    "--read-timeout", "4", "--concurrency", "1", "--format", "zip", "--report", report.toString(),
                    "-o", out.toString(), in.toString());

            JsonNode items = new ObjectMapper().readTree(report.toFile()).get("items");
            Map<String, Long> perInput = new java.util.HashMap<>();
            List<String> outcomes = new ArrayList<>();
            for (JsonNode item : items) {
                perInput.merge(Path.of(item.get("input").asText()).getFileName().toString(), 1L, Long::sum);
                outcomes.add(item.get("outcome").asText());
            }
            assertThat(perInput).as("each input exactly once").containsOnlyKeys(samples).allSatisfy((k, v) ->
                    assertThat(v).isEqualTo(1L));
            assertThat(outcomes).as(run.all()).allMatch(o -> o.equals("DONE") || o.equals("FAILED"));

            long done = outcomes.stream().filter("DONE"::equals).count();
            List<Path> written = listFiles(out);
            assertThat(written).as("only complete results, no temp files").allSatisfy(file -> {
                assertThat(file.getFileName().toString()).endsWith(".png");
                assertThat(ImageIO.read(file.toFile())).as("decodes: " + file).isNotNull();
            });
            assertThat(written).hasSize((int) done);

            Map<String, Long> chargesPerImage = emulator.charges().stream()
                    .collect(Collectors.groupingBy(Charge::imageSha256, Collectors.counting()));
            assertThat(chargesPerImage.values()).as("no image charged twice").allMatch(c -> c == 1L);

            if (recovers) {
                assertThat(done).as(run.all()).isEqualTo(IMAGES);
                assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
            } else {
                assertThat(done).as(run.all()).isEqualTo(IMAGES - 1);
                assertThat(run.exitCode()).isEqualTo(ExitCode.PARTIAL_FAILURE);
                assertThat(run.out()).contains("failed 1");
                assertThat(run.err()).contains("failed ");
            }
        }
    }

    private static List<Path> listFiles(Path out) throws IOException {
        if (!Files.exists(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile)
                    // the manifest and its folder lock (kept on purpose: the lock is taken on the file, not by its existence)
                    .filter(p -> !p.getFileName().toString().startsWith(".removebg-manifest.json"))
                    .sorted().collect(Collectors.toList());
        }
    }

}
