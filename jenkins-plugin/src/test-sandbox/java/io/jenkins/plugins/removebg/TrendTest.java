package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Action;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The job page's credits-per-build trend, built from the builds' remove.bg actions. */
class TrendTest {
    private static final String KEY = "trend-key-2b7";

    @RegisterExtension
    final RemoveBgEmulatorExtension api = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("100"));

    @TempDir
    Path workspace;

    @Test
    void showsTheCreditsOfEachBuildThatRanTheStepNewestFirst() throws Exception {
        StepFixture ws = new StepFixture(workspace);
        ws.image("in/a.jpg", 1);
        ws.image("in/b.jpg", 2);
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("id", "in/*.jpg", "out");
        step.setApiUrl(api.emulator().baseUrl());
        step.setSize("full");

        FakeBuild.TestRun first = FakeBuild.of();
        RemoveBackgroundAction.record(first, ws.run(step, KEY).summary(), null);
        FakeBuild.TestRun second = first.next();
        RemoveBackgroundAction.record(second, ws.run(step, KEY).summary(), null);
        FakeBuild.TestRun withoutTheStep = second.next();
        FakeBuild.TestRun fourth = withoutTheStep.next();
        ws.image("in/c.jpg", 3);
        RemoveBackgroundAction last = RemoveBackgroundAction.record(fourth, ws.run(step, KEY).summary(), null);
        assertThat(last.getRun()).as("told its build when added, as Jenkins does").isSameAs(fourth);

        Collection<? extends Action> projectActions = last.getProjectActions();

        assertThat(projectActions).singleElement().isInstanceOf(RemoveBackgroundTrendAction.class);
        RemoveBackgroundTrendAction trend = (RemoveBackgroundTrendAction) projectActions.iterator().next();
        assertThat(trend.getBars()).extracting(RemoveBackgroundTrendAction.Bar::getNumber).containsExactly(4, 2, 1);
        assertThat(trend.getBars()).extracting(b -> b.getCredits().stripTrailingZeros().toPlainString())
                .containsExactly("1", "0", "2");
        assertThat(trend.getBars()).extracting(RemoveBackgroundTrendAction.Bar::getPercent).containsExactly(50, 0, 100);
        assertThat(trend.getBars().get(1).getSkipped()).isEqualTo(2);
        assertThat(trend.getTotalCredits()).isEqualByComparingTo("3");
        assertThat(trend.getUrlName()).as("a box on the job page, not a page of its own").isNull();
    }
}
