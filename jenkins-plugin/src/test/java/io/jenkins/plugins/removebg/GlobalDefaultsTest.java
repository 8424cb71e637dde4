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
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defaults of <em>Manage Jenkins › System › remove.bg</em> apply to every step that leaves a field empty, and a
 * step's own value wins. The global configuration is the real class; only its persistence (which needs a running
 * Jenkins) is switched off.
 */
class GlobalDefaultsTest {
    private static final String KEY = "global-defaults-key-5d1";
    /** A loopback port nothing listens on: a step that used this URL would fail every image. */
    private static final String DEAD_URL = "http://127.0.0.1:9/v1.0";

    @RegisterExtension
    final RemoveBgEmulatorExtension api = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("100"));

    @TempDir
    Path workspace;

    private StepFixture ws;
    private RemoveBgGlobalConfiguration global;

    /** The real global configuration without persistence. */
    static RemoveBgGlobalConfiguration unsavedGlobal() {
        return new RemoveBgGlobalConfiguration() {
            @Override
            public synchronized void load() {
            }

            @Override
            public synchronized void save() {
            }
        };
    }

    @BeforeEach
    void setUp() {
        ws = new StepFixture(workspace);
        ws.image("in/a.jpg", 1);
        ws.image("in/b.jpg", 2);
        global = unsavedGlobal();
    }

    private StepResult run(StepRunner runner) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            return runner.work(new FilePath(workspace.toFile()), new EnvVars(),
                    new StreamTaskListener(log, StandardCharsets.UTF_8), Secret.fromString(KEY));
        } finally {
            System.out.print(log.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void emptyStepFieldsTakeTheGlobalDefaults(@TempDir Path cache) throws Exception {
        global.setCredentialsId("global-key");
        global.setApiUrl(api.emulator().baseUrl());
        global.setConcurrency(2);
        global.setTimeoutSeconds(45);
        global.setConnectTimeoutSeconds(7);
        global.setMaxAttempts(2);
        global.setMaxRateLimitWaitSeconds(20);
        global.setMegapixelsPerMinute(900);
        global.setCacheDir(cache.toString());
        global.setCacheMaxMegabytes(64);
        global.setStopGraceSeconds(12);
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("", "in/*.jpg", "out");
        StepRunner runner = new StepRunner(step, global);

        StepSettings settings = runner.settings(new EnvVars());

        assertThat(runner.credentialsId()).isEqualTo("global-key");
        assertThat(settings.apiUrl).isEqualTo(api.emulator().baseUrl());
        assertThat(settings.concurrency).isEqualTo(2);
        assertThat(settings.timeoutSeconds).isEqualTo(45);
        assertThat(settings.connectTimeoutSeconds).isEqualTo(7);
        assertThat(settings.maxAttempts).isEqualTo(2);
        assertThat(settings.maxRateLimitWaitSeconds).isEqualTo(20);
        assertThat(settings.megapixelsPerMinute).isEqualTo(900);
        assertThat(settings.cacheDir).isEqualTo(cache.toString());
        assertThat(settings.cacheMaxBytes).isEqualTo(64L << 20);
        assertThat(settings.stopGraceSeconds).isEqualTo(12);
        // The global API URL is the one actually called.
        StepResult result = run(runner);
        assertThat(result.result()).isEqualTo(Result.SUCCESS);
        assertThat(api.emulator().charges()).hasSize(2);
    }

    @Test
    void aStepsOwnValuesOverrideTheGlobalDefaults(@TempDir Path globalCache, @TempDir Path stepCache) throws Exception {
        global.setCredentialsId("global-key");
        global.setApiUrl(DEAD_URL);
        global.setConcurrency(2);
        global.setTimeoutSeconds(45);
        global.setCacheDir(globalCache.toString());
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("step-key", "in/*.jpg", "out");
        step.setApiUrl(api.emulator().baseUrl());
        step.setConcurrency(3);
        step.setTimeoutSeconds(9);
        step.setCacheDir(stepCache.toString());
        StepRunner runner = new StepRunner(step, global);

        StepSettings settings = runner.settings(new EnvVars());

        assertThat(runner.credentialsId()).isEqualTo("step-key");
        assertThat(settings.apiUrl).isEqualTo(api.emulator().baseUrl());
        assertThat(settings.concurrency).isEqualTo(3);
        assertThat(settings.timeoutSeconds).isEqualTo(9);
        assertThat(settings.cacheDir).isEqualTo(stepCache.toString());
        StepResult result = run(runner);
        assertThat(result.result()).as("the step's URL was used, not the dead global one").isEqualTo(Result.SUCCESS);
        assertThat(result.summary().getProcessed()).isEqualTo(2);
    }

    @Test
    void globalDefaultsAreExpandedLikeTheStepsFields() throws Exception {
        global.setCacheDir("${CACHE_ROOT}/removebg");
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("id", "in/*.jpg", "out");

        StepSettings settings = new StepRunner(step, global).settings(new EnvVars("CACHE_ROOT", "/srv/cache"));

        assertThat(settings.cacheDir).isEqualTo("/srv/cache/removebg");
    }

    @Test
    void withoutAnyCredentialTheStepSaysWhereToSetOne() {
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder(null, "in/*.jpg", "out");

        assertThatThrownBy(() -> new StepRunner(step, global).credentialsId()).isInstanceOf(AbortException.class)
                .hasMessageContaining("set credentialsId on the step")
                .hasMessageContaining("Manage Jenkins › System › remove.bg");
    }

    @Test
    void withoutGlobalDefaultsTheClientDefaultsApply() throws Exception {
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("id", "in/*.jpg", "out");

        StepSettings settings = new StepRunner(step, unsavedGlobal()).settings(new EnvVars());

        assertThat(settings.apiUrl).isEqualTo(RemoveBackgroundBuilder.DEFAULT_API_URL);
        assertThat(settings.concurrency).isZero();
        assertThat(settings.cacheDir).isNull();
        assertThat(settings.maxAttempts).isZero();
    }

    @Test
    void globalValuesAreNormalisedLikeTheForm() {
        global.setApiUrl(" " + RemoveBackgroundBuilder.DEFAULT_API_URL + " ");
        global.setCacheDir("   ");
        global.setConcurrency(-3);

        assertThat(global.getApiUrl()).as("the default URL is stored as no value").isNull();
        assertThat(global.getCacheDir()).isNull();
        assertThat(global.getConcurrency()).isZero();
    }
}
