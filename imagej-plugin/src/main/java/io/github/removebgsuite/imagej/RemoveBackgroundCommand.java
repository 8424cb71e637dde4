package io.github.removebgsuite.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ColorProcessor;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.client.RemoveBgResult;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.request.ImageSource;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import io.github.removebgsuite.imagej.image.DecodedResult;
import io.github.removebgsuite.imagej.image.ResultAssembler;
import io.github.removebgsuite.imagej.image.SliceRenderer;
import io.github.removebgsuite.imagej.measure.Measurement;
import io.github.removebgsuite.imagej.measure.ResultsTables;
import io.github.removebgsuite.imagej.measure.RoiSets;
import ij.measure.ResultsTable;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.scijava.widget.FileWidget;
import io.github.removebgsuite.imagej.service.ApiKey;
import io.github.removebgsuite.imagej.service.FailureMessages;
import java.awt.Rectangle;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.NumberWidget;

/**
 * <em>Plugins › remove.bg › Remove Background…</em>: removes the background of the active image with remove.bg.
 *
 * <p>8-, 16- and 32-bit images are sent as they are displayed (LUT and display range applied); a stack is sent slice
 * by slice, with progress, and stops between slices when cancelled (Esc). The outputs are the user's choice: the
 * cut-out (channels red, green, blue and alpha, so transparency is kept), an 8-bit mask, a selection on the input,
 * and the foreground box. A rectangular selection on the input becomes the API's {@code roi} unless {@code roi} is
 * given.
 *
 * <p>Macro: {@code run("Remove Background...", "size=preview format=zip cutout=true mask=true");}
 */
@Plugin(type = Command.class, headless = true, label = "Remove Background...",
        description = "Removes the background of the active image with remove.bg",
        menu = {@Menu(label = "Plugins"), @Menu(label = "remove.bg", weight = RemoveBgCommand.MENU_WEIGHT),
                @Menu(label = "Remove Background...", weight = 1)})
public class RemoveBackgroundCommand extends AbstractRemoveBgCommand {

    /** The default alpha from which a pixel is foreground in the mask and the selection. */
    public static final int DEFAULT_THRESHOLD = 128;

    @Parameter(visibility = ItemVisibility.MESSAGE, persist = false, required = false)
    private String header = "<html>Uploads the image to remove.bg; each slice costs up to 1 credit.";

    @Parameter(label = "Image", persist = false,
            description = "The image to process (the active image in Fiji).")
    private ImagePlus imp;

    @Parameter(label = "Cut-out (RGB + alpha)", persist = false, required = false,
            description = "Create the cut-out: channels red, green, blue and alpha (transparency kept).")
    private Boolean cutout = Boolean.TRUE;

    @Parameter(label = "Mask (8-bit)", persist = false, required = false,
            description = "Create an 8-bit mask: 255 = foreground, 0 = background.")
    private Boolean mask = Boolean.FALSE;

    @Parameter(label = "Selection on the input", persist = false, required = false,
            description = "Select the foreground on the input image (per slice in the overlay for a stack).")
    private Boolean selection = Boolean.FALSE;

    @Parameter(label = "Foreground box", persist = false, required = false,
            description = "Show the foreground's bounding box on the input (as the selection when no "
                    + "foreground selection is made, otherwise in the overlay).")
    private Boolean foreground_box = Boolean.FALSE;

    @Parameter(label = "Mask threshold", min = "1", max = "255", style = NumberWidget.SCROLL_BAR_STYLE,
            persist = false, required = false,
            description = "The alpha (1-255) from which a pixel counts as foreground in the mask, the selection and "
                    + "the table's area; 128 = half transparent.")
    private Integer mask_threshold = DEFAULT_THRESHOLD;

    @Parameter(label = "Add to ROI Manager", persist = false, required = false,
            description = "Add the foreground selection of every slice to the ROI Manager, named after the image "
                    + "(title, or title:slice for a stack).")
    private Boolean add_to_manager = Boolean.FALSE;

    @Parameter(label = "Save selections as", style = FileWidget.SAVE_STYLE, persist = false, required = false,
            description = "Optional: save the foreground selections as a ROI set (.zip, opened by the ROI "
                    + "Manager); works headless.")
    private File roi_set_file;

    @Parameter(label = "Save results table as", style = FileWidget.SAVE_STYLE, persist = false, required = false,
            description = "Optional: save the results table (one row per slice) as CSV.")
    private File results_file;

    @Parameter(label = "Strip identifying metadata", persist = false, required = false,
            description = "Upload under a neutral file name (image.png) instead of the image's title. The "
                    + "uploaded PNG holds pixels only: no ImageJ info, calibration or EXIF is ever sent.")
    private Boolean strip_metadata = Boolean.FALSE;

    @Parameter(type = ItemIO.OUTPUT, label = "Cut-out", required = false)
    private ImagePlus cutout_image;

    @Parameter(type = ItemIO.OUTPUT, label = "Mask", required = false)
    private ImagePlus mask_image;

    @Parameter(type = ItemIO.OUTPUT, label = "Credits charged", required = false)
    private Double credits_charged;

    private ResultsTable resultsTable;

    /**
     * The results table of the last run (one row per slice: outcome, detected type, result size, foreground box and
     * area, credits), for scripts that run the command through the {@code CommandService}; null before a run.
     * In Fiji it is also shown as the "{@value ResultsTables#TITLE}" window.
     */
    public ResultsTable resultsTable() {
        return resultsTable;
    }

    @Override
    protected void execute() {
        if (imp == null) {
            fail("No image: open an image first.");
            return;
        }
        RemoveBgOptions options;
        try {
            options = validatedOptions();
        } catch (InvalidParameterException e) {
            fail(e, null);
            return;
        }
        for (String warning : options.warnings()) {
            log.warn(warning);
        }
        Optional<ApiKey> key = apiKeyOrCancel();
        if (key.isEmpty() || !uploadAllowed()) {
            return;
        }
        process(options, key.get());
    }

    /**
     * Checks every input before anything is uploaded: the API parameters through the core, then the combinations
     * only this command has (outputs, threshold, selections on a moved subject, crop on a stack).
     *
     * @throws InvalidParameterException naming the parameter that is not valid
     */
    RemoveBgOptions validatedOptions() {
        boolean wantSelection = Boolean.TRUE.equals(selection) || Boolean.TRUE.equals(add_to_manager)
                || roi_set_file != null && !roi_set_file.getPath().isBlank();
        boolean wantBox = Boolean.TRUE.equals(foreground_box);
        if (Boolean.FALSE.equals(cutout) && !Boolean.TRUE.equals(mask) && !wantSelection && !wantBox) {
            throw new InvalidParameterException("cutout", "false",
                    "at least one output: cutout, mask, selection or foreground_box");
        }
        int threshold = threshold();
        if (threshold < 1 || threshold > 255) {
            throw new InvalidParameterException("mask_threshold", Integer.toString(threshold), "1 to 255");
        }
        RemoveBgOptions options = optionsWithSelectionAsRoi();
        String unaligned = unalignedReason(options);
        if ((wantSelection || wantBox) && unaligned != null) {
            throw new InvalidParameterException(wantSelection ? selectionField() : "foreground_box", "true",
                    "false while " + unaligned + " moves the subject (a selection needs a result aligned with the "
                            + "input; ask for the cut-out or mask instead)");
        }
        if (imp.getStackSize() > 1 && options.crop().orElse(false)) {
            throw new InvalidParameterException("crop", "true", "false for a stack, since crop gives every slice "
                    + "its own size (use Remove Background (Folder)... for a series of images)");
        }
        return options;
    }

    private String selectionField() {
        if (Boolean.TRUE.equals(selection)) {
            return "selection";
        }
        return Boolean.TRUE.equals(add_to_manager) ? "add_to_manager" : "roi_set_file";
    }

    private int threshold() {
        return mask_threshold == null ? DEFAULT_THRESHOLD : mask_threshold;
    }

    private void process(RemoveBgOptions options, ApiKey key) {
        // an Esc pressed before this run (to stop an earlier macro, say) must not stop it
        IJ.resetEscape();
        int threshold = threshold();
        RemoveBgClient client;
        try {
            client = removeBg.client(key);
        } catch (InvalidParameterException e) {
            fail(e, key);
            return;
        }
        SliceRenderer renderer = new SliceRenderer(imp);
        ResultAssembler assembler = new ResultAssembler(imp, threshold);
        boolean matte = "alpha".equals(options.channels().map(c -> c.wireValue()).orElse("rgba"));
        int planes = renderer.planes();
        BigDecimal charged = BigDecimal.ZERO;
        String name = imp.getShortTitle() == null || imp.getShortTitle().isBlank() ? "image" : imp.getShortTitle();
        boolean anonymous = Boolean.TRUE.equals(strip_metadata);
        for (int plane = 1; plane <= planes; plane++) {
            if (stopRequested()) {
                String message = "Cancelled after " + (plane - 1) + " of " + planes + " slices; "
                        + charged.toPlainString() + " credits were charged.";
                publishTable(assembler, plane, planes, "NOT_RUN", message);
                fail(message);
                return;
            }
            status.showStatus(plane - 1, planes, "remove.bg: slice " + plane + "/" + planes);
            ColorProcessor rendered = renderer.render(plane);
            try {
                RemoveBgRequest request = RemoveBgRequest.builder()
                        .image(ImageSource.bytes(anonymous ? renderer.neutralFileName(plane)
                                : renderer.fileName(plane), renderer.png(plane)))
                        .options(options)
                        .build();
                RemoveBgResult result = client.removeBackground(request);
                charged = charged.add(result.metadata().creditsCharged());
                assembler.add(plane, DecodedResult.decode(result, matte), rendered, result.metadata(),
                        result.fromCache());
            } catch (RemoveBgException e) {
                String reason = FailureMessages.describe(e, key);
                publishTable(assembler, plane, planes, "FAILED", reason);
                fail(sliceContext(plane, planes, charged) + reason);
                return;
            } catch (IOException | IllegalStateException e) {
                String reason = "remove.bg answered, but " + key.redact(e.getMessage());
                publishTable(assembler, plane, planes, "FAILED", reason);
                fail(sliceContext(plane, planes, charged) + reason);
                return;
            }
        }
        credits_charged = charged.doubleValue();
        if (!Boolean.FALSE.equals(cutout)) {
            cutout_image = assembler.cutout();
        }
        if (Boolean.TRUE.equals(mask)) {
            mask_image = assembler.mask();
        }
        Roi foreground = null;
        if (Boolean.TRUE.equals(selection)) {
            foreground = assembler.applySelection();
            if (foreground == null) {
                log.warn("remove.bg found no foreground above mask_threshold " + threshold + "; no selection made.");
            }
        }
        if (Boolean.TRUE.equals(add_to_manager) || roi_set_file != null && !roi_set_file.getPath().isBlank()) {
            if (!handOverRois(assembler.foregroundRois())) {
                return;
            }
        }
        if (!publishTable(assembler, planes + 1, planes, null, null)) {
            return;
        }
        if (Boolean.TRUE.equals(foreground_box)) {
            Rectangle box = assembler.applyForegroundBox(foreground == null);
            if (box != null) {
                log.info("Foreground box of " + name + ": x=" + box.x + " y=" + box.y + " width=" + box.width
                        + " height=" + box.height);
            }
        }
        status.showProgress(planes, planes);
        status.showStatus("remove.bg: " + planes + (planes == 1 ? " image" : " slices") + " processed, "
                + charged.toPlainString() + " credits charged");
    }

    /**
     * Adds the selections to the ROI Manager and saves them as a ROI set, as asked.
     *
     * @return false when the command failed
     */
    private boolean handOverRois(List<Roi> rois) {
        if (rois.isEmpty()) {
            log.warn("remove.bg found no foreground above mask_threshold " + threshold() + "; no selection to add.");
        }
        if (Boolean.TRUE.equals(add_to_manager) && !RoiSets.addToManager(imp, rois)) {
            log.warn("There is no ROI Manager headless; use roi_set_file to save the selections as a ROI set.");
        }
        if (roi_set_file != null && !roi_set_file.getPath().isBlank()) {
            try {
                RoiSets.save(rois, roi_set_file.toPath());
                log.info("Saved " + rois.size() + " selections to " + roi_set_file);
            } catch (IOException e) {
                fail("Could not save the ROI set to " + roi_set_file + ": " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /**
     * Builds the results table from the slices processed, plus a row for the slice that ended the run (and the
     * slices after it, not run), shows it in Fiji and saves it to {@code results_file} when given.
     *
     * @return false when saving failed (the command then failed)
     */
    private boolean publishTable(ResultAssembler assembler, int stoppedAt, int planes, String outcome,
            String message) {
        List<Measurement> rows = new ArrayList<>(assembler.measurements());
        String title = imp.getTitle() == null ? "image" : imp.getTitle();
        for (int plane = stoppedAt; plane <= planes; plane++) {
            rows.add(Measurement.withoutResult(title, planes > 1 ? plane : 0,
                    plane == stoppedAt ? outcome : "NOT_RUN", 0, plane == stoppedAt ? message : "not run"));
        }
        resultsTable = ResultsTables.toTable(rows);
        ResultsTables.show(resultsTable);
        if (results_file != null && !results_file.getPath().isBlank()) {
            try {
                ResultsTables.saveCsv(resultsTable, results_file.toPath());
            } catch (IOException e) {
                fail("Could not save the results table to " + results_file + ": " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /** For a stack, which slice failed and what the slices before it cost (they were charged, but are dropped). */
    private static String sliceContext(int plane, int planes, BigDecimal charged) {
        if (planes == 1) {
            return "";
        }
        return "Slice " + plane + " of " + planes + " (the " + (plane - 1) + " before it cost "
                + charged.toPlainString() + " credits): ";
    }

    /** The options, with the input's rectangular selection as {@code roi} when no roi was given. */
    private RemoveBgOptions optionsWithSelectionAsRoi() {
        Map<String, String> parameters = apiParameters();
        if (!parameters.containsKey("roi")) {
            selectionAsRoi().ifPresent(value -> parameters.put("roi", value));
        }
        return RemoveBgOptions.fromParameters(parameters);
    }

    /** A rectangular selection as the API's {@code roi} ({@code x1 y1 x2 y2} in pixels), if there is one. */
    private Optional<String> selectionAsRoi() {
        Roi selection = imp.getRoi();
        if (selection == null || selection.getType() != Roi.RECTANGLE) {
            return Optional.empty();
        }
        Rectangle r = selection.getBounds().intersection(new Rectangle(0, 0, imp.getWidth(), imp.getHeight()));
        if (r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%dpx %dpx %dpx %dpx", r.x, r.y, r.x + r.width,
                r.y + r.height));
    }

    private static String unalignedReason(RemoveBgOptions options) {
        if (options.crop().orElse(false)) {
            return "crop";
        }
        if (options.scale().filter(s -> !"original".equals(s.wireValue())).isPresent()) {
            return "scale";
        }
        if (options.position().filter(p -> !"original".equals(p.wireValue())).isPresent()) {
            return "position";
        }
        return null;
    }

    private boolean stopRequested() {
        return isCanceled() || Thread.currentThread().isInterrupted() || IJ.escapePressed();
    }

}
