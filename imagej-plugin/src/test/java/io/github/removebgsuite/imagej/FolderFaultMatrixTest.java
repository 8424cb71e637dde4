package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.removebgsuite.emulator.Fault;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scijava.command.CommandModule;

/**
 * The Fiji column of the fault matrix (issue 8): the folder command against every fault the emulator injects. For each
 * cell, every input ends done or failed exactly once, no partial output exists, no image is charged twice, and each
 * failure is shown to the user naming its file.
 */
class FolderFaultMatrixTest {

    private static final int INPUTS = 3;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private static FijiBench bench;

    @TempDir
    Path temp;

    /** A fault, how often it is queued, and whether the client is expected to recover from it by retrying. */
    record Cell(Fault fault, int count, boolean recovers) {
    }

    @BeforeAll
    static void start() {
        bench = FijiBench.shared();
        bench.useReadTimeout(READ_TIMEOUT);
        // warm the emulator up (class loading, ImageIO), so only the injected delay can pass the read timeout
        CommandModule warmUp = bench.run(RemoveBackgroundCommand.class, "imp", TestImages.rgb("warm-up"),
                "api_key", FijiBench.KEY, "size", "preview");
        assertThat(warmUp.isCanceled()).as(String.valueOf(warmUp.getCancelReason())).isFalse();
    }

    static Stream<Arguments> cells() {
        return Stream.of(
                cell("500 burst", Fault.status(500), 3, true),
                cell("502 burst", Fault.status(502), 3, true),
                cell("503 burst", Fault.status(503), 3, true),
                cell("429 with Retry-After", Fault.rateLimited(1), 1, true),
                // without Retry-After the core waits until the answer's X-RateLimit-Reset (under a second here)
                cell("429 without Retry-After", Fault.rateLimited(null), 1, true),
                cell("delay past the read timeout", Fault.delay(READ_TIMEOUT.multipliedBy(2)), 1, false),
                cell("connection dropped mid-response", Fault.dropConnection(), 1, false),
                cell("truncated body", Fault.truncatedBody(), 1, false),
                cell("malformed ZIP", Fault.malformedZip(), 1, false),
                cell("200 with an HTML body", Fault.htmlBody(), 1, false));
    }

    private static Arguments cell(String name, Fault fault, int count, boolean recovers) {
        return Arguments.of(Named.of(name, new Cell(fault, count, recovers)));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void everyInputEndsOnceWithNoPartialFileAndNoDoubleCharge(Cell cell) throws IOException {
        bench.reset();
        bench.useReadTimeout(READ_TIMEOUT);
        Path in = temp.resolve("in");
        Path out = temp.resolve("out");
        List<Path> inputs = FolderOutputs.specimens(in, INPUTS);
        int chargesBefore = bench.emulator.charges().size();
        bench.emulator.faults().enqueue(cell.fault(), cell.count());

        CommandModule module = bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(),
                "output_dir", out.toFile(), "api_key", FijiBench.KEY, "format", "zip", "size", "preview",
                "concurrency", 1);

        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        int processed = (Integer) module.getOutput("processed");
        int failed = (Integer) module.getOutput("failed");
        int notRun = (Integer) module.getOutput("not_run");
        // every input ends done or failed, exactly once, in the report
        assertThat(processed + failed).as(module.getOutput("summary") + "\n" + bench.log).isEqualTo(INPUTS);
        assertThat(notRun).isZero();
        JsonNode items = reportItems(out);
        List<String> reported = new ArrayList<>();
        items.forEach(item -> reported.add(item.get("input").asText()));
        assertThat(reported).hasSize(INPUTS).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(inputs.stream().map(p -> p.toAbsolutePath().toString()).toList());
        // no partial or corrupt output: exactly one whole result per done input
        assertThat(FolderOutputs.assertOnlyWholeResults(out)).hasSize(processed);
        // the emulator's accounting: no image charged twice
        FolderOutputs.assertNoDoubleCharge(bench.emulator.charges(), chargesBefore);
        if (cell.recovers()) {
            assertThat(failed).as("retried until it succeeded").isZero();
        } else {
            assertThat(failed).as("the faulted call fails, the others succeed").isEqualTo(1);
            // the user sees which file failed and why, in the log, and the summary counts it
            assertThat(bench.log).anyMatch(line -> line.matches("(sub/)?s\\d\\.png: .{10,}"));
            assertThat((String) module.getOutput("summary")).contains("1 failed");
        }
        assertThat(bench.emulator.faults().pending()).isEmpty();
    }

    private static JsonNode reportItems(Path out) throws IOException {
        JsonNode report = new ObjectMapper().readTree(out.resolve(RemoveBackgroundFolderCommand.REPORT_NAME).toFile());
        JsonNode items = report.get("items");
        assertThat(items).as("report items in " + report).isNotNull();
        return items;
    }
}
