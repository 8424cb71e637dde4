package io.github.removebgsuite.cli.safety;

import static io.github.removebgsuite.cli.safety.SafetyFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments of a batch, then a run to completion, twenty times over: nothing partial or
 * corrupt is ever left, every image ends up done exactly once, and every credit the killed run may have lost is named
 * by the next run (the server charged each image at most once more than needed, and only the named ones). Charges are
 * counted on the emulator's own log. The moment of each kill is drawn from a seeded generator, so a failing trial can
 * be replayed; no assertion depends on when the kill lands.
 */
class KillMidBatchIT {
    private static final int TRIALS = 20;
    private static final int IMAGES = 10;
    private static final int CONCURRENCY = 4;

    @TempDir
    Path dir;

    @Test
    void aHardKillLosesNoPaidResultUnnoticed() throws Exception {
        int[] totals = new int[2];
        for (int trial = 0; trial < TRIALS; trial++) {
            int[] t = trial(trial);
            totals[0] += t[0];
            totals[1] += t[1];
        }
        // Figures for the record, not assertions: how much the kills cost, and how much of it was named.
        System.out.println("kill -9 trials: " + TRIALS + ", images " + TRIALS * IMAGES + ", extra charges "
                + totals[0] + ", images named as possibly charged " + totals[1]);
    }

    /** One kill and one completing run; returns the extra charges and the images named. */
    private int[] trial(int trial) throws Exception {
        Random random = new Random(7919L * (trial + 1));
        Path in = dir.resolve("t" + trial + "/in");
        Path out = dir.resolve("t" + trial + "/out");
        SafetyFixture.images(in, IMAGES, trial);
        try (RemoveBgEmulator emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("1000"))
                .build().start()) {
            long killAfterRequests = random.nextInt(IMAGES);
            try (CliProcess killed = CliProcess.start(dir, SafetyFixture.remove(emulator, in, out,
                    "--concurrency", Integer.toString(CONCURRENCY)))) {
                long deadline = System.nanoTime() + CliProcess.WAIT.toNanos();
                while (emulator.requestCount() < killAfterRequests && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(1);
                }
                TimeUnit.MILLISECONDS.sleep(random.nextInt(25));
                killed.kill();
            }
            SafetyFixture.assertSound(out, true);

            Path report = dir.resolve("t" + trial + "/report.json");
            try (CliProcess rerun = CliProcess.start(dir, SafetyFixture.remove(emulator, in, out,
                    "--concurrency", Integer.toString(CONCURRENCY), "--report", report.toString()))) {
                assertThat(rerun.awaitExit()).as("trial %d: %s", trial, rerun.output()).isZero();
            }
            List<Path> results = SafetyFixture.assertSound(out);
            assertThat(results).as("trial %d", trial).hasSize(IMAGES);
            assertThat(SafetyFixture.manifestEntries(out)).isEqualTo(IMAGES);

            JsonNode named = SafetyFixture.report(report).at("/summary/possiblyChargedByAnInterruptedRun");
            Set<String> namedImages = new HashSet<>();
            named.forEach(p -> namedImages.add(SafetyFixture.sha256(Path.of(p.asText()))));
            assertThat(namedImages.size()).as("named at most the calls that were in flight")
                    .isLessThanOrEqualTo(CONCURRENCY);

            Map<String, Long> charges = SafetyFixture.chargesPerImage(emulator);
            assertThat(charges).as("trial %d: every image charged", trial).hasSize(IMAGES);
            int extra = 0;
            for (Map.Entry<String, Long> c : charges.entrySet()) {
                assertThat(c.getValue()).as("trial %d: charged at most twice", trial).isBetween(1L, 2L);
                if (c.getValue() == 2) {
                    extra++;
                    assertThat(namedImages).as("trial %d: an image charged twice is named", trial)
                            .contains(c.getKey());
                }
            }
            return new int[] {extra, namedImages.size()};
        }
    }
}
