package io.github.removebgsuite.cli.safety;

import static io.github.removebgsuite.cli.safety.SafetyFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.removebgsuite.cli.ExitCode;
import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM mid-batch through the packaged jar, as a user's {@code kill} or a CI timeout sends it. The emulator holds
 * the answers of the two calls in flight (already charged) until the CLI has said that it is stopping, so the
 * signal certainly lands mid-batch; nothing waits for time.
 */
class GracefulStopIT {
    private static final int IMAGES = 6;

    @TempDir
    Path dir;

    @Test
    void sigtermFinishesAndSavesThePaidCallsThenTheRerunDoesTheRestWithNoExtraCharge() throws Exception {
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        SafetyFixture.images(in, IMAGES, 7);
        try (RemoveBgEmulator emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("100"))
                .build().start()) {
            emulator.faults().enqueue(Fault.hold(), 2);
            Path report = dir.resolve("stopped.json");
            try (CliProcess cli = CliProcess.start(dir, SafetyFixture.remove(emulator, in, out,
                    "--concurrency", "2", "--report", report.toString()))) {
                assertThat(emulator.faults().awaitHeld(2, CliProcess.WAIT)).isTrue();
                cli.terminate();
                cli.awaitLine(line -> line.contains("SIGTERM received, stopping"));
                emulator.faults().releaseHeld();
                assertThat(cli.awaitExit()).as(cli.output()).isEqualTo(ExitCode.STOPPED_BY_SIGTERM);
                assertThat(cli.output()).contains("Stopped: run the same command again");
            }
            JsonNode summary = SafetyFixture.report(report).get("summary");
            assertThat(summary.get("processed").asInt()).as("the two paid calls were saved").isEqualTo(2);
            assertThat(summary.get("notRun").asInt()).isEqualTo(IMAGES - 2);
            assertThat(SafetyFixture.assertSound(out)).hasSize(2);
            assertThat(SafetyFixture.manifestEntries(out)).isEqualTo(2);
            assertThat(emulator.charges()).hasSize(2);

            try (CliProcess rerun = CliProcess.start(dir, SafetyFixture.remove(emulator, in, out))) {
                assertThat(rerun.awaitExit()).as(rerun.output()).isZero();
                assertThat(rerun.output()).doesNotContain("may have charged")
                        .containsPattern("processed 4, skipped 2\\b");
            }
            assertThat(SafetyFixture.assertSound(out)).hasSize(IMAGES);
            assertThat(SafetyFixture.chargesPerImage(emulator)).as("0 extra charges").hasSize(IMAGES)
                    .allSatisfy((sha, n) -> assertThat(n).as(sha).isEqualTo(1L));
        }
    }

    @Test
    void aSecondSigtermStopsAtOnceAndTheNextRunNamesWhatMayHaveBeenCharged() throws Exception {
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        SafetyFixture.images(in, IMAGES, 8);
        try (RemoveBgEmulator emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("100"))
                .build().start()) {
            emulator.faults().enqueue(Fault.hold(), 2);
            try (CliProcess cli = CliProcess.start(dir, SafetyFixture.remove(emulator, in, out,
                    "--concurrency", "2"))) {
                assertThat(emulator.faults().awaitHeld(2, CliProcess.WAIT)).isTrue();
                cli.terminate();
                cli.awaitLine(line -> line.contains("SIGTERM received, stopping"));
                cli.terminate();
                cli.awaitLine(line -> line.contains("received again, stopping now"));
                assertThat(cli.awaitExit()).as(cli.output()).isEqualTo(ExitCode.STOPPED_BY_SIGTERM);
            } finally {
                emulator.faults().releaseHeld();
            }
            assertThat(SafetyFixture.assertSound(out)).isEmpty();
            assertThat(emulator.charges()).as("the held calls were charged").hasSize(2);

            List<String> warned = new ArrayList<>();
            try (CliProcess rerun = CliProcess.start(dir, SafetyFixture.remove(emulator, in, out))) {
                assertThat(rerun.awaitExit()).as(rerun.output()).isZero();
                rerun.output().lines().filter(l -> l.contains("may have charged")).forEach(warned::add);
            }
            assertThat(warned).singleElement().asString().contains("2 images");
            Map<String, Long> charges = SafetyFixture.chargesPerImage(emulator);
            assertThat(charges).hasSize(IMAGES);
            long twice = charges.values().stream().filter(n -> n == 2).count();
            assertThat(twice).as("exactly the two calls in flight were paid again").isEqualTo(2);
            for (int i = 0; i < IMAGES; i++) {
                // each image charged twice is named in the warning; the names are the inputs' file names
                String name = "img" + i + ".png";
                long n = charges.get(SafetyFixture.sha256(in.resolve(name)));
                if (n == 2) {
                    assertThat(warned.get(0)).contains(name);
                }
            }
        }
    }
}
