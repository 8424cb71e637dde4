package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Result;
import io.github.removebgsuite.emulator.Charge;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the step's work on a temporary workspace through the shim's {@code FilePath.act} (which serialises the
 * callable, its result and the listener as remoting would) against the emulator over loopback HTTP.
 */
class RemoveBackgroundStepTest {
    private static final String KEY = "step-test-key-7f3a9c";

    @RegisterExtension
    final RemoveBgEmulatorExtension api = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("100"));

    @TempDir
    Path workspace;

    private StepFixture ws;

    @BeforeEach
    void images() {
        ws = new StepFixture(workspace);
        ws.image("assets/shoes/red.jpg", 1);
        ws.image("assets/shoes/blue.jpg", 2);
        ws.image("assets/bags/tote.jpg", 3);
        ws.image("assets/thumbs/small.jpg", 4);
    }

    private RemoveBackgroundBuilder step() {
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("removebg", "assets/**/*.jpg", "build/cutouts");
        step.setExcludes("**/thumbs/**");
        step.setApiUrl(api.emulator().baseUrl());
        return step;
    }

    @Test
    void writesOneResultPerImageLogsEachAndSummarises() throws Exception {
        RemoveBackgroundBuilder step = step();
        step.setSize("full");

        StepResult result = ws.run(step, KEY);

        assertThat(result.result()).isEqualTo(Result.SUCCESS);
        assertThat(ws.filesUnder("build/cutouts")).containsExactlyInAnyOrder(
                "build/cutouts/.removebg-manifest.json",
                "build/cutouts/removebg-report.json",
                "build/cutouts/assets/shoes/red.png",
                "build/cutouts/assets/shoes/blue.png",
                "build/cutouts/assets/bags/tote.png");
        for (String png : List.of("red", "blue")) {
            assertThat(ImageIO.read(workspace.resolve("build/cutouts/assets/shoes/" + png + ".png").toFile()))
                    .as("a decodable PNG with an alpha channel").isNotNull()
                    .satisfies(img -> assertThat(img.getColorModel().hasAlpha()).isTrue());
        }
        String log = ws.log();
        assertThat(log).contains("[removebg] 3 images matched assets/**/*.jpg (excluding **/thumbs/**)")
                .contains("DONE assets/shoes/red.jpg -> build/cutouts/assets/shoes/red.png, 1 credit")
                .contains("DONE assets/bags/tote.jpg -> build/cutouts/assets/bags/tote.png, 1 credit")
                .contains("[removebg] Summary: 3 processed, 0 skipped, 0 failed, 0 not run; 3 credits spent; "
                        + "report: build/cutouts/removebg-report.json")
                .doesNotContain("thumbs/small.jpg");
        assertThat(result.summary().getCreditsSpent()).isEqualByComparingTo("3");
        assertThat(result.summary().getEntries()).extracting(BatchSummary.Entry::getOutcome).containsOnly("DONE");
        assertThat(api.emulator().charges()).hasSize(3);
        assertThat(api.emulator().credits(KEY)).isEqualByComparingTo("97");
        assertThat(Files.readString(workspace.resolve("build/cutouts/removebg-report.json")))
                .contains("red.jpg").contains("tote.jpg");
    }

    @Test
    void secondRunSkipsEverythingAndSpendsNothing() throws Exception {
        ws.run(step(), KEY);
        long requestsAfterFirst = api.emulator().requestCount();
        List<Charge> chargesAfterFirst = api.emulator().charges();

        StepResult second = ws.run(step(), KEY);

        assertThat(second.result()).isEqualTo(Result.SUCCESS);
        assertThat(second.summary().getSkipped()).isEqualTo(3);
        assertThat(second.summary().getProcessed()).isZero();
        assertThat(second.summary().getCreditsSpent()).isEqualByComparingTo("0");
        assertThat(api.emulator().requestCount()).isEqualTo(requestsAfterFirst);
        assertThat(api.emulator().charges()).isEqualTo(chargesAfterFirst);
        assertThat(ws.log()).contains("SKIPPED assets/shoes/red.jpg")
                .contains("[removebg] Summary: 0 processed, 3 skipped, 0 failed, 0 not run; 0 credits spent");
    }

    @Test
    void changedParametersProcessAgain() throws Exception {
        ws.run(step(), KEY);
        RemoveBackgroundBuilder cropped = step();
        cropped.setCrop(true);

        StepResult second = ws.run(cropped, KEY);

        assertThat(second.summary().getProcessed()).isEqualTo(3);
        assertThat(second.summary().getSkipped()).isZero();
    }

    @Test
    void failedImageFailsTheBuildByDefault() throws Exception {
        ws.notAnImage("assets/shoes/broken.jpg");
        RemoveBackgroundBuilder step = step();
        step.setConcurrency(1);

        StepResult result = ws.run(step, KEY);

        assertThat(result.result()).isEqualTo(Result.FAILURE);
        assertThat(result.failureMessage()).startsWith("remove.bg: 1 of 4 images failed");
        assertThat(ws.log()).containsPattern("FAILED assets/shoes/broken\\.jpg: .+");
        assertThat(ws.filesUnder("build/cutouts")).noneMatch(f -> f.contains("broken"));
        assertThat(result.summary().getEntries()).hasSize(4);
    }

    @Test
    void withoutFailOnErrorTheOthersGoOnAndTheBuildIsUnstable() throws Exception {
        ws.notAnImage("assets/shoes/broken.jpg");
        RemoveBackgroundBuilder step = step();
        step.setFailOnError(false);

        StepResult result = ws.run(step, KEY);

        assertThat(result.result()).isEqualTo(Result.UNSTABLE);
        assertThat(result.summary().getProcessed()).isEqualTo(3);
        assertThat(result.summary().getFailed()).isEqualTo(1);
        assertThat(ws.log()).contains("3 processed, 0 skipped, 1 failed")
                .contains("marking the build unstable (failOnError: false)");
    }

    @Test
    void invalidParameterStopsBeforeAnyCallNamingIt() {
        RemoveBackgroundBuilder step = step();
        step.setCropMargin("900px");

        assertThatThrownBy(() -> ws.run(step, KEY))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("remove.bg: Invalid crop_margin");
        assertThat(api.emulator().requestCount()).isZero();
    }

    @Test
    void perTypeShadowFieldsBecomeTheApiBracketParameters() throws Exception {
        RemoveBackgroundBuilder step = step();
        step.setShadowType("car=car, product=drop");
        step.setShadowOpacity("product=40");

        StepSettings settings = step.settings(new EnvVars());

        assertThat(settings.apiParameters).containsEntry("shadow_type[car]", "car")
                .containsEntry("shadow_type[product]", "drop")
                .containsEntry("shadow_opacity[product]", "40")
                .doesNotContainKey("shadow_type");
        assertThat(ws.run(step, KEY).result()).isEqualTo(Result.SUCCESS);
    }

    @Test
    void outputFolderOutsideTheWorkspaceIsRefused() throws Exception {
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("removebg", "assets/**/*.jpg", "../elsewhere");
        step.setApiUrl(api.emulator().baseUrl());

        assertThatThrownBy(() -> ws.run(step, KEY)).isInstanceOf(AbortException.class)
                .hasMessageContaining("outputDir '../elsewhere'").hasMessageContaining("outside the workspace");
        assertThat(api.emulator().requestCount()).isZero();
    }

    @Test
    void outputFolderLeavingThroughASymlinkIsRefused(@TempDir Path outside) throws Exception {
        Files.createSymbolicLink(workspace.resolve("link"), outside);
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("removebg", "assets/**/*.jpg", "link/cutouts");
        step.setApiUrl(api.emulator().baseUrl());

        assertThatThrownBy(() -> ws.run(step, KEY)).isInstanceOf(AbortException.class)
                .hasMessageContaining("symbolic link");
        try (var files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void buildVariablesAreExpanded() throws Exception {
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("removebg", "assets/$GROUP/*.jpg", "out/${BUILD_NUMBER}");
        step.setApiUrl(api.emulator().baseUrl());

        StepResult result = ws.run(step, KEY, new EnvVars("GROUP", "shoes", "BUILD_NUMBER", "42"));

        assertThat(result.summary().getProcessed()).isEqualTo(2);
        assertThat(ws.filesUnder("out/42")).contains("out/42/assets/shoes/red.png", "out/42/assets/shoes/blue.png");
    }

    @Test
    void dryRunChargesNothingAndWritesNoImage() throws Exception {
        RemoveBackgroundBuilder step = step();
        step.setDryRun(true);
        step.setSize("preview");

        StepResult result = ws.run(step, KEY);

        assertThat(result.summary().isDryRun()).isTrue();
        assertThat(result.summary().getEstimated()).isEqualTo(3);
        assertThat(result.summary().getEstimatedCredits()).isEqualByComparingTo("0.75");
        assertThat(api.emulator().charges()).isEmpty();
        assertThat(ws.filesUnder("build/cutouts")).noneMatch(f -> f.endsWith(".png"));
        assertThat(ws.log()).contains("dry run: 3 would be processed for about 0.75 credits");
    }

    @Test
    void budgetLeavesTheRestNotRun() throws Exception {
        RemoveBackgroundBuilder step = step();
        step.setMaxImages(2);

        StepResult result = ws.run(step, KEY);

        assertThat(result.summary().getProcessed()).isEqualTo(2);
        assertThat(result.summary().getNotRun()).isEqualTo(1);
        assertThat(api.emulator().charges()).hasSize(2);
        assertThat(result.result()).isEqualTo(Result.SUCCESS);
    }

    @Test
    void wrongKeyFailsEveryImageWithoutLeakingIt() throws Exception {
        String wrong = "wrong-key-0b7e11d2";
        StepResult result = ws.run(step(), wrong);

        assertThat(result.result()).isEqualTo(Result.FAILURE);
        assertThat(result.summary().getProcessed()).isZero();
        assertThat(ws.log()).doesNotContain(wrong).contains("FAILED");
        assertThat(api.emulator().charges()).isEmpty();
    }

    @Test
    void noMatchIsAWarningNotAFailure() throws Exception {
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("removebg", "nothing/**/*.jpg", "out");
        step.setApiUrl(api.emulator().baseUrl());

        StepResult result = ws.run(step, KEY);

        assertThat(result.result()).isEqualTo(Result.SUCCESS);
        assertThat(ws.log()).contains("[removebg] Warning: no file matched nothing/**/*.jpg in the workspace");
        assertThat(api.emulator().requestCount()).isZero();
    }

    @Test
    void plainHttpIsOnlyAllowedToLoopback() {
        RemoveBackgroundBuilder step = step();
        step.setApiUrl("http://api.example.com/v1.0");

        assertThatThrownBy(() -> ws.run(step, KEY)).isInstanceOf(AbortException.class)
                .hasMessageContaining("must use https");
    }

    @Test
    void everyChargedImageWasChargedOnce() throws Exception {
        ws.run(step(), KEY);
        RemoveBgEmulator emulator = api.emulator();
        Map<String, Long> perImage = emulator.charges().stream()
                .collect(Collectors.groupingBy(Charge::imageSha256, Collectors.counting()));
        assertThat(perImage).hasSize(3).allSatisfy((sha, n) -> assertThat(n).isOne());
    }
}
