package io.github.removebgsuite.imagej.measure;

import java.awt.Rectangle;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the results table: what became of one image or one slice.
 *
 * @param label the file (relative to the input folder) or the image title
 * @param slice the slice, 1-based, for a stack; 0 for a single image or a file
 * @param outcome what happened: {@code DONE}, {@code CACHED} (0 credits), {@code SKIPPED}, {@code FAILED},
 *     {@code NOT_RUN}, {@code ESTIMATED}
 * @param detectedType the foreground type remove.bg detected ({@code X-Type}), when known
 * @param resultWidth the result's width in pixels, 0 when there is no result
 * @param resultHeight the result's height in pixels, 0 when there is no result
 * @param foregroundBox the foreground's box in result pixels ({@code X-Foreground-Left/Top/Width/Height}, or the
 *     bounds of the mask when remove.bg reported none), when there is a result
 * @param foregroundPixels how many result pixels have an alpha at or above the threshold
 * @param pixelWidth the calibrated width of one result pixel
 * @param pixelHeight the calibrated height of one result pixel
 * @param unit the calibration's unit ({@code pixel} when uncalibrated)
 * @param threshold the alpha from which a pixel counts as foreground
 * @param credits the credits charged for it
 * @param message why it failed, was skipped or not run; empty otherwise
 */
public record Measurement(String label, int slice, String outcome, Optional<String> detectedType, int resultWidth,
        int resultHeight, Optional<Rectangle> foregroundBox, long foregroundPixels, double pixelWidth,
        double pixelHeight, String unit, int threshold, double credits, Optional<String> message) {

    /** Checks that no component is null. */
    public Measurement {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detectedType, "detectedType");
        Objects.requireNonNull(foregroundBox, "foregroundBox");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(message, "message");
    }

    /** A row for an image that has no result (failed, not run, estimated). */
    public static Measurement withoutResult(String label, int slice, String outcome, double credits, String message) {
        return new Measurement(label, slice, outcome, Optional.empty(), 0, 0, Optional.empty(), 0, 1, 1, "pixel", 0,
                credits, Optional.ofNullable(message));
    }

    /** The foreground area in calibrated units ({@code unit}²): foreground pixels × pixel width × pixel height. */
    public double foregroundArea() {
        return foregroundPixels * pixelWidth * pixelHeight;
    }
}
