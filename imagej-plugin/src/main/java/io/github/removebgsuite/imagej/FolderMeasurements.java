package io.github.removebgsuite.imagej;

import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import io.github.removebgsuite.common.batch.BatchItem;
import io.github.removebgsuite.imagej.measure.AtomicOutput;
import io.github.removebgsuite.imagej.measure.ForegroundStats;
import io.github.removebgsuite.imagej.measure.Measurement;
import io.github.removebgsuite.imagej.service.ApiKey;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.scijava.log.LogService;

/**
 * What a folder run adds for analysis, measured on each written result's alpha: the results-table row (outcome,
 * credits, message and detected type from the batch report (the type is empty for skipped images); result size,
 * foreground box and area from the result), and on request the binary mask next to
 * the result ({@code <name>-mask.png}, 255 = foreground) and the traced selection, named after the input. Folder
 * inputs carry no ImageJ calibration: sizes and areas are in pixels.
 */
final class FolderMeasurements {

    /** The ending of a mask file written next to its result. */
    static final String MASK_SUFFIX = "-mask.png";

    private final int threshold;
    private final Function<Path, String> label;
    private final LogService log;
    private final boolean writeMasks;
    private final Set<Path> results;
    private final List<Roi> rois = new ArrayList<>();

    /**
     * @param threshold the alpha from which a pixel is foreground
     * @param label names an input (its path relative to the input folder)
     * @param writeMasks whether to write a mask next to each result
     * @param results every output the batch wrote or kept, which a mask must never overwrite
     */
    FolderMeasurements(int threshold, Function<Path, String> label, LogService log, boolean writeMasks,
            Set<Path> results) {
        this.threshold = threshold;
        this.label = label;
        this.log = log;
        this.writeMasks = writeMasks;
        this.results = Set.copyOf(results);
    }

    /** The foreground selections measured so far, one per result, named after the input's relative path. */
    List<Roi> rois() {
        return List.copyOf(rois);
    }

    Measurement of(BatchItem item, ApiKey key) {
        String name = label.apply(item.input());
        String outcome = item.outcome().name();
        String message = item.message().map(key::redact).orElse(null);
        double credits = item.credits().doubleValue();
        boolean hasResult = item.outcome() == BatchItem.Outcome.DONE || item.outcome() == BatchItem.Outcome.CACHED
                || item.outcome() == BatchItem.Outcome.SKIPPED;
        Optional<Path> output = item.output().filter(p -> hasResult)
                .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"));
        BufferedImage image = output.map(this::read).orElse(null);
        if (image == null) {
            return Measurement.withoutResult(name, 0, outcome, credits, message);
        }
        int width = image.getWidth();
        int[] argb = image.getRGB(0, 0, width, image.getHeight(), null, 0, width);
        ForegroundStats stats = ForegroundStats.ofArgb(argb, width, threshold);
        ByteProcessor mask = mask(argb, width, image.getHeight());
        if (writeMasks) {
            writeMask(output.get(), mask);
        }
        mask.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
        Roi roi = new ThresholdToSelection().convert(mask);
        if (roi != null) {
            roi.setName(name.replaceFirst("\\.[A-Za-z0-9]{1,5}$", ""));
            rois.add(roi);
        }
        Optional<String> type = item.metadata().flatMap(m -> m.detectedType());
        return new Measurement(name, 0, outcome, type, width, image.getHeight(), stats.bounds(),
                stats.pixels(), 1, 1, "pixel", threshold, credits, Optional.ofNullable(message));
    }

    private BufferedImage read(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException e) {
            log.warn("Could not measure " + file + ": " + e.getMessage());
            return null;
        }
    }

    private ByteProcessor mask(int[] argb, int width, int height) {
        byte[] pixels = new byte[argb.length];
        for (int i = 0; i < argb.length; i++) {
            pixels[i] = argb[i] >>> 24 >= threshold ? (byte) 255 : 0;
        }
        return new ByteProcessor(width, height, pixels);
    }

    private void writeMask(Path result, ByteProcessor mask) {
        String file = result.getFileName().toString();
        Path target = result.resolveSibling(file.substring(0, file.length() - ".png".length()) + MASK_SUFFIX);
        if (results.contains(target.toAbsolutePath().normalize())) {
            log.warn("Not writing the mask " + target + ": a result of this batch has that name.");
            return;
        }
        try {
            AtomicOutput.write(target, ".png", temp -> {
                if (!ImageIO.write(mask.getBufferedImage(), "png", temp.toFile())) {
                    throw new IOException("no PNG writer");
                }
            });
        } catch (IOException e) {
            log.warn("Could not write the mask " + target + ": " + e.getMessage());
        }
    }
}
