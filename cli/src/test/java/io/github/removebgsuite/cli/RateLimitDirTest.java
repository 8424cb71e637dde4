package io.github.removebgsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.common.ratelimit.MegapixelRateLimiter;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --rate-limit-dir}: runs that name one folder pace through one state file. */
class RateLimitDirTest {
    private static final String KEY = "cli-rate-limit-key-1234567890";

    @TempDir
    Path dir;

    private RemoveBgEmulator emulator;
    private Path in;

    @BeforeEach
    void start() throws IOException {
        // 120 MP a minute: a limit the CLI's limiter (500 until told) learns only from the server's answers.
        emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("20"))
                .rateLimit(120, Duration.ofMinutes(1)).build().start();
        in = Files.createDirectories(dir.resolve("in"));
        for (String name : List.of("bottle.jpg", "mug.jpg")) {
            Files.copy(Path.of("..", "samples", name), in.resolve(name));
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private CliTestSupport.Run remove(Map<String, String> env, String out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("remove", "--base-url", emulator.baseUrl(), "--api-key",
                KEY, "-o", dir.resolve(out).toString()));
        args.addAll(List.of(extra));
        args.add(in.toString());
        return CliTestSupport.run(env, args.toArray(String[]::new));
    }

    @Test
    void runsNamingOneFolderByFlagOrEnvironmentShareOneStateFileNamedByADigest() throws IOException {
        Path shared = dir.resolve("limits");

        CliTestSupport.Run first = remove(Map.of(), "out-1", "--rate-limit-dir", shared.toString());
        CliTestSupport.Run second = remove(Map.of(ConnectionOptions.RATE_LIMIT_DIR_ENV, shared.toString()), "out-2");

        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(second.exitCode()).as(second.all()).isZero();
        Path expected = MegapixelRateLimiter.stateFileFor(shared, KEY, emulator.baseUrl());
        try (Stream<Path> files = Files.list(shared)) {
            assertThat(files).containsExactly(expected);
        }
        assertThat(expected.getFileName().toString()).doesNotContain(KEY);
        // The file holds what the runs learned from the server: its limit, not the documented default.
        MegapixelRateLimiter reader = MegapixelRateLimiter.sharedThrough(expected, 500, Duration.ofMinutes(1),
                Clock.systemUTC());
        assertThat(reader.megapixelsPerWindow()).isEqualTo(120);
    }

    @Test
    void withoutTheOptionNoStateFileIsWritten() {
        CliTestSupport.Run run = remove(Map.of(), "out");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(dir.resolve("limits")).doesNotExist();
    }

    @Test
    void aFolderThatCannotHoldTheStateIsRefusedBeforeAnyCall() throws IOException {
        Path plainFile = Files.writeString(dir.resolve("not-a-folder"), "x");

        CliTestSupport.Run run = remove(Map.of(), "out", "--rate-limit-dir", plainFile.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("--rate-limit-dir").contains("not-a-folder is in the way: it is not a folder")
                .doesNotContain(KEY);
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("20");
    }
}
