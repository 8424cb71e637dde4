package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.github.removebgsuite.emulator.Charge;
import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Jenkins column of the suite's fault matrix: the step's work run against the emulator's fault injection. For every
 * fault, each input ends DONE or FAILED exactly once (in the summary and in the log), no partial or corrupt file is
 * left in the output folder, the emulator charged no image twice, and the build result and summary line say what
 * happened.
 */
class FaultMatrixTest {
    private static final String KEY = "fault-matrix-key-51d0";
    private static final List<String> INPUTS = List.of("assets/a.jpg", "assets/b.jpg", "assets/c.jpg");
    private static final Pattern ITEM_LINE = Pattern.compile("\\[removebg] \\(\\d+/\\d+\\) (\\w+) ([^\\s:,]+)");

    /** A short rate-limit window, so that a 429 without Retry-After (answered by waiting for the reset) stays quick. */
    @RegisterExtension
    final RemoveBgEmulatorExtension api = RemoveBgEmulatorExtension.configured(
            b -> b.apiKey(KEY, new BigDecimal("100")).rateLimit(500, Duration.ofSeconds(2)));

    @TempDir
    Path workspace;

    /** A fault, how many calls it hits, any step settings it needs, and whether retries must absorb it. */
    record Cell(String name, Fault fault, int count, Consumer<RemoveBackgroundBuilder> settings, boolean retried) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cells() {
        Consumer<RemoveBackgroundBuilder> none = s -> { };
        return Stream.of(
                new Cell("503 burst", Fault.status(503), 2, none, true),
                new Cell("502", Fault.status(502), 1, none, true),
                new Cell("500", Fault.status(500), 1, none, true),
                new Cell("429 with Retry-After", Fault.rateLimited(1), 1, none, true),
                new Cell("429 without Retry-After", Fault.rateLimited(null), 1, none, true),
                new Cell("delay past the read timeout", Fault.delay(Duration.ofMillis(2500)), 1,
                        s -> s.setTimeoutSeconds(1), false),
                new Cell("connection dropped mid-response", Fault.dropConnection(), 1, none, false),
                new Cell("truncated body", Fault.truncatedBody(), 1, none, false),
                new Cell("malformed ZIP, composed to PNG", Fault.malformedZip(), 1, s -> {
                    s.setFormat("zip");
                    s.setComposeZipToPng(true);
                }, false),
                new Cell("malformed ZIP, kept as ZIP", Fault.malformedZip(), 1, s -> s.setFormat("zip"), false),
                new Cell("200 with an HTML body", Fault.htmlBody(), 1, none, false))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyInputEndsOnceWithNoPartialFileAndNoDoubleCharge(Cell cell) throws Exception {
        StepFixture ws = new StepFixture(workspace);
        Map<String, String> shaByInput = new LinkedHashMap<>();
        for (int i = 0; i < INPUTS.size(); i++) {
            Path file = ws.image(INPUTS.get(i), 11 + i);
            shaByInput.put(INPUTS.get(i), sha256(file));
        }
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("removebg", "assets/*.jpg", "out");
        step.setApiUrl(api.emulator().baseUrl());
        step.setConcurrency(1);
        step.setFailOnError(false);
        cell.settings().accept(step);
        RemoveBgEmulator emulator = api.emulator();
        emulator.faults().enqueue(cell.fault(), cell.count());

        StepResult result = ws.run(step, KEY);

        // Every input exactly once, done or failed, in the summary and in the log.
        BatchSummary summary = result.summary();
        assertThat(summary.getEntries()).extracting(BatchSummary.Entry::getInput)
                .containsExactlyInAnyOrderElementsOf(INPUTS);
        assertThat(summary.getEntries()).extracting(BatchSummary.Entry::getOutcome).allMatch(
                o -> o.equals("DONE") || o.equals("FAILED"));
        Map<String, List<String>> logged = new LinkedHashMap<>();
        Matcher m = ITEM_LINE.matcher(ws.log());
        while (m.find()) {
            logged.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
        }
        assertThat(logged).containsOnlyKeys(INPUTS);
        for (BatchSummary.Entry e : summary.getEntries()) {
            assertThat(logged.get(e.getInput())).as("log lines of %s", e.getInput()).containsExactly(e.getOutcome());
        }

        // No partial or corrupt file: the output folder holds the manifest, the report and one complete image per
        // done input, nothing else.
        List<String> expected = new ArrayList<>(List.of("out/.removebg-manifest.json", "out/removebg-report.json"));
        for (BatchSummary.Entry e : summary.getEntries()) {
            if (e.getOutcome().equals("DONE")) {
                assertThat(e.getOutput()).isNotNull();
                expected.add(e.getOutput());
                Path output = workspace.resolve(e.getOutput());
                if (e.getOutput().endsWith(".zip")) {
                    assertThat(new java.util.zip.ZipFile(output.toFile()).size()).isEqualTo(2);
                } else {
                    assertThat(ImageIO.read(output.toFile())).as("decodable %s", e.getOutput()).isNotNull();
                }
            }
        }
        assertThat(ws.filesUnder("out")).containsExactlyInAnyOrderElementsOf(expected);

        // No image charged twice; the credits reported are the credits charged for the done images.
        Map<String, List<Charge>> charges = emulator.charges().stream()
                .collect(Collectors.groupingBy(Charge::imageSha256));
        assertThat(charges).allSatisfy((sha, list) -> assertThat(list).as("charges of %s", sha).hasSize(1));
        BigDecimal chargedForDone = summary.getEntries().stream()
                .filter(e -> e.getOutcome().equals("DONE"))
                .map(e -> charges.getOrDefault(shaByInput.get(e.getInput()), List.of()).stream()
                        .map(Charge::credits).reduce(BigDecimal.ZERO, BigDecimal::add))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(summary.getCreditsSpent()).isEqualByComparingTo(chargedForDone);

        // The build says so: unstable with a count when an image failed, successful otherwise.
        if (cell.retried()) {
            assertThat(summary.getFailed()).as("retries absorb %s", cell).isZero();
        } else {
            assertThat(summary.getFailed()).as("%s reaches the step as a failure", cell).isPositive();
        }
        assertThat(result.result()).isEqualTo(summary.getFailed() > 0 ? Result.UNSTABLE : Result.SUCCESS);
        assertThat(ws.log()).contains("[removebg] Summary: " + summary.getProcessed() + " processed, 0 skipped, "
                + summary.getFailed() + " failed, 0 not run");
        if (summary.getFailed() > 0) {
            assertThat(ws.log()).contains(summary.getFailed() + " of 3 images failed")
                    .contains("marking the build unstable");
        }
        assertThat(ws.log()).doesNotContain(KEY);

        // And a re-run finishes the job: the failed images are done, the others skipped.
        emulator.faults().clear();
        StepResult rerun = ws.run(step, KEY);
        assertThat(rerun.summary().getFailed()).isZero();
        assertThat(rerun.summary().getProcessed()).isEqualTo(summary.getFailed());
        assertThat(rerun.summary().getSkipped()).isEqualTo(summary.getProcessed());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
