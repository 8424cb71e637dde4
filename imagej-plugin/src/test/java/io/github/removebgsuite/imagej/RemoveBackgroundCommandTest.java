package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ImageProcessor;
import io.github.removebgsuite.emulator.Charge;
import ij.IJ;
import ij.plugin.PNG_Writer;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import io.github.removebgsuite.emulator.Fault;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scijava.command.CommandModule;

/** The image command through a real SciJava context against the emulator on loopback. */
class RemoveBackgroundCommandTest {

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
    void rgbCutOutKeepsTransparencyAsAnAlphaChannel() throws Exception {
        ImagePlus input = TestImages.rgb("specimen");
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", input, "api_key", FijiBench.KEY,
                "size", "full");

        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        ImagePlus cutout = (ImagePlus) module.getOutput("cutout_image");
        assertThat(cutout).isInstanceOf(CompositeImage.class);
        assertThat(cutout.getNChannels()).isEqualTo(4);
        assertThat(cutout.getWidth()).isEqualTo(TestImages.WIDTH);
        assertThat(cutout.getStack().getSliceLabel(4)).isEqualTo("alpha");
        ImageProcessor red = cutout.getStack().getProcessor(1);
        ImageProcessor alpha = cutout.getStack().getProcessor(4);
        // background corner: transparent, not painted white
        assertThat(alpha.get(2, 2)).isZero();
        // subject centre: opaque, with the subject's colour
        int cx = TestImages.SUBJECT.x + TestImages.SUBJECT.width / 2;
        int cy = TestImages.SUBJECT.y + TestImages.SUBJECT.height / 2;
        assertThat(alpha.get(cx, cy)).isEqualTo(255);
        assertThat((double) red.get(cx, cy)).isCloseTo(200, within(12.0));
        assertThat(module.getOutput("mask_image")).isNull();
        assertThat((Double) module.getOutput("credits_charged")).isEqualTo(1.0);

        // ImageJ's own PNG writer saves the cut-out as an RGBA PNG, transparency included
        Path png = temp.resolve("cutout.png");
        new PNG_Writer().writeImage(cutout, png.toString(), 0);
        BufferedImage saved = ImageIO.read(png.toFile());
        assertThat(saved.getColorModel().hasAlpha()).isTrue();
        assertThat(saved.getRGB(2, 2) >>> 24).isZero();
        assertThat(saved.getRGB(cx, cy) >>> 24).isEqualTo(255);
    }

    @Test
    void sixteenBitMaskIsBinaryAndCoversTheSubject() {
        ImagePlus input = TestImages.sixteenBit("gel");
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", input, "api_key", FijiBench.KEY,
                "cutout", false, "mask", true);

        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        ImagePlus mask = (ImagePlus) module.getOutput("mask_image");
        assertThat(mask.getBitDepth()).isEqualTo(8);
        assertThat(module.getOutput("cutout_image")).isNull();
        ImageProcessor ip = mask.getProcessor();
        int foreground = 0;
        for (int y = 0; y < ip.getHeight(); y++) {
            for (int x = 0; x < ip.getWidth(); x++) {
                int v = ip.get(x, y);
                assertThat(v).isIn(0, 255);
                if (v == 255) {
                    foreground++;
                }
            }
        }
        int area = TestImages.SUBJECT.width * TestImages.SUBJECT.height;
        assertThat((double) foreground).isCloseTo(area, within(area * 0.15));
        assertThat(ip.get(1, 1)).isZero();
        assertThat(ip.get(TestImages.SUBJECT.x + 5, TestImages.SUBJECT.y + 5)).isEqualTo(255);
        // calibration kept (the result has the input's size, so the pixel size is the same)
        assertThat(mask.getCalibration().pixelWidth).isEqualTo(0.5);
        assertThat(mask.getCalibration().getUnit()).isEqualTo(input.getCalibration().getUnit());
    }

    @Test
    void selectionAndForegroundBoxMatchTheSubject() {
        ImagePlus input = TestImages.rgb("box");
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", input, "api_key", FijiBench.KEY,
                "cutout", false, "selection", true, "foreground_box", true);

        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        Roi selection = input.getRoi();
        assertThat(selection).isNotNull();
        assertBoundsNear(selection.getBounds(), TestImages.SUBJECT, 2);
        Roi box = input.getOverlay().get(0);
        assertThat(box.getName()).isEqualTo("foreground box");
        assertBoundsNear(box.getBounds(), TestImages.SUBJECT, 2);
        assertThat(bench.log).anyMatch(line -> line.startsWith("Foreground box of box: x="));
    }

    @Test
    void previewSizeScalesTheCalibrationAndTheSelectionBackOntoTheInput() {
        Rectangle subject = new Rectangle(200, 150, 300, 200);
        ImagePlus input = TestImages.large("large", subject);
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", input, "api_key", FijiBench.KEY,
                "size", "preview", "selection", true, "mask", true);
        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        assertThat((Double) module.getOutput("credits_charged")).isEqualTo(0.25);
        ImagePlus mask = (ImagePlus) module.getOutput("mask_image");
        // remove.bg returned at most 0.25 MP, smaller than the 0.35 MP input ...
        assertThat(mask.getWidth()).isLessThan(700);
        assertThat((long) mask.getWidth() * mask.getHeight()).isLessThanOrEqualTo(250_000L);
        // ... so each result pixel covers more of the specimen, and physical sizes stay right
        assertThat(mask.getCalibration().pixelWidth * mask.getWidth()).isCloseTo(0.5 * 700, within(0.01));
        assertThat(mask.getCalibration().pixelHeight * mask.getHeight()).isCloseTo(0.5 * 500, within(0.01));
        // and the selection lands on the input's own pixels
        assertBoundsNear(input.getRoi().getBounds(), subject, 3);
    }

    @Test
    void alphaChannelOnlyTakesTheColoursFromTheInput() {
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", TestImages.rgb("matte"),
                "api_key", FijiBench.KEY, "channels", "alpha", "format", "png");
        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        ImagePlus cutout = (ImagePlus) module.getOutput("cutout_image");
        int cx = TestImages.SUBJECT.x + TestImages.SUBJECT.width / 2;
        int cy = TestImages.SUBJECT.y + TestImages.SUBJECT.height / 2;
        assertThat(cutout.getStack().getProcessor(4).get(cx, cy)).isEqualTo(255);
        assertThat(cutout.getStack().getProcessor(4).get(2, 2)).isZero();
        assertThat(cutout.getStack().getProcessor(1).get(cx, cy)).isEqualTo(200);
        assertThat(cutout.getStack().getProcessor(2).get(cx, cy)).isEqualTo(40);
    }

    @Test
    void thirtyTwoBitImageIsSentAsDisplayed() {
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", TestImages.thirtyTwoBit("float"),
                "api_key", FijiBench.KEY, "cutout", false, "mask", true);
        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        ImageProcessor mask = ((ImagePlus) module.getOutput("mask_image")).getProcessor();
        assertThat(mask.get(TestImages.SUBJECT.x + 20, TestImages.SUBJECT.y + 18)).isEqualTo(255);
        assertThat(mask.get(3, 3)).isZero();
    }

    @Test
    void stackIsProcessedSliceBySliceWithProgress() {
        ImagePlus input = TestImages.stack("series", 3);
        int chargesBefore = bench.emulator.charges().size();
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", input, "api_key", FijiBench.KEY,
                "mask", true);

        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        ImagePlus cutout = (ImagePlus) module.getOutput("cutout_image");
        assertThat(cutout.getNChannels()).isEqualTo(4);
        assertThat(cutout.getNSlices()).isEqualTo(3);
        ImagePlus mask = (ImagePlus) module.getOutput("mask_image");
        assertThat(mask.getStackSize()).isEqualTo(3);
        // the subject moves 5 px a slice, and so does the mask
        for (int slice = 1; slice <= 3; slice++) {
            int left = TestImages.SUBJECT.x + 5 * (slice - 1);
            ImageProcessor ip = mask.getStack().getProcessor(slice);
            assertThat(ip.get(left + 2, TestImages.SUBJECT.y + 10)).isEqualTo(255);
            assertThat(ip.get(left - 3, TestImages.SUBJECT.y + 10)).isZero();
        }
        assertThat(bench.emulator.charges().size() - chargesBefore).isEqualTo(3);
        assertThat(bench.statuses).anyMatch(s -> s.contains("slice 3/3"));
    }

    @Test
    void rectangularSelectionBecomesTheApiRoi() {
        ImagePlus input = TestImages.rgb("roi");
        // only the left half of the subject lies inside the selection
        input.setRoi(new Roi(0, 0, 50, TestImages.HEIGHT));
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", input, "api_key", FijiBench.KEY);

        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        ImageProcessor alpha = ((ImagePlus) module.getOutput("cutout_image")).getStack().getProcessor(4);
        int y = TestImages.SUBJECT.y + 10;
        assertThat(alpha.get(40, y)).as("inside the roi").isEqualTo(255);
        assertThat(alpha.get(60, y)).as("outside the roi").isZero();
    }

    @Test
    void badParameterIsRefusedBeforeAnyCall() {
        long requests = bench.emulator.requestCount();
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", TestImages.rgb("bad"),
                "api_key", FijiBench.KEY, "crop_margin", "banana", "crop", true);

        assertThat(module.isCanceled()).isTrue();
        assertThat(module.getCancelReason()).contains("crop_margin").contains("banana");
        assertThat(bench.emulator.requestCount()).isEqualTo(requests);
        assertThat(bench.log).contains(module.getCancelReason());
    }

    @Test
    void renamedTypeParameterIsExplained() {
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", TestImages.rgb("type"),
                "api_key", FijiBench.KEY, "foreground_type", "spaceship");
        assertThat(module.isCanceled()).isTrue();
        assertThat(module.getCancelReason()).contains("type").contains("spaceship").contains("foreground_type");
    }

    @Test
    void insufficientCreditsIsAClearMessage() {
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", TestImages.rgb("poor"),
                "api_key", FijiBench.POOR_KEY);
        assertThat(module.isCanceled()).isTrue();
        assertThat(module.getCancelReason()).contains("402").containsIgnoringCase("credits");
        assertThat(bench.emulator.credits(FijiBench.POOR_KEY)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void rejectedKeyIsAClearMessage() {
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", TestImages.rgb("wrong"),
                "api_key", "not-a-valid-key-123");
        assertThat(module.isCanceled()).isTrue();
        assertThat(module.getCancelReason()).contains("403").contains("api_key");
        assertThat(module.getCancelReason()).doesNotContain("not-a-valid-key-123");
    }

    @Test
    void missingKeySaysWhereToGiveOne() {
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", TestImages.rgb("nokey"));
        assertThat(module.isCanceled()).isTrue();
        assertThat(module.getCancelReason()).contains("REMOVE_BG_API_KEY").contains("api_key");
    }

    @Test
    void selectionIsRefusedWhenCropMovesTheSubject() {
        long requests = bench.emulator.requestCount();
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", TestImages.rgb("crop"),
                "api_key", FijiBench.KEY, "crop", true, "selection", true);
        assertThat(module.isCanceled()).isTrue();
        assertThat(module.getCancelReason()).contains("crop");
        assertThat(bench.emulator.requestCount()).isEqualTo(requests);
    }

    @Test
    void eachSliceIsChargedOnce() {
        int before = bench.emulator.charges().size();
        bench.run(RemoveBackgroundCommand.class, "imp", TestImages.stack("once", 2), "api_key", FijiBench.KEY);
        List<Charge> charges = bench.emulator.charges();
        assertThat(charges.subList(before, charges.size())).hasSize(2)
                .extracting(Charge::imageSha256).doesNotHaveDuplicates();
    }

    @Test
    void escapeStopsAStackBetweenSlicesAndKeepsWhatWasCharged() throws Exception {
        bench.emulator.faults().enqueue(Fault.hold());
        long requests = bench.emulator.requestCount();
        Future<CommandModule> running = bench.context.service(CommandService.class).run(RemoveBackgroundCommand.class,
                true, "imp", TestImages.stack("long series", 3), "api_key", FijiBench.KEY);
        CommandModule module;
        try {
            // the first slice is certainly in flight (the emulator holds its answer): press Esc, then let it answer
            assertThat(bench.emulator.faults().awaitHeld(1, Duration.ofSeconds(30))).isTrue();
            IJ.setKeyDown(KeyEvent.VK_ESCAPE);
            bench.emulator.faults().releaseHeld();
            module = running.get(30, TimeUnit.SECONDS);
        } finally {
            IJ.resetEscape();
            bench.emulator.faults().releaseHeld();
        }
        assertThat(module.isCanceled()).isTrue();
        assertThat(module.getCancelReason()).startsWith("Cancelled after 1 of 3 slices").contains("1 credits");
        assertThat(bench.emulator.requestCount() - requests).isEqualTo(1);
        assertThat(module.getOutput("cutout_image")).isNull();
    }

    @Test
    void failureMidStackNamesTheSliceAndWhatTheOthersCost() {
        bench.emulator.faults().enqueue(Fault.delay(Duration.ZERO)).enqueue(Fault.htmlBody());
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", TestImages.stack("mid", 3),
                "api_key", FijiBench.KEY);
        assertThat(module.isCanceled()).isTrue();
        assertThat(module.getCancelReason()).startsWith("Slice 2 of 3 (the 1 before it cost 1 credits): ")
                .contains("unexpected answer");
        assertThat(module.getOutput("cutout_image")).isNull();
    }

    @Test
    void macroOptionsStringRunsTheCommand() {
        bench.keyInEnvironment();
        CommandInfo info = bench.context.service(CommandService.class).getCommand(RemoveBackgroundCommand.class);
        Map<String, Object> inputs = new HashMap<>(MacroOptions.read(info,
                "size=preview foreground_type=product format=png cutout=false mask=true mask_threshold=200 "
                        + "more_parameters=[shadow_type[product]=none]",
                bench.context.service(ConvertService.class)));
        inputs.put("imp", TestImages.rgb("macro"));

        CommandModule module = bench.run(RemoveBackgroundCommand.class, inputs);

        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        assertThat(module.getOutput("cutout_image")).isNull();
        assertThat(((ImagePlus) module.getOutput("mask_image")).getProcessor().get(50, 40)).isEqualTo(255);
        assertThat((Double) module.getOutput("credits_charged")).isEqualTo(0.25);
        assertThat(MacroOptions.record(module)).contains("size=preview").contains("mask_threshold=200")
                .contains("more_parameters=shadow_type[product]=none").doesNotContain("api_key");
    }

    private static void assertBoundsNear(Rectangle actual, Rectangle expected, int tolerance) {
        assertThat(actual.x).as("x of " + actual).isCloseTo(expected.x, within(tolerance));
        assertThat(actual.y).as("y of " + actual).isCloseTo(expected.y, within(tolerance));
        assertThat(actual.width).as("width of " + actual).isCloseTo(expected.width, within(2 * tolerance));
        assertThat(actual.height).as("height of " + actual).isCloseTo(expected.height, within(2 * tolerance));
    }
}
