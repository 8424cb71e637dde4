package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.util.Secret;
import hudson.util.StreamTaskListener;
import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aborting a build while remove.bg holds a call: Jenkins interrupts the step's thread (the executor's in a freestyle
 * build), the step turns that into a graceful stop, the paid call in flight finishes and is saved, nothing else is
 * charged, the build ends aborted and the log names what was not run. A second abort stops at once.
 */
class AbortTest {
    private static final String KEY = "abort-test-key-3c0";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final RemoveBgEmulatorExtension api = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("100"));

    @TempDir
    Path workspace;

    private final LogLatch log = new LogLatch();

    @BeforeEach
    void images() {
        StepFixture ws = new StepFixture(workspace);
        ws.image("in/1.jpg", 1);
        ws.image("in/2.jpg", 2);
        ws.image("in/3.jpg", 3);
    }

    private RemoveBackgroundBuilder step() {
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("id", "in/*.jpg", "out");
        step.setApiUrl(api.emulator().baseUrl());
        step.setConcurrency(1);
        step.setSize("full");
        return step;
    }

    /** Runs the step as a freestyle build's executor thread would: the work, then the result applied to the build. */
    private Thread build(RemoveBackgroundBuilder step, FakeBuild.TestRun run, CompletableFuture<Throwable> ended) {
        Thread executor = new Thread(() -> {
            try {
                StepResult result = new StepRunner(step, null).work(new FilePath(workspace.toFile()), new EnvVars(),
                        new StreamTaskListener(log, StandardCharsets.UTF_8), Secret.fromString(KEY));
                RemoveBackgroundAction.record(run, result.summary(), null);
                result.applyTo(run);
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        }, "executor");
        executor.start();
        return executor;
    }

    @Test
    void anAbortLetsTheHeldCallFinishSavesItAndChargesNothingElse() throws Exception {
        api.emulator().faults().enqueue(Fault.hold(), 1);
        log.expect("Abort requested").expect("[removebg] Summary:");
        FakeBuild.TestRun run = FakeBuild.of();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread executor = build(step(), run, ended);
        assertThat(api.emulator().faults().awaitHeld(1, WAIT)).isTrue();

        executor.interrupt();
        log.await("Abort requested");
        api.emulator().faults().releaseHeld();
        Throwable thrown = ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(thrown).as("the build ends aborted, as Jenkins expects of an interrupted step")
                .isInstanceOf(InterruptedException.class).hasMessageContaining("aborted");
        BatchSummary summary = run.getAction(RemoveBackgroundAction.class).getRuns().get(0);
        assertThat(summary.isAborted()).isTrue();
        assertThat(summary.getProcessed()).isEqualTo(1);
        assertThat(summary.getNotRun()).isEqualTo(2);
        String held = summary.getEntries().stream().filter(e -> e.getOutcome().equals("DONE")).findFirst()
                .orElseThrow().getOutput();
        assertThat(Files.isRegularFile(workspace.resolve(held))).as("the paid result is saved").isTrue();
        assertThat(api.emulator().charges()).as("nothing charged but the held call").hasSize(1);
        assertThat(api.emulator().credits(KEY)).isEqualByComparingTo("99");
        assertThat(log.text())
                .contains("Abort requested: no new image is started")
                .containsPattern("Aborted: 1 finished and saved, 2 not run: in/\\d\\.jpg, in/\\d\\.jpg "
                        + "\\(the next build processes them\\)")
                .contains("; the build was aborted");
    }

    @Test
    void aSecondAbortStopsAtOnceAndTheNextBuildNamesTheCutOffCall() throws Exception {
        api.emulator().faults().enqueue(Fault.hold(), 1);
        log.expect("Abort requested").expect("Aborted again");
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread executor = build(step(), FakeBuild.of(), ended);
        assertThat(api.emulator().faults().awaitHeld(1, WAIT)).isTrue();

        executor.interrupt();
        log.await("Abort requested");
        executor.interrupt();
        log.await("Aborted again");
        Throwable thrown = ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        api.emulator().faults().releaseHeld();

        assertThat(thrown).isInstanceOf(InterruptedException.class);
        assertThat(log.text()).contains("Aborted: 0 finished and saved, 3 not run");
        try (var results = Files.walk(workspace.resolve("out"))) {
            assertThat(results.filter(p -> p.toString().endsWith(".png"))).isEmpty();
        }

        LogLatch next = new LogLatch();
        StepResult again = new StepRunner(step(), null).work(new FilePath(workspace.toFile()), new EnvVars(),
                new StreamTaskListener(next, StandardCharsets.UTF_8), Secret.fromString(KEY));
        assertThat(again.result()).isEqualTo(Result.SUCCESS);
        assertThat(again.summary().getPossiblyCharged()).hasSize(1);
        assertThat(next.text()).contains("remove.bg may have charged for them without the results being saved");
    }

    @Test
    void anAbortWhileWaitingForAnotherBuildsFolderEndsAtOnceAndSendsNothing() throws Exception {
        api.emulator().faults().enqueue(Fault.hold(), 1);
        log.expect("Abort requested");
        CompletableFuture<Throwable> firstEnded = new CompletableFuture<>();
        Thread first = build(step(), FakeBuild.of(), firstEnded);
        assertThat(api.emulator().faults().awaitHeld(1, WAIT)).isTrue();
        LogLatch secondLog = new LogLatch().expect("Another build is writing to out").expect("Aborted while waiting");
        CompletableFuture<Throwable> secondEnded = new CompletableFuture<>();
        Thread second = new Thread(() -> {
            try {
                new StepRunner(step(), null).work(new FilePath(workspace.toFile()), new EnvVars(),
                        new StreamTaskListener(secondLog, StandardCharsets.UTF_8), Secret.fromString(KEY));
                secondEnded.complete(null);
            } catch (Throwable t) {
                secondEnded.complete(t);
            }
        }, "second executor");
        second.start();
        secondLog.await("Another build is writing to out");

        second.interrupt();
        Throwable thrown = secondEnded.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(thrown).isInstanceOf(InterruptedException.class).hasMessageContaining("nothing was sent");
        assertThat(secondLog.text()).contains("Aborted while waiting for another build's output folder");
        assertThat(api.emulator().requestCount()).as("only the first build's held call").isEqualTo(1);
        first.interrupt();
        log.await("Abort requested");
        api.emulator().faults().releaseHeld();
        assertThat(firstEnded.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void anAbortedPipelineStepSavesTheHeldCall() throws Exception {
        api.emulator().faults().enqueue(Fault.hold(), 1);
        log.expect("Abort requested").expect("[removebg] Summary:");
        RemoveBackgroundStep step = new RemoveBackgroundStep("in/*.jpg", "out");
        step.setApiUrl(api.emulator().baseUrl());
        step.setConcurrency(1);
        FakeBuild.TestRun run = FakeBuild.of();
        FakeStepContext context = new FakeStepContext(run, new FilePath(workspace.toFile()),
                new StreamTaskListener(log, StandardCharsets.UTF_8));
        RemoveBackgroundStep.Execution execution = new RemoveBackgroundStep.Execution(context, step.config(),
                new StepRunner(step.config(), null, (id, r, url) -> Secret.fromString(KEY)));
        step.setCredentialsId("id");
        execution.start();
        assertThat(api.emulator().faults().awaitHeld(1, WAIT)).isTrue();

        InterruptedException abort = new InterruptedException("aborted by the user");
        execution.stop(abort);
        log.await("Abort requested");
        api.emulator().faults().releaseHeld();
        log.await("[removebg] Summary:");

        assertThat(context.outcome).isCompletedExceptionally();
        assertThat(log.text()).containsPattern("Aborted: 1 finished and saved, 2 not run");
        assertThat(api.emulator().charges()).hasSize(1);
        try (var results = Files.walk(workspace.resolve("out"))) {
            assertThat(results.filter(p -> p.toString().endsWith(".png"))).hasSize(1);
        }
    }
}
