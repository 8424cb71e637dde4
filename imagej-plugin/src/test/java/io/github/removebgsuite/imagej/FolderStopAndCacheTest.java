package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import ij.IJ;
import ij.measure.ResultsTable;
import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.imagej.service.RemoveBgService;
import java.awt.event.KeyEvent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * Issue #11 in Fiji's idiom: Esc (or cancelling the command) stops a folder run gracefully, and the result-cache
 * preference makes a second output folder free. Credits are counted on the emulator's balance.
 */
class FolderStopAndCacheTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

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

    @AfterEach
    void release() {
        IJ.resetEscape();
        bench.emulator.faults().releaseHeld();
    }

    @Test
    void escapeWhileACallIsHeldSavesThatResultAndChargesNothingMore() throws Exception {
        Path in = temp.resolve("in");
        Path out = temp.resolve("out");
        List<Path> inputs = FolderOutputs.specimens(in, 3);
        BigDecimal before = bench.emulator.credits(FijiBench.KEY);
        int charges = bench.emulator.charges().size();
        bench.emulator.faults().enqueue(Fault.hold());

        Future<CommandModule> running = bench.context.service(CommandService.class).run(
                RemoveBackgroundFolderCommand.class, true, "input_dir", in.toFile(), "output_dir", out.toFile(),
                "api_key", FijiBench.KEY, "size", "preview", "concurrency", 1);
        assertThat(bench.emulator.faults().awaitHeld(1, WAIT)).as("the first call is held").isTrue();
        IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        assertThat(bench.awaitLog(line -> line.startsWith("remove.bg: stopping"), WAIT)).isTrue();
        bench.emulator.faults().releaseHeld();
        CommandModule module = running.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        // the held call was paid for, and its result is saved whole; nothing else was sent or charged
        assertThat(module.getOutput("processed")).isEqualTo(1);
        assertThat(module.getOutput("not_run")).isEqualTo(2);
        assertThat(FolderOutputs.assertOnlyWholeResults(out)).hasSize(1);
        assertThat(bench.emulator.charges()).hasSize(charges + 1);
        assertThat(before.subtract(bench.emulator.credits(FijiBench.KEY))).isEqualByComparingTo("0.25");
        assertThat(module.isCanceled()).isTrue();
        assertThat(module.getCancelReason()).contains("Stopped on request").contains("1 done")
                .contains("2 not run");
        assertThat(bench.statuses).anyMatch(s -> s.startsWith("remove.bg: stopping"));

        // the table says the same, and names every input once
        ResultsTable table = ResultsTable.open(out.resolve(RemoveBackgroundFolderCommand.RESULTS_NAME).toString());
        assertThat(table.size()).isEqualTo(3);
        List<String> outcomes = new java.util.ArrayList<>();
        for (int row = 0; row < 3; row++) {
            outcomes.add(table.getStringValue("Outcome", row));
        }
        assertThat(outcomes).containsExactlyInAnyOrder("DONE", "NOT_RUN", "NOT_RUN");

        // a re-run does the two that were not run, and skips the saved one
        CommandModule again = bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(),
                "output_dir", out.toFile(), "api_key", FijiBench.KEY, "size", "preview", "concurrency", 1);
        assertThat(again.getOutput("skipped")).isEqualTo(1);
        assertThat(again.getOutput("processed")).isEqualTo(2);
        assertThat(bench.emulator.charges()).hasSize(charges + inputs.size());
    }

    @Test
    void secondEscapeStopsAtOnceAndTheNextRunNamesTheImagesThatMayHaveBeenCharged() throws Exception {
        Path in = temp.resolve("in");
        Path out = temp.resolve("out");
        FolderOutputs.specimens(in, 3);
        bench.emulator.faults().enqueue(Fault.hold(), 2);

        Future<CommandModule> running = bench.context.service(CommandService.class).run(
                RemoveBackgroundFolderCommand.class, true, "input_dir", in.toFile(), "output_dir", out.toFile(),
                "api_key", FijiBench.KEY, "size", "preview", "concurrency", 2);
        assertThat(bench.emulator.faults().awaitHeld(2, WAIT)).isTrue();
        IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        assertThat(bench.awaitLog(line -> line.startsWith("remove.bg: stopping —"), WAIT)).isTrue();
        IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        CommandModule module = running.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(bench.log).anyMatch(line -> line.startsWith("remove.bg: stopping at once"));
        assertThat(module.getOutput("processed")).isEqualTo(0);
        assertThat(module.getOutput("not_run")).isEqualTo(3);
        assertThat(FolderOutputs.assertOnlyWholeResults(out)).isEmpty();
        bench.emulator.faults().releaseHeld();

        bench.log.clear();
        CommandModule again = bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(),
                "output_dir", out.toFile(), "api_key", FijiBench.KEY, "size", "preview");
        assertThat(again.getOutput("processed")).isEqualTo(3);
        // the two calls that were in flight, whichever two the engine had started
        assertThat(bench.log).anyMatch(line -> line.contains("may have charged for them")
                && java.util.stream.Stream.of("s0.png", "s1.png", "s2.png").filter(line::contains).count() == 2);
    }

    @Test
    void cancellingTheCommandStopsTheFolderTheSameWay() throws Exception {
        Path in = temp.resolve("in");
        Path out = temp.resolve("out");
        FolderOutputs.specimens(in, 3);
        int charges = bench.emulator.charges().size();
        bench.emulator.faults().enqueue(Fault.hold());

        ModuleService modules = bench.context.service(ModuleService.class);
        CommandModule module = (CommandModule) modules.createModule(
                bench.context.service(CommandService.class).getCommand(RemoveBackgroundFolderCommand.class));
        Future<Module> running = modules.run(module, true, "input_dir", in.toFile(), "output_dir", out.toFile(),
                "api_key", FijiBench.KEY, "size", "preview", "concurrency", 1);
        assertThat(bench.emulator.faults().awaitHeld(1, WAIT)).isTrue();
        // what a script holding the module, or a user interface's cancel button, does
        module.cancel("stopped by the user");
        assertThat(bench.awaitLog(line -> line.startsWith("remove.bg: stopping"), WAIT)).isTrue();
        bench.emulator.faults().releaseHeld();
        running.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(module.getOutput("processed")).isEqualTo(1);
        assertThat(module.getOutput("not_run")).isEqualTo(2);
        assertThat(FolderOutputs.assertOnlyWholeResults(out)).hasSize(1);
        assertThat(bench.emulator.charges()).hasSize(charges + 1);
    }

    @Test
    void secondOutputFolderWithTheCachePreferenceSpendsNothing() throws Exception {
        Path in = temp.resolve("in");
        Path cache = temp.resolve("cache");
        FolderOutputs.specimens(in, 3);
        CommandModule settings = bench.run(ResultCacheCommand.class, "cache_dir", cache.toFile(),
                "cache_limit_mb", 64L);
        assertThat(settings.isCanceled()).as(String.valueOf(settings.getCancelReason())).isFalse();
        assertThat(bench.service.resultCache()).map(RemoveBgService.CacheSetting::maxBytes).contains(64L << 20);

        CommandModule first = runFolder(in, temp.resolve("out1"));
        assertThat(first.getOutput("processed")).isEqualTo(3);
        BigDecimal afterFirst = bench.emulator.credits(FijiBench.KEY);
        int charges = bench.emulator.charges().size();

        CommandModule second = runFolder(in, temp.resolve("out2"));
        assertThat(second.isCanceled()).as(String.valueOf(second.getCancelReason())).isFalse();
        assertThat(FolderOutputs.assertOnlyWholeResults(temp.resolve("out2"))).hasSize(3);
        assertThat(bench.emulator.credits(FijiBench.KEY)).isEqualByComparingTo(afterFirst);
        assertThat(bench.emulator.charges()).hasSize(charges);
        assertThat((Double) second.getOutput("credits_spent")).isZero();
        ResultsTable table = ((RemoveBackgroundFolderCommand) second.getDelegateObject()).resultsTable();
        assertThat(table.size()).isEqualTo(3);
        for (int row = 0; row < table.size(); row++) {
            assertThat(table.getStringValue("Outcome", row)).isEqualTo("CACHED");
            assertThat(table.getValue("Credits", row)).isZero();
            // measured on the written result's alpha: the subject, less its soft corners
            java.awt.image.BufferedImage result = javax.imageio.ImageIO.read(
                    temp.resolve("out2").resolve(table.getStringValue("Image", row)).toFile());
            long opaque = 0;
            for (int y = 0; y < result.getHeight(); y++) {
                for (int x = 0; x < result.getWidth(); x++) {
                    opaque += result.getRGB(x, y) >>> 24 >= 128 ? 1 : 0;
                }
            }
            assertThat(table.getValue("FG_Pixels", row)).isEqualTo(opaque);
            assertThat(opaque).isBetween((long) (0.98 * TestImages.SUBJECT.width * TestImages.SUBJECT.height),
                    (long) TestImages.SUBJECT.width * TestImages.SUBJECT.height);
            assertThat(table.getValue("FG_Left", row)).isEqualTo(TestImages.SUBJECT.x);
            assertThat(table.getValue("FG_Width", row)).isEqualTo(TestImages.SUBJECT.width);
        }

        // empty = off: a third folder is charged again
        bench.run(ResultCacheCommand.class, "cache_dir", new java.io.File(""));
        assertThat(bench.service.resultCache()).isEmpty();
        runFolder(in, temp.resolve("out3"));
        assertThat(bench.emulator.charges()).hasSize(charges + 3);
    }

    @Test
    void theImageCommandAnswersARepeatFromTheCacheAtNoCharge() throws Exception {
        bench.run(ResultCacheCommand.class, "cache_dir", temp.resolve("cache").toFile());
        CommandModule first = bench.run(RemoveBackgroundCommand.class, "imp", TestImages.oval("repeat"),
                "api_key", FijiBench.KEY, "size", "preview");
        assertThat((Double) first.getOutput("credits_charged")).isEqualTo(0.25);
        BigDecimal balance = bench.emulator.credits(FijiBench.KEY);
        int charges = bench.emulator.charges().size();

        CommandModule again = bench.run(RemoveBackgroundCommand.class, "imp", TestImages.oval("repeat"),
                "api_key", FijiBench.KEY, "size", "preview");

        assertThat(again.isCanceled()).as(String.valueOf(again.getCancelReason())).isFalse();
        assertThat(bench.emulator.credits(FijiBench.KEY)).isEqualByComparingTo(balance);
        assertThat(bench.emulator.charges()).hasSize(charges);
        assertThat((Double) again.getOutput("credits_charged")).isZero();
        ResultsTable table = ((RemoveBackgroundCommand) again.getDelegateObject()).resultsTable();
        assertThat(table.getStringValue("Outcome", 0)).isEqualTo("CACHED");
        ResultsTable paid = ((RemoveBackgroundCommand) first.getDelegateObject()).resultsTable();
        assertThat(table.getValue("FG_Pixels", 0)).isEqualTo(paid.getValue("FG_Pixels", 0));
    }

    @Test
    void aCacheFolderThatCannotBeCreatedIsRefusedNamingTheParameter() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        CommandModule settings = bench.run(ResultCacheCommand.class, "cache_dir", file.resolve("cache").toFile());
        assertThat(settings.isCanceled()).isTrue();
        assertThat(settings.getCancelReason()).contains("cache_dir");
        assertThat(bench.service.resultCache()).isEmpty();
    }

    private static CommandModule runFolder(Path in, Path out) {
        return bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(), "output_dir", out.toFile(),
                "api_key", FijiBench.KEY, "size", "preview");
    }
}
