package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.util.Secret;
import hudson.util.StreamTaskListener;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pipeline step through workflow-step-api's real execution model (the shim's
 * {@code SynchronousNonBlockingStepExecution} runs it on a thread of its own and reports to the context): its return
 * value is the summary a Pipeline branches on.
 */
class PipelineStepTest {
    private static final String KEY = "pipeline-step-key-a81";

    @RegisterExtension
    final RemoveBgEmulatorExtension api = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("100"));

    @TempDir
    Path workspace;

    private StepFixture ws;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void images() {
        ws = new StepFixture(workspace);
        ws.image("assets/red.jpg", 1);
        ws.image("assets/blue.jpg", 2);
        ws.image("assets/tote.jpg", 3);
    }

    private RemoveBackgroundStep step() {
        RemoveBackgroundStep step = new RemoveBackgroundStep("assets/*.jpg", "cutouts");
        step.setCredentialsId("removebg");
        step.setApiUrl(api.emulator().baseUrl());
        step.setSize("full");
        return step;
    }

    /** Starts the step as Pipeline would, with a fixed key for the credential the step names. */
    private FakeStepContext start(RemoveBackgroundStep step, FakeBuild.TestRun run) throws Exception {
        FakeStepContext context = new FakeStepContext(run, new FilePath(workspace.toFile()),
                new StreamTaskListener(log, StandardCharsets.UTF_8));
        StepRunner runner = new StepRunner(step.config(), GlobalDefaultsTest.unsavedGlobal(), (id, r, url) -> {
            assertThat(id).isEqualTo("removebg");
            assertThat(r).isSameAs(run);
            return Secret.fromString(KEY);
        });
        new RemoveBackgroundStep.Execution(context, step.config(), runner).start();
        return context;
    }

    @Test
    void returnsTheSummaryAsAMapOfPlainValues() throws Exception {
        FakeBuild.TestRun run = FakeBuild.of();
        FakeStepContext context = start(step(), run);

        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) context.outcome.get(60, TimeUnit.SECONDS);

        assertThat(r).containsEntry("processed", 3).containsEntry("skipped", 0).containsEntry("cached", 0)
                .containsEntry("failed", 0).containsEntry("notRun", 0).containsEntry("dryRun", false)
                .containsEntry("reportFile", "cutouts/removebg-report.json");
        assertThat((BigDecimal) r.get("credits")).isEqualByComparingTo("3");
        assertThat((List<Object>) r.get("outputs"))
                .containsExactlyInAnyOrder("cutouts/assets/red.png", "cutouts/assets/blue.png",
                        "cutouts/assets/tote.png");
        assertThat((List<?>) r.get("failedInputs")).isEmpty();
        // Only JDK values, so the map survives Pipeline's serialisation and a sandboxed script reads it.
        r.values().forEach(v -> assertThat(v == null || v instanceof Serializable
                && v.getClass().getName().startsWith("java.")).as("%s", v).isTrue());
        assertThat(api.emulator().credits(KEY)).isEqualByComparingTo("97");
        // The build page got the same run.
        assertThat(run.getAction(RemoveBackgroundAction.class).getRuns()).singleElement()
                .satisfies(s -> assertThat(s.getProcessed()).isEqualTo(3));
    }

    @Test
    void aSecondCallSkipsAndSaysSoInItsSummary() throws Exception {
        FakeBuild.TestRun run = FakeBuild.of();
        start(step(), run).outcome.get(60, TimeUnit.SECONDS);

        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) start(step(), run).outcome.get(60, TimeUnit.SECONDS);

        assertThat(second).containsEntry("processed", 0).containsEntry("skipped", 3);
        assertThat((BigDecimal) second.get("credits")).isEqualByComparingTo("0");
        assertThat((List<?>) second.get("outputs")).hasSize(3);
        assertThat(run.getAction(RemoveBackgroundAction.class).getRuns()).hasSize(2);
    }

    @Test
    void aFailedImageFailsTheStepByDefault() throws Exception {
        ws.notAnImage("assets/broken.jpg");
        FakeStepContext context = start(step(), FakeBuild.of());

        assertThatThrownBy(() -> context.outcome.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(AbortException.class).hasMessageStartingWith("remove.bg: 1 of 4 images failed");
    }

    @Test
    void withoutFailOnErrorTheStepReturnsAndTheBuildIsUnstable() throws Exception {
        ws.notAnImage("assets/broken.jpg");
        RemoveBackgroundStep step = step();
        step.setFailOnError(false);
        FakeBuild.TestRun run = FakeBuild.of();

        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) start(step, run).outcome.get(60, TimeUnit.SECONDS);

        assertThat(r).containsEntry("processed", 3).containsEntry("failed", 1);
        assertThat((List<Object>) r.get("failedInputs")).containsExactly("assets/broken.jpg");
        assertThat(run.getResult()).isEqualTo(Result.UNSTABLE);
    }

    @Test
    void theStepsArgumentsAreTheFreestyleStepsFields() {
        RemoveBackgroundStep step = step();
        step.setSize("full");
        step.setShadowType("car=car");
        step.setCacheDir("/var/cache/removebg");
        step.setMaxCredits("25");

        assertThat(step.config().getSize()).isEqualTo("full");
        assertThat(step.getShadowType()).isEqualTo("car=car");
        assertThat(step.getCacheDir()).isEqualTo("/var/cache/removebg");
        assertThat(step.getMaxCredits()).isEqualTo("25");
        assertThat(step.getIncludes()).isEqualTo("assets/*.jpg");
        assertThat(new RemoveBackgroundStep.DescriptorImpl().getFunctionName()).isEqualTo("removeBackground");
    }
}
