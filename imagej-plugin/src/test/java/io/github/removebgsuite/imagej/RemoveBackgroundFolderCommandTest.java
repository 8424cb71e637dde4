package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** The folder command through a real SciJava context and the batch engine, against the emulator. */
class RemoveBackgroundFolderCommandTest {

    private static FijiBench bench;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        bench = FijiBench.shared();
    }

    @BeforeEach
    void reset() {
        bench.reset();
    }

    @Test
    void batchWritesTransparentResultsAndAReRunSpendsNothing() throws IOException {
        Path in = temp.resolve("in");
        Path out = temp.resolve("out");
        FolderOutputs.specimens(in, 3);
        BigDecimal creditsBefore = bench.emulator.credits(FijiBench.KEY);

        CommandModule first = runFolder(in, out);
        assertThat(first.isCanceled()).as(String.valueOf(first.getCancelReason())).isFalse();
        assertThat(first.getOutput("processed")).isEqualTo(3);
        assertThat(first.getOutput("failed")).isEqualTo(0);
        assertThat(FolderOutputs.assertOnlyWholeResults(out)).hasSize(3)
                .anyMatch(p -> p.startsWith(out.resolve("sub")));
        BigDecimal afterFirst = bench.emulator.credits(FijiBench.KEY);
        assertThat(creditsBefore.subtract(afterFirst)).isEqualByComparingTo("0.75");

        JsonNode report = new ObjectMapper().readTree(out.resolve(RemoveBackgroundFolderCommand.REPORT_NAME).toFile());
        assertThat(report.toString()).contains("s0.png").contains("s2.png");

        int chargesBefore = bench.emulator.charges().size();
        CommandModule again = runFolder(in, out);
        assertThat(again.isCanceled()).isFalse();
        assertThat(again.getOutput("skipped")).isEqualTo(3);
        assertThat(again.getOutput("processed")).isEqualTo(0);
        assertThat((Double) again.getOutput("credits_spent")).isZero();
        assertThat(bench.emulator.charges()).hasSize(chargesBefore);
        assertThat(bench.emulator.credits(FijiBench.KEY)).isEqualByComparingTo(afterFirst);
        assertThat((String) again.getOutput("summary")).contains("0 done, 3 skipped");
    }

    @Test
    void budgetStopsChargingAndReportsTheRestAsNotRun() throws IOException {
        Path in = temp.resolve("in");
        Path out = temp.resolve("out");
        FolderOutputs.specimens(in, 3);
        CommandModule module = bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(),
                "output_dir", out.toFile(), "api_key", FijiBench.KEY, "size", "full", "max_credits", "1",
                "concurrency", 1);
        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        assertThat(module.getOutput("processed")).isEqualTo(1);
        assertThat(module.getOutput("not_run")).isEqualTo(2);
        assertThat(FolderOutputs.assertOnlyWholeResults(out)).hasSize(1);
    }

    @Test
    void fileThatIsNotAnImageFailsAloneWithAMessage() throws IOException {
        Path in = temp.resolve("in");
        Path out = temp.resolve("out");
        FolderOutputs.specimens(in, 2);
        Files.writeString(in.resolve("notes.png"), "this is a text file, not an image");
        int chargesBefore = bench.emulator.charges().size();
        CommandModule module = runFolder(in, out);
        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        assertThat(module.getOutput("processed")).isEqualTo(2);
        assertThat(module.getOutput("failed")).isEqualTo(1);
        assertThat(bench.log).anyMatch(line -> line.startsWith("notes.png: "));
        assertThat(FolderOutputs.assertOnlyWholeResults(out)).hasSize(2);
        assertThat(bench.emulator.charges()).hasSize(chargesBefore + 2);
    }

    @Test
    void dryRunUploadsNothing() throws IOException {
        Path in = temp.resolve("in");
        FolderOutputs.specimens(in, 2);
        long requests = bench.emulator.requestCount();
        CommandModule module = bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(),
                "output_dir", temp.resolve("out").toFile(), "api_key", FijiBench.KEY, "dry_run", true);
        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        assertThat(bench.emulator.requestCount()).isEqualTo(requests);
        assertThat((String) module.getOutput("summary")).contains("2 images would be processed");
    }

    @Test
    void consoleRunArgumentWorksHeadlessWithTheKeyFromTheEnvironment() throws IOException {
        Path in = temp.resolve("in");
        Path out = temp.resolve("out");
        FolderOutputs.specimens(in, 2);
        bench.keyInEnvironment();

        int status = RemoveBgConsole.run(bench.context, List.of("--run", "Remove Background (Folder)...",
                "input_dir='" + in + "', output_dir='" + out + "', size='preview', format='png'"));

        assertThat(status).isZero();
        assertThat(FolderOutputs.assertOnlyWholeResults(out)).hasSize(2);
    }

    @Test
    void consoleRunReportsAFailureInItsExitStatus() {
        int status = RemoveBgConsole.run(bench.context, List.of("--run", "Remove Background (Folder)...",
                "input_dir='" + temp.resolve("missing") + "', output_dir='" + temp.resolve("out") + "'"));
        assertThat(status).isEqualTo(1);
        assertThat(bench.log).anyMatch(line -> line.contains("Invalid input_dir"));
    }

    @Test
    void badIncludePatternAndBudgetNameTheirFields() throws IOException {
        Path in = temp.resolve("in");
        Files.createDirectories(in);
        CommandModule module = bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(),
                "output_dir", temp.resolve("out").toFile(), "api_key", FijiBench.KEY, "max_credits", "lots");
        assertThat(module.isCanceled()).isTrue();
        assertThat(module.getCancelReason()).startsWith("Invalid max_credits");
    }

    @Test
    void rejectedKeyStopsTheBatchWithAClearMessage() throws IOException {
        Path in = temp.resolve("in");
        FolderOutputs.specimens(in, 2);
        CommandModule module = bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(),
                "output_dir", temp.resolve("out").toFile(), "api_key", "wrong-key-for-folder-9", "concurrency", 1);
        assertThat(module.isCanceled()).isTrue();
        assertThat(module.getCancelReason()).contains("Stopped").doesNotContain("wrong-key-for-folder-9");
        assertThat(FolderOutputs.files(temp.resolve("out")))
                .noneMatch(p -> p.getFileName().toString().endsWith(".png"));
    }

    private static CommandModule runFolder(Path in, Path out) {
        return bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(), "output_dir", out.toFile(),
                "api_key", FijiBench.KEY, "size", "preview");
    }
}
