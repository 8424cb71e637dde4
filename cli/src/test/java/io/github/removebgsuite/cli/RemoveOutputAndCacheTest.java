package io.github.removebgsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code removebg remove} prints in its modes ({@code --json}, {@code --quiet}, {@code --verbose}), the shared
 * result cache from the command line, and broken inputs refused before a credit is spent. Charges are read from the
 * emulator's balance.
 */
class RemoveOutputAndCacheTest {
    private static final String KEY = "cli-output-key-0987654321";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private RemoveBgEmulator emulator;
    private Path in;

    @BeforeEach
    void start() throws IOException {
        emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("20")).build().start();
        in = Files.createDirectories(dir.resolve("in"));
        for (String name : List.of("bottle.jpg", "mug.jpg", "sneaker.jpg")) {
            Files.copy(Path.of("..", "samples", name), in.resolve(name));
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private CliTestSupport.Run remove(Map<String, String> env, String... extra) {
        List<String> args = new ArrayList<>(List.of("remove", "--base-url", emulator.baseUrl(), "--api-key", KEY,
                "--size", "full"));
        args.addAll(Arrays.asList(extra));
        return CliTestSupport.run(env, args.toArray(String[]::new));
    }

    private CliTestSupport.Run remove(String... extra) {
        return remove(Map.of(), extra);
    }

    @Test
    void jsonPrintsOneObjectPerImageInInputOrderThenTheSummary() throws IOException {
        CliTestSupport.Run run = remove("--json", "-o", dir.resolve("out").toString(), in.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            lines.add(JSON.readTree(line)); // every line is one whole JSON object
        }
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 3)).extracting(n -> Path.of(n.get("input").asText()).getFileName().toString())
                .containsExactly("bottle.jpg", "mug.jpg", "sneaker.jpg");
        assertThat(lines.subList(0, 3)).allSatisfy(n -> {
            assertThat(n.get("outcome").asText()).isEqualTo("DONE");
            assertThat(n.get("credits").decimalValue()).isEqualByComparingTo("1");
            assertThat(Path.of(n.get("output").asText())).exists();
        });
        JsonNode summary = lines.get(3);
        assertThat(summary.get("processed").asInt()).isEqualTo(3);
        assertThat(summary.get("creditsSpent").decimalValue()).isEqualByComparingTo("3");
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("17");
        assertThat(run.err()).as("progress stays on stderr").contains("done");
    }

    @Test
    void quietPrintsTheSummaryOnlyAndVerboseAlsoListsSkippedImages() {
        Path out = dir.resolve("out");
        CliTestSupport.Run quiet = remove("-q", "-o", out.toString(), in.toString());
        assertThat(quiet.exitCode()).as(quiet.all()).isZero();
        assertThat(quiet.err()).doesNotContain("mug.jpg");
        assertThat(quiet.out()).contains("processed 3");

        CliTestSupport.Run normal = remove("-o", out.toString(), in.toString());
        assertThat(normal.err()).as("unchanged images are counted, not listed").doesNotContain("mug.jpg");
        assertThat(normal.out()).contains("skipped 3");

        CliTestSupport.Run verbose = remove("--verbose", "-o", out.toString(), in.toString());
        assertThat(verbose.err()).contains("found 3 images").contains("result cache: none")
                .containsPattern("skipped\\s+\\S*mug.jpg");
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("17");

        CliTestSupport.Run both = remove("-q", "-v", "-o", out.toString(), in.toString());
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(both.err()).contains("--verbose").contains("--quiet");
    }

    @Test
    void oneCreditIsSingular() {
        CliTestSupport.Run run = remove("-o", dir.resolve("out").toString(), in.resolve("mug.jpg").toString());
        assertThat(run.err()).contains("(1 credit)").doesNotContain("1 credits");
    }

    @Test
    void aSecondOutputFolderWithTheSameCacheSpendsNothingAndSaysWhereResultsCameFrom() throws IOException {
        Path cache = dir.resolve("cache");
        CliTestSupport.Run first = remove("--cache-dir", cache.toString(), "-o", dir.resolve("a").toString(),
                in.toString());
        assertThat(first.out()).as(first.all()).contains("processed 3").contains("credits spent 3");
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("17");

        // A fresh workspace: no manifest, same cache, given through the environment this time.
        CliTestSupport.Run second = remove(Map.of(SafetyOptions.CACHE_DIR_ENV, cache.toString()),
                "-o", dir.resolve("b").toString(), in.toString());
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("processed 0").contains("from cache 3").contains("credits spent 0");
        assertThat(second.err()).contains("(0 credits: from the shared cache)");
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("17");
        for (String name : List.of("bottle.png", "mug.png", "sneaker.png")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(name)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(name)));
        }
    }

    @Test
    void aBadCacheSizeNamesTheFlagBeforeAnyCall() {
        CliTestSupport.Run run = remove("--cache-dir", dir.resolve("cache").toString(), "--cache-max-size", "lots",
                "-o", dir.resolve("out").toString(), in.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--cache-max-size").contains("lots").contains("500m");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void aCutShortJpegIsRefusedWithTheReasonAndCostsNothing() throws IOException {
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(Files.readAllBytes(in.resolve("mug.jpg")), 2000));
        CliTestSupport.Run run = remove("-o", dir.resolve("out").toString(), cut.toString(),
                in.resolve("bottle.jpg").toString());
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.PARTIAL_FAILURE);
        assertThat(run.err()).contains("cut.jpg").contains("image_file").contains("cut short")
                .contains("end-of-image marker");
        assertThat(run.out()).contains("processed 1").contains("failed 1").contains("credits spent 1");
        assertThat(emulator.charges()).hasSize(1);
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("19");
    }
}
