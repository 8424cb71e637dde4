package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.slaves.DumbSlave;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.math.BigDecimal;
import javax.imageio.ImageIO;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The plugin in a real Jenkins (JenkinsRule), against the emulator on loopback: configuration round trip, a freestyle
 * build with a Secret text credential, a Pipeline on an agent, credential tracking, form permissions. Compiled and run
 * only by the real plugin build (-Pjenkins).
 */
@WithJenkins
class RemoveBackgroundBuilderJenkinsTest {
    private static final String KEY = "jenkins-rule-key-3e9b";
    private static final String CREDENTIALS_ID = "removebg";

    private RemoveBgEmulator emulator;
    private StringCredentialsImpl credential;

    @BeforeEach
    void start() {
        emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("100")).build().start();
        credential = new StringCredentialsImpl(CredentialsScope.GLOBAL, CREDENTIALS_ID, "remove.bg API key",
                Secret.fromString(KEY));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void addCredential() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(credential);
        SystemCredentialsProvider.getInstance().save();
    }

    private static byte[] productShot(int seed) throws Exception {
        BufferedImage img = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(235, 235, 235));
        g.fillRect(0, 0, 100, 80);
        g.setColor(new Color(40 + seed * 10, 60, 140));
        g.fillRect(30 + seed, 20, 40, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    private static void putImages(FilePath workspace, String... names) throws Exception {
        int seed = 1;
        for (String name : names) {
            workspace.child(name).getParent().mkdirs();
            try (var out = workspace.child(name).write()) {
                out.write(productShot(seed++));
            }
        }
    }

    @Test
    void configRoundTrip(JenkinsRule j) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder(CREDENTIALS_ID, "assets/**/*.jpg", "build/cutouts");
        step.setExcludes("**/thumbs/**");
        step.setSize("full");
        step.setFormat("zip");
        step.setComposeZipToPng(true);
        step.setCrop(true);
        step.setCropMargin("10%");
        step.setShadowType("car=car, product=drop");
        step.setSemitransparency(false);
        step.setBgColor("81d4fa");
        step.setExtraParameters("future_option=1");
        step.setMaxCredits("25");
        step.setMaxImages(40);
        step.setConcurrency(2);
        step.setFailOnError(false);
        step.setTimeoutSeconds(30);
        step.setCacheDir("/var/cache/removebg");
        project.getBuildersList().add(step);

        project = j.configRoundtrip(project);

        j.assertEqualDataBoundBeans(step, project.getBuildersList().get(RemoveBackgroundBuilder.class));
    }

    @Test
    void freestyleBuildWithACredentialProcessesThenSkips(JenkinsRule j) throws Exception {
        addCredential();
        FreeStyleProject project = j.createFreeStyleProject("assets");
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder(CREDENTIALS_ID, "assets/**/*.jpg", "build/cutouts");
        step.setApiUrl(emulator.baseUrl());
        project.getBuildersList().add(step);
        File workspace = new File(j.createTmpDir(), "ws");
        project.setCustomWorkspace(workspace.getPath());
        putImages(new FilePath(workspace), "assets/a.jpg", "assets/b.jpg", "assets/c/d.jpg");

        FreeStyleBuild first = j.buildAndAssertSuccess(project);

        j.assertLogContains("[removebg] Summary: 3 processed, 0 skipped, 0 failed, 0 not run; 3 credits spent", first);
        j.assertLogNotContains(KEY, first);
        assertThat(new File(workspace, "build/cutouts/assets/c/d.png")).isFile();
        assertThat(new File(workspace, "build/cutouts/removebg-report.json")).isFile();
        RemoveBackgroundAction action = first.getAction(RemoveBackgroundAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getProcessed()).isEqualTo(3);
        assertThat(CredentialsProvider.getFingerprintOf(credential)).isNotNull()
                .satisfies(fp -> assertThat(fp.getJobs()).contains(project.getFullName()));

        FreeStyleBuild second = j.buildAndAssertSuccess(project);

        j.assertLogContains("[removebg] Summary: 0 processed, 3 skipped, 0 failed, 0 not run; 0 credits spent", second);
        assertThat(emulator.charges()).hasSize(3);
    }

    @Test
    void failedImageFollowsTheFailurePolicy(JenkinsRule j) throws Exception {
        addCredential();
        FreeStyleProject project = j.createFreeStyleProject();
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder(CREDENTIALS_ID, "*.jpg", "out");
        step.setApiUrl(emulator.baseUrl());
        project.getBuildersList().add(step);
        File workspace = new File(j.createTmpDir(), "ws");
        project.setCustomWorkspace(workspace.getPath());
        putImages(new FilePath(workspace), "good.jpg");
        new FilePath(workspace).child("broken.jpg").write("not an image", "UTF-8");

        FreeStyleBuild failed = j.buildAndAssertStatus(Result.FAILURE, project);
        j.assertLogContains("remove.bg: 1 of 2 images failed", failed);

        step.setFailOnError(false);
        FreeStyleBuild unstable = j.buildAndAssertStatus(Result.UNSTABLE, project);
        j.assertLogContains("marking the build unstable", unstable);
    }

    @Test
    void missingCredentialFailsPolitely(JenkinsRule j) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("nope", "*.jpg", "out");
        step.setApiUrl(emulator.baseUrl());
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("no Secret text credential with the id 'nope'", build);
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void pipelineOnAnAgent(JenkinsRule j) throws Exception {
        addCredential();
        DumbSlave agent = j.createOnlineSlave(Label.get("images"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "pipeline");
        putImages(agent.getWorkspaceFor(job), "assets/a.jpg", "assets/b.jpg");
        job.setDefinition(new CpsFlowDefinition("node('images') {\n"
                + "  removeBackground credentialsId: '" + CREDENTIALS_ID + "', includes: 'assets/*.jpg', "
                + "outputDir: 'cutouts', size: 'preview', apiUrl: '" + emulator.baseUrl() + "'\n"
                + "}", true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("[removebg] Summary: 2 processed", run);
        j.assertLogNotContains(KEY, run);
        assertThat(agent.getWorkspaceFor(job).child("cutouts/assets/a.png").exists()).isTrue();
        assertThat(run.getAction(RemoveBackgroundAction.class).getCreditsSpent()).isEqualByComparingTo("0.5");
    }

    @Test
    void credentialDropDownAndCheckRespectPermissions(JenkinsRule j) throws Exception {
        addCredential();
        FreeStyleProject project = j.createFreeStyleProject("p");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        RemoveBackgroundDescriptor descriptor = j.jenkins.getDescriptorByType(RemoveBackgroundDescriptor.class);

        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(project, "");
            assertThat(items).extracting(o -> o.value).contains(CREDENTIALS_ID);
            assertThat(descriptor.doCheckCredentialsId(project, CREDENTIALS_ID).kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckCredentialsId(project, "missing").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckCropMargin(project, "900px").kind).isEqualTo(FormValidation.Kind.ERROR);
        }
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(project, "");
            assertThat(items).extracting(o -> o.value).doesNotContain(CREDENTIALS_ID);
            assertThat(descriptor.doCheckCropMargin(project, "900px").kind).isEqualTo(FormValidation.Kind.OK);
        }
    }
}
