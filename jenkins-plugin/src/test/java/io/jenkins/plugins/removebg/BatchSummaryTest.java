package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The summary that crosses back from the agent and the build action that shows it. */
class BatchSummaryTest {
    private static final String KEY = "summary-key-11";

    @RegisterExtension
    final RemoveBgEmulatorExtension api = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("10"));

    @TempDir
    Path workspace;

    private BatchSummary runOnce() throws Exception {
        StepFixture ws = new StepFixture(workspace);
        ws.image("in/a.jpg", 1);
        ws.image("in/b.jpg", 2);
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("id", "in/*.jpg", "out");
        step.setApiUrl(api.emulator().baseUrl());
        step.setSize("preview");
        return ws.run(step, KEY).summary();
    }

    @Test
    void survivesSerialisationWithWorkspaceRelativePaths() throws Exception {
        BatchSummary summary = runOnce();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(summary);
        }
        BatchSummary copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (BatchSummary) in.readObject();
        }
        assertThat(copy.describe()).isEqualTo(summary.describe())
                .isEqualTo("2 processed, 0 skipped, 0 failed, 0 not run; 0.5 credits spent");
        assertThat(copy.getEntries()).extracting(BatchSummary.Entry::getInput).containsExactlyInAnyOrder("in/a.jpg", "in/b.jpg");
        assertThat(copy.getEntries()).extracting(BatchSummary.Entry::getOutput).containsExactlyInAnyOrder("out/in/a.png", "out/in/b.png");
        assertThat(copy.getReportFile()).isEqualTo("out/removebg-report.json");
    }

    @Test
    void actionAddsUpTheRunsOfABuild() throws Exception {
        BatchSummary first = runOnce();
        BatchSummary second = runOnce();
        RemoveBackgroundAction action = new RemoveBackgroundAction();
        action.add(first);
        action.add(second);

        assertThat(action.getRuns()).containsExactly(first, second);
        assertThat(action.getProcessed()).isEqualTo(2);
        assertThat(action.getSkipped()).isEqualTo(2);
        assertThat(action.getCreditsSpent()).isEqualByComparingTo("0.5");
        assertThat(action.getUrlName()).isEqualTo("removebg");
    }
}
