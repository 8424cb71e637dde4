package io.github.removebgsuite.imagej.image;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.plugin.RoiScaler;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import io.github.removebgsuite.common.client.ForegroundBox;
import io.github.removebgsuite.common.client.ResultMetadata;
import io.github.removebgsuite.imagej.measure.ForegroundStats;
import io.github.removebgsuite.imagej.measure.Measurement;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Collects the decoded result of every plane of an input image and builds the outputs a user asked for: the cut-out
 * (red, green, blue and alpha channels, so transparency is kept rather than painted white), an 8-bit mask, a
 * selection on the input and the foreground box. Scale and calibration follow the input: when remove.bg returned a
 * smaller image (e.g. {@code size=preview}), the pixel size is enlarged accordingly and selections are scaled back
 * onto the input's pixels.
 */
public final class ResultAssembler {

    /** The label of the alpha channel; ImageJ's PNG writer saves a 4-slice stack so labelled as an RGBA PNG. */
    public static final String ALPHA_LABEL = "alpha";
    /** The mask's property holding the alpha threshold it was made with. */
    public static final String THRESHOLD_PROPERTY = "removebg.mask_threshold";

    private final ImagePlus input;
    private final int threshold;
    private final List<Plane> planes = new ArrayList<>();

    private record Plane(int index, DecodedResult result, ResultMetadata metadata, boolean cached) {
        Optional<ForegroundBox> box() {
            return metadata.foreground();
        }
    }

    /**
     * @param input the image that was processed
     * @param threshold the alpha from which a pixel counts as foreground in the mask and the selection (1 to 255)
     */
    public ResultAssembler(ImagePlus input, int threshold) {
        this.input = Objects.requireNonNull(input, "input");
        if (threshold < 1 || threshold > 255) {
            throw new IllegalArgumentException("threshold must be 1 to 255, not " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * Adds a plane's result.
     *
     * @param plane the stack index, 1-based
     * @param result the decoded result; for a matte-only result, {@code inputColors} gives the colours
     * @param inputColors the rendered input plane
     * @param metadata what remove.bg reported (type, foreground box in result pixels, credits)
     * @param cached whether the result came from the result cache (0 credits)
     * @throws IllegalStateException when the result's size differs from the earlier planes'
     */
    public void add(int plane, DecodedResult result, ColorProcessor inputColors, ResultMetadata metadata,
            boolean cached) {
        if (!planes.isEmpty()) {
            DecodedResult first = planes.get(0).result();
            if (first.width() != result.width() || first.height() != result.height()) {
                throw new IllegalStateException("remove.bg returned " + result.width() + "x" + result.height()
                        + " for slice " + plane + " but " + first.width() + "x" + first.height()
                        + " for the first; a stack needs one size for every slice");
            }
        }
        DecodedResult kept = result;
        if (result.matteOnly()) {
            kept = withInputColors(result, inputColors);
        }
        planes.add(new Plane(plane, kept, Objects.requireNonNull(metadata, "metadata"), cached));
    }

    /** The number of planes added. */
    public int size() {
        return planes.size();
    }

    /**
     * The cut-out: channels red, green, blue and alpha (labelled {@value #ALPHA_LABEL}) for every plane, shown as a
     * composite of the colour channels.
     */
    public ImagePlus cutout() {
        DecodedResult first = requireFirst();
        int width = first.width();
        int height = first.height();
        ImageStack stack = new ImageStack(width, height);
        for (Plane plane : planes) {
            int[] argb = plane.result().argb();
            byte[] red = new byte[argb.length];
            byte[] green = new byte[argb.length];
            byte[] blue = new byte[argb.length];
            byte[] alpha = new byte[argb.length];
            for (int i = 0; i < argb.length; i++) {
                int pixel = argb[i];
                alpha[i] = (byte) (pixel >>> 24);
                red[i] = (byte) (pixel >> 16);
                green[i] = (byte) (pixel >> 8);
                blue[i] = (byte) pixel;
            }
            stack.addSlice("Red", new ByteProcessor(width, height, red));
            stack.addSlice("Green", new ByteProcessor(width, height, green));
            stack.addSlice("Blue", new ByteProcessor(width, height, blue));
            stack.addSlice(ALPHA_LABEL, new ByteProcessor(width, height, alpha));
        }
        ImagePlus rgba = new ImagePlus(title("no background"), stack);
        setDimensions(rgba, 4);
        rgba.setCalibration(calibration(width, height));
        CompositeImage composite = new CompositeImage(rgba, IJ.COMPOSITE);
        composite.setChannelLut(LUT.createLutFromColor(Color.RED), 1);
        composite.setChannelLut(LUT.createLutFromColor(Color.GREEN), 2);
        composite.setChannelLut(LUT.createLutFromColor(Color.BLUE), 3);
        composite.setChannelLut(LUT.createLutFromColor(Color.WHITE), 4);
        composite.setActiveChannels("1110");
        composite.setCalibration(calibration(width, height));
        return composite;
    }

    /**
     * The mask: 8-bit binary, 255 where the alpha reaches the threshold, 0 elsewhere; one slice per plane. The
     * threshold 255–255 is set on it, so <em>Analyze › Analyze Particles…</em> measures the foreground whatever the
     * "Black background" setting; the alpha threshold is recorded in the image's Info and property
     * {@value #THRESHOLD_PROPERTY}.
     */
    public ImagePlus mask() {
        DecodedResult first = requireFirst();
        ImageStack stack = new ImageStack(first.width(), first.height());
        for (Plane plane : planes) {
            stack.addSlice(input.getStack().getSliceLabel(plane.index()), maskOf(plane.result()));
        }
        ImagePlus mask = new ImagePlus(title("mask"), stack);
        setDimensions(mask, 1);
        mask.setCalibration(calibration(first.width(), first.height()));
        mask.getProcessor().setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
        mask.setProp(THRESHOLD_PROPERTY, threshold);
        mask.setProperty("Info", "remove.bg mask of " + input.getTitle() + ": 255 = foreground (alpha >= "
                + threshold + " of 255), 0 = background\n");
        return mask;
    }

    /**
     * The foreground of every plane as a selection traced from the mask (not only its box), in the input's pixels,
     * named after the image ({@code title}, or {@code title:slice} for a stack) and, for a stack, positioned on its
     * slice: ready for the ROI Manager. Planes with no pixel above the threshold have none.
     */
    public List<Roi> foregroundRois() {
        List<Roi> rois = new ArrayList<>();
        boolean stack = input.getStackSize() > 1;
        for (Plane plane : planes) {
            ByteProcessor mask = maskOf(plane.result());
            mask.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
            Roi roi = new ThresholdToSelection().convert(mask);
            if (roi == null) {
                continue;
            }
            roi = toInputPixels(roi, plane.result());
            roi.setName(stack ? baseTitle() + ":" + plane.index() : baseTitle());
            if (stack) {
                roi.setPosition(plane.index());
            }
            rois.add(roi);
        }
        return rois;
    }

    /**
     * Puts the foreground on the input as a selection (and, for a stack, as one overlay shape per slice), in the
     * input's pixels.
     *
     * @return the selection of the first plane, or null when nothing reached the threshold
     */
    public Roi applySelection() {
        List<Roi> rois = foregroundRois();
        Overlay overlay = overlayForStack();
        if (overlay != null) {
            rois.forEach(roi -> overlay.add((Roi) roi.clone()));
        }
        if (rois.isEmpty()) {
            return null;
        }
        input.setRoi(rois.get(0));
        return rois.get(0);
    }

    /**
     * One row per plane for the results table: outcome, detected type, result size, the foreground box in result
     * pixels (remove.bg's {@code X-Foreground-*}, or the mask's bounds when it reported none), the foreground area
     * from the alpha at the threshold, in the result's calibration, and the credits.
     */
    public List<Measurement> measurements() {
        List<Measurement> rows = new ArrayList<>();
        boolean stack = input.getStackSize() > 1;
        for (Plane plane : planes) {
            DecodedResult result = plane.result();
            ForegroundStats stats = ForegroundStats.ofArgb(result.argb(), result.width(), threshold);
            Optional<Rectangle> box = plane.box().map(b -> new Rectangle(b.left(), b.top(), b.width(), b.height()))
                    .or(stats::bounds);
            Calibration calibration = calibration(result.width(), result.height());
            rows.add(new Measurement(input.getTitle() == null ? baseTitle() : input.getTitle(),
                    stack ? plane.index() : 0, plane.cached() ? "CACHED" : "DONE", plane.metadata().detectedType(),
                    result.width(), result.height(), box, stats.pixels(), calibration.pixelWidth,
                    calibration.pixelHeight, calibration.getUnit(), threshold,
                    plane.metadata().creditsCharged().doubleValue(), Optional.empty()));
        }
        return rows;
    }

    /**
     * The foreground box of every plane, in the input's pixels: the box remove.bg reported, or the bounding box of
     * the mask when it reported none.
     */
    public List<Rectangle> foregroundBoxes() {
        List<Rectangle> boxes = new ArrayList<>();
        for (Plane plane : planes) {
            DecodedResult result = plane.result();
            Rectangle inResult = plane.box()
                    .map(b -> new Rectangle(b.left(), b.top(), b.width(), b.height()))
                    .orElseGet(() -> maskBounds(result));
            double sx = (double) input.getWidth() / result.width();
            double sy = (double) input.getHeight() / result.height();
            boxes.add(new Rectangle((int) Math.round(inResult.x * sx), (int) Math.round(inResult.y * sy),
                    (int) Math.round(inResult.width * sx), (int) Math.round(inResult.height * sy)));
        }
        return boxes;
    }

    /**
     * Shows the foreground box on the input: as the selection when {@code asSelection}, and for a stack as one
     * rectangle per slice in the overlay.
     *
     * @return the box of the first plane
     */
    public Rectangle applyForegroundBox(boolean asSelection) {
        List<Rectangle> boxes = foregroundBoxes();
        Overlay overlay = overlayForStack();
        if (overlay == null && !asSelection) {
            overlay = input.getOverlay() == null ? new Overlay() : input.getOverlay();
            input.setOverlay(overlay);
        }
        for (int i = 0; i < boxes.size(); i++) {
            Roi box = new Roi(boxes.get(i));
            box.setName("foreground box");
            box.setStrokeColor(Color.YELLOW);
            if (overlay != null) {
                if (input.getStackSize() > 1) {
                    box.setPosition(planes.get(i).index());
                }
                overlay.add(box);
            }
        }
        if (asSelection && !boxes.isEmpty()) {
            input.setRoi(new Roi(boxes.get(0)));
        }
        return boxes.isEmpty() ? null : boxes.get(0);
    }

    private Overlay overlayForStack() {
        if (input.getStackSize() <= 1) {
            return null;
        }
        Overlay overlay = input.getOverlay();
        if (overlay == null) {
            overlay = new Overlay();
            input.setOverlay(overlay);
        }
        return overlay;
    }

    private Roi toInputPixels(Roi roi, DecodedResult result) {
        if (result.width() == input.getWidth() && result.height() == input.getHeight()) {
            return roi;
        }
        return RoiScaler.scale(roi, (double) input.getWidth() / result.width(),
                (double) input.getHeight() / result.height(), false);
    }

    private ByteProcessor maskOf(DecodedResult result) {
        byte[] pixels = new byte[result.argb().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = result.alpha(i) >= threshold ? (byte) 255 : 0;
        }
        return new ByteProcessor(result.width(), result.height(), pixels);
    }

    private Rectangle maskBounds(DecodedResult result) {
        return ForegroundStats.ofArgb(result.argb(), result.width(), threshold).bounds().orElseGet(Rectangle::new);
    }

    private static DecodedResult withInputColors(DecodedResult matte, ColorProcessor inputColors) {
        ColorProcessor colors = inputColors;
        if (colors.getWidth() != matte.width() || colors.getHeight() != matte.height()) {
            colors.setInterpolationMethod(ImageProcessor.BILINEAR);
            colors = (ColorProcessor) colors.resize(matte.width(), matte.height());
        }
        int[] rgb = (int[]) colors.getPixels();
        int[] argb = new int[rgb.length];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = matte.alpha(i) << 24 | (rgb[i] & 0xffffff);
        }
        return new DecodedResult(matte.width(), matte.height(), argb, false);
    }

    private void setDimensions(ImagePlus imp, int channels) {
        int n = planes.size();
        boolean timeSeries = input.getNFrames() == n && n > 1;
        imp.setDimensions(channels, timeSeries ? 1 : n, timeSeries ? n : 1);
        if (channels > 1 || n > 1) {
            imp.setOpenAsHyperStack(channels > 1 && n > 1);
        }
    }

    private Calibration calibration(int width, int height) {
        Calibration calibration = input.getCalibration().copy();
        calibration.pixelWidth *= (double) input.getWidth() / width;
        calibration.pixelHeight *= (double) input.getHeight() / height;
        return calibration;
    }

    private String title(String suffix) {
        return baseTitle() + " (" + suffix + ")";
    }

    /** The image's title without its file extension (spaces kept, unlike {@code getShortTitle()}). */
    private String baseTitle() {
        String title = input.getTitle() == null ? "" : input.getTitle().strip();
        String bare = title.replaceFirst("\\.[A-Za-z][A-Za-z0-9]{1,4}$", "");
        return bare.isEmpty() ? "image" : bare;
    }

    private DecodedResult requireFirst() {
        if (planes.isEmpty()) {
            throw new IllegalStateException("No result was added");
        }
        return planes.get(0).result();
    }
}
