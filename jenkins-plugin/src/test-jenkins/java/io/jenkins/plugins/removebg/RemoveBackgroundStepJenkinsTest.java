package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.io.File;
import java.math.BigDecimal;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The Pipeline step's return value in a sandboxed script, the global defaults (credential, API URL, shared cache) in
 * real builds, and an abort of a real build while the emulator holds a call.
 */
@WithJenkins
class RemoveBackgroundStepJenkinsTest {
    private static final String KEY = "pipeline-rule-key-61c2";

    private RemoveBgEmulator emulator;

    @BeforeEach
    void start() {
        emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("100")).build().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private WorkflowJob pipeline(JenkinsRule j, String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    @Test
    void aSandboxedPipelineBranchesOnTheReturnedSummary(JenkinsRule j) throws Exception {
        TestImages.addKey("removebg", KEY);
        WorkflowJob job = j.createProject(WorkflowJob.class, "branching");
        TestImages.put(j.jenkins.getWorkspaceFor(job), 100, 80, "assets/a.jpg", "assets/b.jpg");
        job.setDefinition(new CpsFlowDefinition("node {\n"
                + "  def r = removeBackground credentialsId: 'removebg', includes: 'assets/*.jpg', outputDir: 'out',"
                + " size: 'full', apiUrl: '" + emulator.baseUrl() + "'\n"
                + "  echo \"processed=${r.processed} skipped=${r.skipped} cached=${r.cached} failed=${r.failed}"
                + " credits=${r.credits} outputs=${r.outputs.size()}\"\n"
                + "  if (r.outputs.contains('out/assets/a.png')) { echo 'branch: a is ready' }\n"
                + "  if (r.failed == 0 && r.credits > 1) { echo 'branch: paid for fresh cut-outs' }\n"
                + "  def again = removeBackground credentialsId: 'removebg', includes: 'assets/*.jpg',"
                + " outputDir: 'out',"
                + " size: 'full', apiUrl: '" + emulator.baseUrl() + "'\n"
                + "  if (again.skipped == 2 && again.credits == 0) { echo 'branch: nothing to pay for' }\n"
                + "}\n", true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("processed=2 skipped=0 cached=0 failed=0 credits=2 outputs=2", run);
        j.assertLogContains("branch: a is ready", run);
        j.assertLogContains("branch: paid for fresh cut-outs", run);
        j.assertLogContains("branch: nothing to pay for", run);
        j.assertLogNotContains(KEY, run);
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("98");
        assertThat(run.getAction(RemoveBackgroundAction.class).getRuns()).hasSize(2);
    }

    @Test
    void globalDefaultsServeStepsThatNameNothingAndTheCacheSpansJobs(JenkinsRule j) throws Exception {
        TestImages.addKey("global-key", KEY);
        File cache = new File(j.createTmpDir(), "removebg-cache");
        RemoveBgGlobalConfiguration global = RemoveBgGlobalConfiguration.get();
        global.setCredentialsId("global-key");
        global.setApiUrl(emulator.baseUrl());
        global.setCacheDir(cache.getAbsolutePath());
        String script = "node {\n"
                + "  def r = removeBackground includes: 'in/*.jpg', outputDir: 'out'\n"
                + "  echo \"cached=${r.cached} processed=${r.processed} credits=${r.credits}\"\n"
                + "}\n";
        WorkflowJob first = pipeline(j, "first", script);
        WorkflowJob second = pipeline(j, "second", script);
        TestImages.put(j.jenkins.getWorkspaceFor(first), 100, 80, "in/a.jpg", "in/b.jpg");
        TestImages.put(j.jenkins.getWorkspaceFor(second), 100, 80, "in/a.jpg", "in/b.jpg");

        WorkflowRun paid = j.buildAndAssertSuccess(first);
        BigDecimal balance = emulator.credits(KEY);
        WorkflowRun reused = j.buildAndAssertSuccess(second);

        j.assertLogContains("cached=0 processed=2", paid);
        j.assertLogContains("cached=2 processed=0 credits=0", reused);
        j.assertLogContains("CACHED in/a.jpg", reused);
        assertThat(emulator.credits(KEY)).as("the second workspace spent nothing").isEqualByComparingTo(balance);
        assertThat(emulator.charges()).hasSize(2);
    }

    @Test
    void abortingAFreestyleBuildSavesTheHeldCallAndEndsAborted(JenkinsRule j) throws Exception {
        TestImages.addKey("removebg", KEY);
        FreeStyleProject project = j.createFreeStyleProject();
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("removebg", "in/*.jpg", "out");
        step.setApiUrl(emulator.baseUrl());
        step.setConcurrency(1);
        step.setSize("full");
        project.getBuildersList().add(step);
        File workspace = new File(j.createTmpDir(), "ws");
        project.setCustomWorkspace(workspace.getPath());
        TestImages.put(new FilePath(workspace), 100, 80, "in/1.jpg", "in/2.jpg", "in/3.jpg");
        emulator.faults().enqueue(Fault.hold(), 1);

        FreeStyleBuild build = project.scheduleBuild2(0).waitForStart();
        assertThat(emulator.faults().awaitHeld(1, Duration.ofSeconds(60))).isTrue();
        build.getExecutor().interrupt();
        j.waitForMessage("Abort requested", build);
        emulator.faults().releaseHeld();
        j.waitForCompletion(build);

        j.assertBuildStatus(Result.ABORTED, build);
        j.assertLogContains("Aborted: 1 finished and saved, 2 not run", build);
        assertThat(emulator.charges()).hasSize(1);
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("99");
        BatchSummary summary = build.getAction(RemoveBackgroundAction.class).getRuns().get(0);
        assertThat(new File(workspace, summary.getEntries().stream().filter(e -> e.getOutcome().equals("DONE"))
                .findFirst().orElseThrow().getOutput())).isFile();
    }
}
