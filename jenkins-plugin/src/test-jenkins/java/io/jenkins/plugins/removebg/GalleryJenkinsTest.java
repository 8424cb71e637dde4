package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.InputStream;
import java.math.BigDecimal;
import javax.imageio.ImageIO;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The build page's gallery over HTTP: thumbnails for users with Job/Workspace, nothing for others or outside paths;
 * and the job page's credits-per-build trend.
 */
@WithJenkins
class GalleryJenkinsTest {
    private static final String KEY = "gallery-rule-key-07d";

    private RemoveBgEmulator emulator;

    @BeforeEach
    void start() {
        emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("10")).build().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void thumbnailsAreBoundedAndGuarded(JenkinsRule j) throws Exception {
        TestImages.addKey("removebg", KEY);
        FreeStyleProject project = j.createFreeStyleProject("gallery");
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("removebg", "in/*.jpg", "out");
        step.setApiUrl(emulator.baseUrl());
        step.setSize("full");
        project.getBuildersList().add(step);
        File workspace = new File(j.createTmpDir(), "ws");
        project.setCustomWorkspace(workspace.getPath());
        TestImages.put(new FilePath(workspace), 800, 600, "in/shoe.jpg");
        FreeStyleBuild build = j.buildAndAssertSuccess(project);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.WORKSPACE).everywhere().to("dev")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));

        JenkinsRule.WebClient dev = j.createWebClient().login("dev");
        Page thumb = dev.goTo(build.getUrl() + "removebg/thumbnail?run=0&size=999&path=in/shoe.jpg", "image/png");
        try (InputStream in = thumb.getWebResponse().getContentAsStream()) {
            BufferedImage img = ImageIO.read(in);
            assertThat(img.getWidth()).isEqualTo(256);
            assertThat(img.getHeight()).isEqualTo(192);
        }
        HtmlPage page = dev.goTo(build.getUrl() + "removebg/");
        assertThat(page.asXml()).contains("thumbnail?run=0&amp;size=128&amp;path=in%2Fshoe.jpg")
                .contains("out%2Fin%2Fshoe.png");

        HtmlPage jobPage = dev.getPage(project);
        assertThat(jobPage.asNormalizedText()).contains("remove.bg: 1 credits over the last 1 builds")
                .contains("1 processed, 0 cached, 0 skipped, 0 failed");

        dev.setThrowExceptionOnFailingStatusCode(false);
        for (String path : new String[] {"../ws/in/shoe.jpg", workspace.getAbsolutePath() + "/in/shoe.jpg",
            "out/.removebg-manifest.json", "in/../../etc/passwd"}) {
            assertThat(dev.goTo(build.getUrl() + "removebg/thumbnail?run=0&path=" + path, null)
                    .getWebResponse().getStatusCode()).as(path).isEqualTo(404);
        }

        JenkinsRule.WebClient reader = j.createWebClient().login("reader");
        reader.setThrowExceptionOnFailingStatusCode(false);
        assertThat(reader.goTo(build.getUrl() + "removebg/thumbnail?run=0&path=in/shoe.jpg", null)
                .getWebResponse().getStatusCode()).isEqualTo(403);
        HtmlPage readerPage = reader.goTo(build.getUrl() + "removebg/");
        assertThat(readerPage.asXml()).doesNotContain("thumbnail?").contains("in/shoe.jpg");
    }
}
