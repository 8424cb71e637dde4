package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import ij.measure.ResultsTable;
import io.github.removebgsuite.imagej.measure.RoiSetsTestAccess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.ModuleItem;

/**
 * Every new option records and replays: a run's macro recording ({@link MacroOptions}, imagej-legacy's recorder
 * rules) read back the way {@code run("…", options)} reads it gives the same inputs and the same results. Runs
 * through the real {@code CommandService}, the SciJava side a macro, a Jython or Groovy script and {@code --run}
 * all call.
 */
class MacroRoundTripTest {

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
        bench.keyInEnvironment();
        RoiSetsTestAccess.overrideManager((image, rois) -> { });
    }

    @AfterEach
    void restore() {
        RoiSetsTestAccess.overrideManager(null);
    }

    @Test
    void imageCommandWithTableRoiSetAndStrippingReplaysFromItsRecording() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("with space"));
        Map<String, Object> inputs = new HashMap<>(Map.of("size", "preview", "mask", true, "add_to_manager", true,
                "roi_set_file", folder.resolve("rois.zip").toFile(), "results_file",
                folder.resolve("table.csv").toFile(), "strip_metadata", true, "mask_threshold", 200));
        inputs.put("imp", TestImages.oval("first"));
        CommandModule first = bench.run(RemoveBackgroundCommand.class, inputs);
        assertThat(first.isCanceled()).as(String.valueOf(first.getCancelReason())).isFalse();

        String recorded = MacroOptions.record(first);
        assertThat(recorded).contains("add_to_manager=true").contains("strip_metadata=true")
                .contains("mask_threshold=200").contains("roi_set_file=[" + folder.resolve("rois.zip") + "]")
                .doesNotContain("api_key");
        Files.delete(folder.resolve("rois.zip"));
        Files.delete(folder.resolve("table.csv"));

        Map<String, Object> replayed = new HashMap<>(read(RemoveBackgroundCommand.class, recorded));
        replayed.put("imp", TestImages.oval("second"));
        CommandModule second = bench.run(RemoveBackgroundCommand.class, replayed);

        assertSameInputs(first, second);
        assertThat(folder.resolve("rois.zip")).isRegularFile();
        ResultsTable replayedTable = ResultsTable.open(folder.resolve("table.csv").toString());
        ResultsTable firstTable = ((RemoveBackgroundCommand) first.getDelegateObject()).resultsTable();
        assertThat(replayedTable.getValue("FG_Pixels", 0)).isEqualTo(firstTable.getValue("FG_Pixels", 0));
        assertThat(replayedTable.getValue("Threshold", 0)).isEqualTo(200);
    }

    @Test
    void folderAndCacheCommandsReplayFromTheirRecordings() throws Exception {
        Path in = temp.resolve("in");
        FolderOutputs.specimens(in, 2);
        CommandModule cache = bench.run(ResultCacheCommand.class, "cache_dir", temp.resolve("cache").toFile(),
                "cache_limit_mb", 32L);
        String cacheRecorded = MacroOptions.record(cache);
        assertThat(cacheRecorded).contains("cache_dir=" + temp.resolve("cache")).contains("cache_limit_mb=32");
        bench.service.setResultCache(null);
        CommandModule cacheAgain = bench.run(ResultCacheCommand.class, read(ResultCacheCommand.class, cacheRecorded));
        assertSameInputs(cache, cacheAgain);
        assertThat(bench.service.resultCache()).isPresent();

        CommandModule folder = bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(),
                "output_dir", temp.resolve("out").toFile(), "size", "preview", "strip_metadata", true,
                "mask_threshold", 100, "concurrency", 1);
        assertThat(folder.isCanceled()).as(String.valueOf(folder.getCancelReason())).isFalse();
        String recorded = MacroOptions.record(folder);
        assertThat(recorded).contains("strip_metadata=true").contains("mask_threshold=100");
        CommandModule again = bench.run(RemoveBackgroundFolderCommand.class,
                read(RemoveBackgroundFolderCommand.class, recorded));
        assertSameInputs(folder, again);
        assertThat(again.getOutput("skipped")).isEqualTo(2);
    }

    private static Map<String, Object> read(Class<? extends Command> command, String options) {
        CommandInfo info = bench.context.service(CommandService.class).getCommand(command);
        return MacroOptions.read(info, options, bench.context.service(ConvertService.class));
    }

    private static void assertSameInputs(CommandModule first, CommandModule second) {
        for (ModuleItem<?> input : first.getInfo().inputs()) {
            String name = input.getName();
            if (name.equals("imp") || name.equals("api_key") || org.scijava.service.Service.class
                    .isAssignableFrom(input.getType()) || org.scijava.Context.class.isAssignableFrom(input.getType())) {
                continue;
            }
            Object a = first.getInput(name);
            Object b = second.getInput(name);
            if (a instanceof File fa && b instanceof File fb) {
                assertThat(fb.getAbsoluteFile()).as(name).isEqualTo(fa.getAbsoluteFile());
            } else {
                assertThat(Objects.toString(b)).as(name).isEqualTo(Objects.toString(a));
            }
        }
    }
}
