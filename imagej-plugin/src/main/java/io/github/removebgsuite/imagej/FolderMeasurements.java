package io.github.removebgsuite.imagej;

import io.github.removebgsuite.common.batch.BatchItem;
import io.github.removebgsuite.imagej.measure.ForegroundStats;
import io.github.removebgsuite.imagej.measure.Measurement;
import io.github.removebgsuite.imagej.service.ApiKey;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.scijava.log.LogService;

/**
 * The results-table row of a folder input: its outcome, credits and message from the batch report, and the result's
 * size, foreground box and area measured on the written result's alpha (the batch engine reports no remove.bg
 * headers per image, so the detected type stays empty). Folder inputs carry no ImageJ calibration: areas are in
 * pixels.
 */
final class FolderMeasurements {

    private final int threshold;
    private final Function<Path, String> label;
    private final LogService log;

    FolderMeasurements(int threshold, Function<Path, String> label, LogService log) {
        this.threshold = threshold;
        this.label = label;
        this.log = log;
    }

    Measurement of(BatchItem item, ApiKey key) {
        String name = label.apply(item.input());
        String outcome = item.outcome().name();
        String message = item.message().map(key::redact).orElse(null);
        double credits = item.credits().doubleValue();
        boolean hasResult = item.outcome() == BatchItem.Outcome.DONE || item.outcome() == BatchItem.Outcome.CACHED
                || item.outcome() == BatchItem.Outcome.SKIPPED;
        Optional<Path> output = item.output().filter(p -> hasResult);
        if (output.isEmpty()) {
            return Measurement.withoutResult(name, 0, outcome, credits, message);
        }
        BufferedImage image;
        try {
            image = output.get().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")
                    ? ImageIO.read(output.get().toFile()) : null;
        } catch (IOException e) {
            log.warn("Could not measure " + output.get() + ": " + e.getMessage());
            image = null;
        }
        if (image == null) {
            return Measurement.withoutResult(name, 0, outcome, credits, message);
        }
        int width = image.getWidth();
        int[] argb = image.getRGB(0, 0, width, image.getHeight(), null, 0, width);
        ForegroundStats stats = ForegroundStats.ofArgb(argb, width, threshold);
        return new Measurement(name, 0, outcome, Optional.empty(), width, image.getHeight(), stats.bounds(),
                stats.pixels(), 1, 1, "pixel", threshold, credits, Optional.ofNullable(message));
    }
}
