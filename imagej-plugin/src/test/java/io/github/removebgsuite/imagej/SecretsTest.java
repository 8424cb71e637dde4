package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.imagej.service.ApiKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.prefs.PrefService;

/**
 * Issue 8's secrets test for Fiji: while every command runs with a known key (succeeding, refused, failing mid-batch,
 * with SciJava's debug log of every input switched on), the key never appears in a log line (SciJava's or the JDK's),
 * a status message, a cancel reason, an output, a macro recording (current or older imagej-legacy rules) or Fiji's
 * preferences, unless the user saved it there on purpose.
 */
class SecretsTest {

    private static final String WRONG_KEY = "wrong-secret-9f8e7d6c5b";

    private static FijiBench bench;

    @TempDir
    Path temp;

    private final List<String> jdkLog = Collections.synchronizedList(new ArrayList<>());
    private final Handler jdkHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            jdkLog.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                    + " " + record.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void start() {
        bench = FijiBench.shared();
    }

    @BeforeEach
    void capture() {
        bench.reset();
        // Fiji's default is INFO; at DEBUG SciJava logs every input of every command, which must find no key
        bench.context.service(LogService.class).setLevel(LogLevel.DEBUG);
        Logger.getLogger("").addHandler(jdkHandler);
        Logger.getLogger("").setLevel(Level.ALL);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(jdkHandler);
        Logger.getLogger("").setLevel(Level.INFO);
        bench.reset();
    }

    @Test
    void keyNeverAppearsInAnythingACommandShowsOrRecords() throws Exception {
        List<CommandModule> modules = new ArrayList<>();
        // every file a command writes (cache entries, tables, ROI sets, reports) is searched for the key too
        bench.service.setResultCache(new io.github.removebgsuite.imagej.service.RemoveBgService.CacheSetting(
                temp.resolve("cache"), 64L << 20));
        modules.add(bench.run(RemoveBackgroundCommand.class, "imp", TestImages.rgb("ok"), "api_key", FijiBench.KEY,
                "mask", true, "selection", true, "results_file", temp.resolve("ok.csv").toFile(),
                "roi_set_file", temp.resolve("ok.zip").toFile()));
        modules.add(bench.run(RemoveBackgroundCommand.class, "imp", TestImages.rgb("bad"), "api_key", FijiBench.KEY,
                "scale", "5%"));
        // another image than "ok": the cache would answer a repeat whatever the key
        modules.add(bench.run(RemoveBackgroundCommand.class, "imp", TestImages.oval("refused"), "api_key", WRONG_KEY,
                "results_file", temp.resolve("refused.csv").toFile()));
        modules.add(bench.run(AccountCommand.class, "api_key", FijiBench.KEY));
        modules.add(bench.run(AccountCommand.class, "api_key", WRONG_KEY));
        modules.add(bench.run(ImproveCommand.class, "imp", TestImages.rgb("improve"), "api_key", FijiBench.KEY,
                "tag", "secrets"));
        Path in = temp.resolve("in");
        FolderOutputs.specimens(in, 3);
        bench.emulator.faults().enqueue(Fault.htmlBody()).enqueue(Fault.truncatedBody());
        modules.add(bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(),
                "output_dir", temp.resolve("out").toFile(), "api_key", FijiBench.KEY, "concurrency", 1));
        modules.add(bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(),
                "output_dir", temp.resolve("out2").toFile(), "api_key", WRONG_KEY));
        bench.keyInEnvironment();
        assertThat(RemoveBgConsole.run(bench.context, List.of("--run", "Account...", ""))).isZero();

        assertThat(modules.get(0).isCanceled()).isFalse();
        assertThat(modules.get(2).getCancelReason()).contains("403");
        assertThat((String) modules.get(6).getOutput("summary")).contains("2 failed");
        List<String> seen = new ArrayList<>(bench.everythingShown());
        seen.addAll(jdkLog);
        for (CommandModule module : modules) {
            assertThat(module.getInput("api_key")).as("the field is cleared before postprocessors run").isNull();
            seen.add(String.valueOf(module.getCancelReason()));
            seen.add(MacroOptions.record(module));
            seen.add(MacroOptions.recordEverything(module));
            module.getOutputs().values().forEach(value -> seen.add(String.valueOf(value)));
        }
        seen.add(bench.service.toString());
        seen.add(bench.service.client(new ApiKey(FijiBench.KEY, ApiKey.Source.PARAMETER)).toString());
        seen.add(new ApiKey(FijiBench.KEY, ApiKey.Source.PARAMETER).toString());

        assertThat(String.join("\n", seen)).as("everything shown").doesNotContain(FijiBench.KEY)
                .doesNotContain(WRONG_KEY).contains("INPUTS:");
        assertThat(storedPreferences()).doesNotContain(FijiBench.KEY).doesNotContain(WRONG_KEY);
        List<Path> written = FolderOutputs.files(temp);
        assertThat(written).contains(temp.resolve("ok.csv"), temp.resolve("refused.csv"), temp.resolve("ok.zip"),
                temp.resolve("out").resolve(RemoveBackgroundFolderCommand.RESULTS_NAME));
        assertThat(written).anyMatch(p -> p.startsWith(temp.resolve("cache")));
        for (Path file : written) {
            String content = new String(java.nio.file.Files.readAllBytes(file),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(content).as(file.toString()).doesNotContain(FijiBench.KEY).doesNotContain(WRONG_KEY);
        }
    }

    @Test
    void keyIsStoredOnlyOnExplicitRequestAndForgottenOnRequest() throws Exception {
        CommandModule save = bench.run(ApiKeyCommand.class, "action", ApiKeyCommand.SAVE, "api_key", FijiBench.KEY);
        assertThat(save.isCanceled()).isFalse();
        assertThat(bench.service.hasSavedApiKey()).isTrue();
        assertThat(storedPreferences()).contains(FijiBench.KEY);
        assertThat(bench.log).noneMatch(line -> line.contains(FijiBench.KEY));
        assertThat(MacroOptions.record(save)).doesNotContain(FijiBench.KEY);

        // the saved key is used when neither the field nor the environment has one
        CommandModule account = bench.run(AccountCommand.class);
        assertThat(account.isCanceled()).as(String.valueOf(account.getCancelReason())).isFalse();
        assertThat(bench.log).anyMatch(line -> line.contains("key from the key saved in Fiji's preferences"));

        bench.run(ApiKeyCommand.class, "action", ApiKeyCommand.FORGET);
        assertThat(bench.service.hasSavedApiKey()).isFalse();
        assertThat(storedPreferences()).doesNotContain(FijiBench.KEY);
    }

    @Test
    void environmentKeyComesBeforeTheSavedOne() {
        bench.service.saveApiKey(WRONG_KEY);
        bench.keyInEnvironment();
        CommandModule account = bench.run(AccountCommand.class);
        assertThat(account.isCanceled()).as(String.valueOf(account.getCancelReason())).isFalse();
        assertThat(bench.log).anyMatch(line -> line.contains("REMOVE_BG_API_KEY environment variable"));
    }

    /** Everything java.util.prefs holds below the user root, flushed to disk and read back as text. */
    private static String storedPreferences() throws BackingStoreException, IOException {
        bench.context.service(PrefService.class);
        Preferences.userRoot().flush();
        Path root = Path.of(System.getProperty("java.util.prefs.userRoot", System.getProperty("user.home")));
        StringBuilder text = new StringBuilder();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    text.append(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        text.append(dump(Preferences.userRoot()));
        return text.toString();
    }

    private static String dump(Preferences node) throws BackingStoreException {
        StringBuilder text = new StringBuilder();
        for (String key : node.keys()) {
            text.append(node.absolutePath()).append('/').append(key).append('=').append(node.get(key, "")).append('\n');
        }
        for (String child : node.childrenNames()) {
            text.append(dump(node.node(child)));
        }
        return text.toString();
    }
}
