package io.github.removebgsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the CLI with a known key through successes, every kind of failure and the help screens, capturing standard
 * output, standard error and every log record (at every level, the core logs through System.Logger, which is
 * java.util.logging here), and asserts the key never appears.
 */
class CliSecretsTest {
    private static final String KEY = "sk_live_SECRET_7f3a9c2e5b1d4f60";

    @TempDir
    Path dir;

    private final List<String> logLines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(' ').append(t);
            }
            synchronized (logLines) {
                logLines.add(line.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        Logger root = Logger.getLogger("");
        previousLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void restoreLogs() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(previousLevel);
    }

    @Test
    void theKeyNeverAppearsInOutputOrLogs() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("..", "samples", "mug.jpg"), in.resolve("mug.jpg"));
        Files.copy(Path.of("..", "samples", "bottle.jpg"), in.resolve("bottle.jpg"));
        List<CliTestSupport.Run> runs = new ArrayList<>();

        try (RemoveBgEmulator emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("1"))
                .build().start()) {
            String url = emulator.baseUrl();
            runs.add(CliTestSupport.run("remove", "--base-url", url, "--api-key", KEY, "--size", "full",
                    "-o", dir.resolve("o1").toString(), in.toString()));                 // one done, one 402
            emulator.faults().enqueue(Fault.status(503), 10);
            runs.add(CliTestSupport.run("account", "--base-url", url, "--api-key", KEY)); // 5xx until it gives up
            emulator.faults().clear();
            emulator.faults().enqueue(Fault.dropConnection(), 1);
            runs.add(CliTestSupport.run("remove", "--base-url", url, "--api-key", KEY, "--reprocess",
                    "-o", dir.resolve("o2").toString(), in.toString()));
            runs.add(CliTestSupport.run(Map.of(ConnectionOptions.API_KEY_ENV, KEY), "account", "--base-url", url));
            runs.add(CliTestSupport.run("account", "--base-url", url, "--api-key", KEY + "x"));      // 403
            runs.add(CliTestSupport.run("improve", "--base-url", url, "--api-key", KEY, in.resolve("mug.jpg").toString()));
        }
        runs.add(CliTestSupport.run("account", "--base-url", "http://127.0.0.1:9/v1.0", "--api-key", KEY));
        runs.add(CliTestSupport.run("remove", "--api-key", KEY, "--size", "enormous", in.toString()));
        runs.add(CliTestSupport.run("remove", "--api-key", KEY, "--help"));
        runs.add(CliTestSupport.run("emulator", "--api-key", KEY + "=notanumber", "--port", "0"));

        assertThat(runs).extracting(CliTestSupport.Run::exitCode).contains(ExitCode.OK, ExitCode.PARTIAL_FAILURE,
                ExitCode.AUTHENTICATION, ExitCode.UNAVAILABLE, ExitCode.USAGE);
        for (CliTestSupport.Run run : runs) {
            assertThat(run.all()).doesNotContain(KEY);
        }
        assertThat(logLines).as("the log capture saw the retries and failures").isNotEmpty();
        assertThat(logLines).noneMatch(line -> line.contains(KEY));
    }
}
