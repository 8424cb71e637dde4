package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.util.Secret;
import hudson.util.StreamTaskListener;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shared result cache: a second workspace with the same images and the same cache spends no credit. */
class ResultCacheTest {
    private static final String KEY = "cache-test-key-90e";

    @RegisterExtension
    final RemoveBgEmulatorExtension api = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("100"));

    @TempDir
    Path cache;

    private StepResult runIn(Path workspace, RemoveBackgroundBuilder step, RemoveBgGlobalConfiguration global,
            ByteArrayOutputStream log) throws Exception {
        StepFixture ws = new StepFixture(workspace);
        ws.image("assets/red.jpg", 1);
        ws.image("assets/blue.jpg", 2);
        return new StepRunner(step, global).work(new FilePath(workspace.toFile()), new EnvVars(),
                new StreamTaskListener(log, StandardCharsets.UTF_8), Secret.fromString(KEY));
    }

    private RemoveBackgroundBuilder step() {
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("id", "assets/*.jpg", "cutouts");
        step.setApiUrl(api.emulator().baseUrl());
        return step;
    }

    @Test
    void aSecondWorkspaceWithTheSameCacheSpendsNothing(@TempDir Path first, @TempDir Path second) throws Exception {
        RemoveBackgroundBuilder step = step();
        step.setCacheDir(cache.toString());
        StepResult paid = runIn(first, step, null, new ByteArrayOutputStream());
        assertThat(paid.summary().getProcessed()).isEqualTo(2);
        BigDecimal balance = api.emulator().credits(KEY);
        long requests = api.emulator().requestCount();

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StepResult reused = runIn(second, step, null, log);

        assertThat(reused.result()).isEqualTo(Result.SUCCESS);
        assertThat(reused.summary().getCached()).isEqualTo(2);
        assertThat(reused.summary().getCreditsSpent()).isEqualByComparingTo("0");
        assertThat(api.emulator().credits(KEY)).as("the emulator's balance").isEqualByComparingTo(balance);
        assertThat(api.emulator().requestCount()).isEqualTo(requests);
        assertThat(api.emulator().charges()).hasSize(2);
        assertThat(Files.readAllBytes(second.resolve("cutouts/assets/red.png")))
                .isEqualTo(Files.readAllBytes(first.resolve("cutouts/assets/red.png")));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("CACHED assets/red.jpg -> cutouts/assets/red.png")
                .contains("2 from the cache");
        assertThat(reused.summary().toMap()).containsEntry("cached", 2);
    }

    @Test
    void theGlobalDefaultCacheServesStepsThatNameNone(@TempDir Path first, @TempDir Path second) throws Exception {
        RemoveBgGlobalConfiguration global = GlobalDefaultsTest.unsavedGlobal();
        global.setCacheDir(cache.toString());
        runIn(first, step(), global, new ByteArrayOutputStream());

        StepResult reused = runIn(second, step(), global, new ByteArrayOutputStream());

        assertThat(reused.summary().getCached()).isEqualTo(2);
        assertThat(api.emulator().charges()).hasSize(2);
    }

    @Test
    void aRelativeCacheFolderMustStayInTheWorkspace(@TempDir Path workspace) {
        RemoveBackgroundBuilder step = step();
        step.setCacheDir("../cache");

        assertThatThrownBy(() -> runIn(workspace, step, null, new ByteArrayOutputStream()))
                .isInstanceOf(AbortException.class).hasMessageContaining("cacheDir '../cache'");
        assertThat(api.emulator().requestCount()).isZero();
    }
}
