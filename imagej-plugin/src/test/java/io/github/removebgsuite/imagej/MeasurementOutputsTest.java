package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.measure.Measurements;
import ij.measure.ResultsTable;
import ij.plugin.filter.ParticleAnalyzer;
import ij.process.ImageProcessor;
import ij.process.ImageStatistics;
import io.github.removebgsuite.imagej.image.ResultAssembler;
import io.github.removebgsuite.imagej.image.SliceRenderer;
import io.github.removebgsuite.imagej.measure.RoiSetsTestAccess;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/**
 * The outputs a scientist measures with (issue #14), through a real SciJava context against the emulator: the
 * binary mask, the traced selection and the ROI Manager entries, the results table checked against the emulator's
 * own headers and the result's alpha, stacks, and calibration on every output.
 */
class MeasurementOutputsTest {

    private static FijiBench bench;

    @TempDir
    Path temp;

    private final List<Roi> managed = Collections.synchronizedList(new ArrayList<>());
    private final List<ImagePlus> managedFor = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() {
        bench = FijiBench.shared();
    }

    @BeforeEach
    void reset() {
        bench.reset();
        RoiSetsTestAccess.overrideManager((image, rois) -> {
            managedFor.add(image);
            managed.addAll(rois);
        });
    }

    @AfterEach
    void restoreManager() {
        RoiSetsTestAccess.overrideManager(null);
    }

    @Test
    void tableMatchesTheEmulatorsForegroundHeadersAndTheResultsAlpha() throws Exception {
        ImagePlus input = TestImages.oval("oval.tif");
        input.getCalibration().pixelWidth = 0.5;
        input.getCalibration().pixelHeight = 0.25;
        input.getCalibration().setUnit("um");
        // what the server says about this very image, read by the JDK's HTTP client, not the suite's
        HttpHeaders headers = RawEmulatorCall.removeBg(bench.emulator.baseUrl(), FijiBench.KEY,
                new SliceRenderer(input).png(1), Map.of("size", "full", "format", "png"));
        Path csv = temp.resolve("tables").resolve("oval.csv");

        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", input, "api_key", FijiBench.KEY,
                "size", "full", "format", "png", "mask", true, "results_file", csv.toFile());

        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        ResultsTable table = ((RemoveBackgroundCommand) module.getDelegateObject()).resultsTable();
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.getStringValue("Image", 0)).isEqualTo("oval.tif");
        assertThat(table.getStringValue("Outcome", 0)).isEqualTo("DONE");
        assertThat(table.getStringValue("Type", 0)).isEqualTo(headers.firstValue("X-Type").orElseThrow());
        assertThat(table.getValue("Result_Width", 0)).isEqualTo(RawEmulatorCall.intHeader(headers, "X-Width"));
        assertThat(table.getValue("Result_Height", 0)).isEqualTo(RawEmulatorCall.intHeader(headers, "X-Height"));
        assertThat(table.getValue("FG_Left", 0)).isEqualTo(RawEmulatorCall.intHeader(headers, "X-Foreground-Left"));
        assertThat(table.getValue("FG_Top", 0)).isEqualTo(RawEmulatorCall.intHeader(headers, "X-Foreground-Top"));
        assertThat(table.getValue("FG_Width", 0))
                .isEqualTo(RawEmulatorCall.intHeader(headers, "X-Foreground-Width"));
        assertThat(table.getValue("FG_Height", 0))
                .isEqualTo(RawEmulatorCall.intHeader(headers, "X-Foreground-Height"));
        assertThat(table.getValue("Credits", 0)).isEqualTo(1.0);
        assertThat(table.getValue("Threshold", 0)).isEqualTo(RemoveBackgroundCommand.DEFAULT_THRESHOLD);

        // the area is the cut-out's alpha at the threshold, in calibrated units
        ImagePlus cutout = (ImagePlus) module.getOutput("cutout_image");
        ImageProcessor alpha = cutout.getStack().getProcessor(4);
        long opaque = 0;
        for (int i = 0; i < alpha.getPixelCount(); i++) {
            opaque += alpha.get(i) >= RemoveBackgroundCommand.DEFAULT_THRESHOLD ? 1 : 0;
        }
        assertThat(opaque).isBetween(1500L, 2500L); // an ellipse of 60x44 covers about 2070 pixels
        assertThat(table.getValue("FG_Pixels", 0)).isEqualTo(opaque);
        assertThat(table.getValue("FG_Area", 0)).isCloseTo(opaque * 0.5 * 0.25, within(1e-9));
        assertThat(table.getStringValue("Unit", 0)).isEqualTo("\u00b5m"); // ImageJ spells um as µm

        // saved as CSV, atomically: the file and nothing half-written next to it
        assertThat(Files.readAllLines(csv).get(0)).contains("Image").contains("FG_Area").contains("Credits");
        assertThat(Files.readAllLines(csv)).hasSize(2);
        try (var files = Files.list(csv.getParent())) {
            assertThat(files).containsExactly(csv);
        }

        // the mask: binary, calibrated, thresholded for Analyze Particles, which finds the subject's area
        ImagePlus mask = (ImagePlus) module.getOutput("mask_image");
        assertThat(mask.getBitDepth()).isEqualTo(8);
        ImageStatistics stats = mask.getProcessor().getStats();
        assertThat(stats.histogram[255] + stats.histogram[0]).isEqualTo(mask.getWidth() * mask.getHeight());
        assertThat((long) stats.histogram[255]).isEqualTo(opaque);
        assertThat(mask.getCalibration().pixelWidth).isEqualTo(0.5);
        assertThat(mask.getCalibration().pixelHeight).isEqualTo(0.25);
        assertThat(mask.getCalibration().getUnit()).isEqualTo("\u00b5m");
        assertThat(mask.getProp(ResultAssembler.THRESHOLD_PROPERTY)).isEqualTo("128");
        ResultsTable particles = new ResultsTable();
        ParticleAnalyzer analyzer = new ParticleAnalyzer(0, Measurements.AREA, particles, 0, Double.POSITIVE_INFINITY);
        analyzer.setHideOutputImage(true);
        assertThat(analyzer.analyze(mask)).isTrue();
        assertThat(particles.size()).isEqualTo(1);
        assertThat(particles.getValue("Area", 0)).isCloseTo(table.getValue("FG_Area", 0), within(1e-9));
    }

    @Test
    void selectionFollowsTheMatteAndGoesToTheRoiManagerNamedAfterTheImage() throws IOException {
        ImagePlus input = TestImages.oval("specimen 7.png");
        Path roiSet = temp.resolve("specimen-rois.zip");
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", input, "api_key", FijiBench.KEY,
                "size", "full", "cutout", false, "selection", true, "add_to_manager", true,
                "roi_set_file", roiSet.toFile());

        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        Roi selection = input.getRoi();
        assertThat(selection).isNotNull();
        // traced from the matte: the ellipse's centre is in, the corners of its bounding box are not
        assertThat(selection.getType()).isNotEqualTo(Roi.RECTANGLE);
        Roi oval = TestImages.OVAL.getBounds().isEmpty() ? null : new ij.gui.OvalRoi(TestImages.OVAL.x,
                TestImages.OVAL.y, TestImages.OVAL.width, TestImages.OVAL.height);
        assertThat(selection.contains(50, 37)).isTrue();
        assertThat(selection.contains(TestImages.OVAL.x + 1, TestImages.OVAL.y + 1)).isFalse();
        assertThat(selection.contains(TestImages.OVAL.x + TestImages.OVAL.width - 2,
                TestImages.OVAL.y + TestImages.OVAL.height - 2)).isFalse();
        assertThat(selection.getStatistics().pixelCount).isCloseTo(oval.getStatistics().pixelCount, within(150));

        assertThat(managedFor).containsExactly(input);
        assertThat(managed).hasSize(1);
        assertThat(managed.get(0).getName()).isEqualTo("specimen 7");
        assertThat(managed.get(0).getBounds()).isEqualTo(selection.getBounds());

        List<Roi> saved = readRoiSet(roiSet);
        assertThat(saved).extracting(Roi::getName).containsExactly("specimen 7");
        assertThat(saved.get(0).getBounds()).isEqualTo(selection.getBounds());
    }

    @Test
    void stackGivesOneRowAndOneNamedRoiPerSlice() throws IOException {
        ImagePlus stack = TestImages.stack("series", 3);
        stack.getCalibration().pixelWidth = 2;
        stack.getCalibration().pixelHeight = 2;
        stack.getCalibration().setUnit("mm");
        Path roiSet = temp.resolve("series.zip");

        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", stack, "api_key", FijiBench.KEY,
                "size", "full", "mask", true, "add_to_manager", true, "roi_set_file", roiSet.toFile());

        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        ResultsTable table = ((RemoveBackgroundCommand) module.getDelegateObject()).resultsTable();
        assertThat(table.size()).isEqualTo(3);
        ImagePlus mask = (ImagePlus) module.getOutput("mask_image");
        assertThat(mask.getStackSize()).isEqualTo(3);
        assertThat(mask.getCalibration().getUnit()).isEqualTo("mm");
        ImagePlus cutout = (ImagePlus) module.getOutput("cutout_image");
        assertThat(cutout.getCalibration().pixelWidth).isEqualTo(2.0);
        for (int slice = 1; slice <= 3; slice++) {
            int row = slice - 1;
            assertThat(table.getValue("Slice", row)).isEqualTo(slice);
            // the subject moves 5 px per slice; the emulator reports its box exactly
            assertThat(table.getValue("FG_Left", row)).isCloseTo(TestImages.SUBJECT.x + 5 * (slice - 1), within(1.0));
            int[] histogram = mask.getStack().getProcessor(slice).getHistogram();
            assertThat(table.getValue("FG_Pixels", row)).isEqualTo(histogram[255]);
            assertThat(table.getValue("FG_Area", row)).isCloseTo(histogram[255] * 4.0, within(1e-9));
        }
        assertThat(managed).extracting(Roi::getName).containsExactly("series:1", "series:2", "series:3");
        assertThat(managed).extracting(Roi::getPosition).containsExactly(1, 2, 3);
        assertThat(readRoiSet(roiSet)).extracting(Roi::getName).containsExactly("series:1", "series:2", "series:3");
    }

    @Test
    void failedSliceIsARowWithItsMessageAndTheRestAreNotRun() {
        bench.emulator.faults().enqueue(io.github.removebgsuite.emulator.Fault.delay(java.time.Duration.ZERO))
                .enqueue(io.github.removebgsuite.emulator.Fault.status(400));
        CommandModule module = bench.run(RemoveBackgroundCommand.class, "imp", TestImages.stack("broken", 3),
                "api_key", FijiBench.KEY, "size", "preview");
        assertThat(module.isCanceled()).isTrue();
        ResultsTable table = ((RemoveBackgroundCommand) module.getDelegateObject()).resultsTable();
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.getStringValue("Outcome", 0)).isEqualTo("DONE");
        assertThat(table.getValue("Credits", 0)).isEqualTo(0.25);
        assertThat(table.getStringValue("Outcome", 1)).isEqualTo("FAILED");
        assertThat(table.getStringValue("Message", 1)).isNotBlank();
        assertThat(table.getStringValue("Outcome", 2)).isEqualTo("NOT_RUN");
        assertThat(table.getValue("Credits", 2)).isZero();
    }

    @Test
    void folderWritesTableMasksAndARoiSetNamedAfterTheFiles() throws IOException {
        Path in = temp.resolve("in");
        Path out = temp.resolve("out");
        FolderOutputs.specimens(in, 3);
        CommandModule module = bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(),
                "output_dir", out.toFile(), "api_key", FijiBench.KEY, "size", "preview", "mask", true,
                "roi_set", true);

        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        assertThat(module.getOutput("results_csv")).isEqualTo(out.resolve(RemoveBackgroundFolderCommand.RESULTS_NAME)
                .toFile());
        ResultsTable table = ResultsTable.open(out.resolve(RemoveBackgroundFolderCommand.RESULTS_NAME).toString());
        assertThat(table.size()).isEqualTo(3);
        List<String> names = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            String image = table.getStringValue("Image", row);
            names.add(image.replace(".png", ""));
            assertThat(table.getStringValue("Outcome", row)).isEqualTo("DONE");
            assertThat(table.getValue("Credits", row)).isEqualTo(0.25);
            assertThat(table.getStringValue("Type", row)).as("remove.bg's X-Type").isNotBlank();
            ImagePlus mask = ij.IJ.openImage(out.resolve(image.replace(".png", "-mask.png")).toString());
            assertThat(mask.getBitDepth()).isEqualTo(8);
            int[] histogram = mask.getProcessor().getHistogram();
            assertThat(histogram[0] + histogram[255]).isEqualTo(mask.getWidth() * mask.getHeight());
            assertThat(table.getValue("FG_Pixels", row)).isEqualTo(histogram[255]).isPositive();
        }
        assertThat(readRoiSet(out.resolve(RemoveBackgroundFolderCommand.ROI_SET_NAME))).extracting(Roi::getName)
                .containsExactlyInAnyOrderElementsOf(names).contains("sub/s2".replace('/', java.io.File.separatorChar));
    }

    private static List<Roi> readRoiSet(Path zip) throws IOException {
        List<Roi> rois = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                Roi roi = RoiDecoder.openFromByteArray(bytes);
                assertThat(entry.getName()).isEqualTo(roi.getName() + ".roi");
                rois.add(roi);
            }
        }
        return rois;
    }
}
