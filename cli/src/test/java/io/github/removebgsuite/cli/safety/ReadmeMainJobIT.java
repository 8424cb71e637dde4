package io.github.removebgsuite.cli.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, exactly as a user types it, twice in a row through the packaged jar: the embedded emulator
 * starts on a new port each time, and the second run still recognises every result and spends nothing.
 */
class ReadmeMainJobIT {
    @TempDir
    Path dir;

    @Test
    void theMainJobRunTwiceSpendsNothingTheSecondTime() throws Exception {
        Path samples = Path.of(System.getProperty("removebg.samples"));
        Path copy = Files.createDirectories(dir.resolve("samples"));
        try (Stream<Path> files = Files.list(samples)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jpg")).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        String[] mainJob = {"remove", "--emulator", "--size", "full", "-o", "out", "samples"};

        String firstOutput;
        try (CliProcess first = CliProcess.start(dir, mainJob)) {
            assertThat(first.awaitExit()).as(first.output()).isZero();
            firstOutput = first.output();
        }
        Map<Path, byte[]> results = results(dir.resolve("out"));
        assertThat(results).as(firstOutput).hasSize(3);

        try (CliProcess second = CliProcess.start(dir, mainJob)) {
            assertThat(second.awaitExit()).as(second.output()).isZero();
            String summary = second.awaitLine(line -> line.contains("processed"));
            assertThat(summary).as(second.output()).containsPattern("processed 0\\b").containsPattern("skipped 3\\b")
                    .containsPattern("credits spent 0\\b");
        }
        Map<Path, byte[]> again = results(dir.resolve("out"));
        assertThat(again.keySet()).isEqualTo(results.keySet());
        again.forEach((file, bytes) -> assertThat(bytes).as("%s untouched", file).isEqualTo(results.get(file)));
    }

    private static Map<Path, byte[]> results(Path out) throws IOException {
        Map<Path, byte[]> results = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(p -> p.toString().endsWith(".png")).toList();
        }
        for (Path f : files) {
            results.put(out.relativize(f), Files.readAllBytes(f));
        }
        return results;
    }
}
