package io.github.removebgsuite.cli.safety;

import static io.github.removebgsuite.cli.safety.SafetyFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code removebg remove} processes on one output folder at once: the second waits for the first (saying so),
 * then finds everything done. No image is charged twice and the manifest stays valid. The overlap is certain, not
 * timed: the emulator holds the first process's answers until the second has said that it waits.
 */
class TwoProcessesIT {
    private static final int IMAGES = 6;

    @TempDir
    Path dir;

    @Test
    void theSecondProcessWaitsForTheFirstAndPaysNothing() throws Exception {
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        SafetyFixture.images(in, IMAGES, 3);
        try (RemoveBgEmulator emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("100"))
                .build().start()) {
            emulator.faults().enqueue(Fault.hold(), 2);
            Path secondReport = dir.resolve("second.json");
            try (CliProcess first = CliProcess.start(dir, SafetyFixture.remove(emulator, in, out,
                    "--concurrency", "2"))) {
                assertThat(emulator.faults().awaitHeld(2, CliProcess.WAIT)).isTrue();
                try (CliProcess second = CliProcess.start(dir, SafetyFixture.remove(emulator, in, out,
                        "--report", secondReport.toString()))) {
                    second.awaitLine(line -> line.toLowerCase(Locale.ROOT).contains("waiting for another"));
                    emulator.faults().releaseHeld();

                    assertThat(first.awaitExit()).as(first.output()).isZero();
                    assertThat(second.awaitExit()).as(second.output()).isZero();
                }
            }
            assertThat(SafetyFixture.chargesPerImage(emulator)).hasSize(IMAGES)
                    .allSatisfy((sha, n) -> assertThat(n).as(sha).isEqualTo(1L));
            assertThat(SafetyFixture.assertSound(out)).hasSize(IMAGES);
            assertThat(SafetyFixture.manifestEntries(out)).isEqualTo(IMAGES);
            JsonNode summary = SafetyFixture.report(secondReport).get("summary");
            assertThat(summary.get("skipped").asInt()).isEqualTo(IMAGES);
            assertThat(summary.get("creditsSpent").decimalValue()).isEqualByComparingTo("0");
        }
    }
}
