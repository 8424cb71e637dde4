package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.util.Secret;
import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the step with a known key through success, skips, API errors, transport faults and refusals, and captures
 * everything it produces: the build log, every {@code java.util.logging} record (where the core's
 * {@code System.Logger} goes), every exception message and the {@code toString()} of every object that crosses to the
 * agent. The key appears in none of them, nor in any file the step writes.
 */
class SecretsTest {
    private static final String KEY = "sk-live-9d2c41f0a7b3e8";

    @RegisterExtension
    final RemoveBgEmulatorExtension api = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("50"));

    @TempDir
    Path workspace;

    private final List<String> captured = new ArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (captured) {
                captured.add(format.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;

    @BeforeEach
    void captureLogging() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    @AfterEach
    void stopCapturing() {
        Logger root = Logger.getLogger("");
        if (java.util.Arrays.asList(root.getHandlers()).contains(handler)) {
            root.removeHandler(handler);
            root.setLevel(rootLevel);
        }
    }

    private void record(String text) {
        synchronized (captured) {
            captured.add(text);
        }
    }

    @Test
    void theKeyAppearsInNoLogMessageOrFile() throws Exception {
        StepFixture ws = new StepFixture(workspace);
        ws.image("img/one.jpg", 1);
        ws.image("img/two.jpg", 2);
        ws.notAnImage("img/broken.jpg");

        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("removebg", "img/*.jpg", "out");
        step.setApiUrl(api.emulator().baseUrl());
        step.setFailOnError(false);
        step.setConcurrency(1);

        api.emulator().faults().enqueue(Fault.status(503), 1).enqueue(Fault.dropConnection(), 1);
        ws.run(step, KEY);                                   // done, failed (400), dropped connection
        ws.run(step, KEY);                                   // re-run: skips and retries
        step.setReprocess(true);
        api.emulator().faults().enqueue(Fault.htmlBody(), 1).enqueue(Fault.truncatedBody(), 1);
        ws.run(step, KEY);                                   // HTML body, truncated body

        RemoveBackgroundBuilder invalid = new RemoveBackgroundBuilder("removebg", "img/*.jpg", "out");
        invalid.setApiUrl(api.emulator().baseUrl());
        invalid.setBgColor("not-a-colour");
        record(message(() -> ws.run(invalid, KEY)));    // refused before any call
        RemoveBackgroundBuilder escape = new RemoveBackgroundBuilder("removebg", "img/*.jpg", "../" + "x");
        escape.setApiUrl(api.emulator().baseUrl());
        record(message(() -> ws.run(escape, KEY)));

        RemoveBackgroundBuilder exhausted = new RemoveBackgroundBuilder("removebg", "img/*.jpg", "out2");
        exhausted.setApiUrl(api.emulator().baseUrl());
        exhausted.setFailOnError(false);
        ws.run(exhausted, "sk-wrong-" + KEY.substring(3));  // 403 for every image, with a key that contains ours

        Path cache = workspace.resolve("cache");
        RemoveBackgroundBuilder cached = new RemoveBackgroundBuilder("removebg", "img/*.jpg", "out3");
        cached.setApiUrl(api.emulator().baseUrl());
        cached.setFailOnError(false);
        cached.setCacheDir(cache.toString());
        StepResult withCache = ws.run(cached, KEY);                // fills the result cache
        record(withCache.summary().toMap().toString());
        record(withCache.summary().toString());

        StepSettings settings = step.settings(new EnvVars());
        record(settings.toString());
        record(new RemoveBackgroundCallable(settings, Secret.fromString(KEY), hudson.model.TaskListener.NULL,
                "removebg-jenkins/test", true).toString());
        record(String.valueOf(Secret.fromString(KEY)));
        record(ws.log());

        assertThat(ws.log()).contains("[removebg] Summary:").contains("FAILED");
        stopCapturing(); // threads of the client and the emulator may still log; judge a stable snapshot
        List<String> everything;
        synchronized (captured) {
            everything = List.copyOf(captured);
        }
        assertThat(everything).isNotEmpty().noneMatch(text -> text.contains(KEY));
        try (var files = Files.walk(workspace)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.toString().endsWith(".json")) {
                    assertThat(Files.readString(f)).as("%s", f).doesNotContain(KEY);
                }
            }
        }
        try (var entries = Files.walk(cache)) {
            List<Path> cacheFiles = entries.filter(Files::isRegularFile).toList();
            assertThat(cacheFiles).as("the cache holds the paid results").isNotEmpty();
            for (Path f : cacheFiles) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("cache entry %s", f).doesNotContain(KEY);
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static String message(Step step) {
        try {
            step.run();
            return "";
        } catch (Exception e) {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t).append('\n');
            }
            return all.toString();
        }
    }
}
