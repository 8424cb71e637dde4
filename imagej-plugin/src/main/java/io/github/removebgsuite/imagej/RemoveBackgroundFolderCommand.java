package io.github.removebgsuite.imagej;

import ij.IJ;
import io.github.removebgsuite.common.batch.BatchEngine;
import io.github.removebgsuite.common.batch.BatchItem;
import io.github.removebgsuite.common.batch.BatchJob;
import io.github.removebgsuite.common.batch.BatchListener;
import io.github.removebgsuite.common.batch.StopSignal;
import io.github.removebgsuite.common.batch.BatchReport;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import io.github.removebgsuite.imagej.service.ApiKey;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.imagej.measure.ResultsTables;
import io.github.removebgsuite.imagej.measure.RoiSets;
import java.util.HashSet;
import java.util.Set;
import io.github.removebgsuite.imagej.privacy.StrippedInputs;
import ij.measure.ResultsTable;
import java.io.IOException;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * <em>Plugins › remove.bg › Remove Background (Folder)…</em>: removes the backgrounds of every JPG, PNG and WebP
 * image in a folder (recursively) through the suite's batch engine, writing the results below the output folder with
 * the same relative paths.
 *
 * <p>A re-run skips images whose content and parameters are unchanged (a manifest in the output folder), so it spends
 * nothing; {@code max_credits} caps the spending; {@code dry_run} only estimates; each result is written to a
 * temporary file and then moved, so no half-written image is ever left. Every input ends in the report exactly once
 * (done, skipped, failed or not run), written as {@value #REPORT_NAME} in the output folder. Works headless:
 *
 * <pre>
 * fiji --headless --run "Remove Background (Folder)..." "input_dir='/data/in',output_dir='/data/out',size='preview'"
 * </pre>
 */
@Plugin(type = Command.class, headless = true, label = "Remove Background (Folder)...",
        description = "Removes the backgrounds of every image in a folder with remove.bg",
        menu = {@Menu(label = "Plugins"), @Menu(label = "remove.bg", weight = RemoveBgCommand.MENU_WEIGHT),
                @Menu(label = "Remove Background (Folder)...", weight = 2)})
public class RemoveBackgroundFolderCommand extends AbstractRemoveBgCommand {

    /** The name of the JSON report written into the output folder. */
    public static final String REPORT_NAME = "removebg-report.json";
    /** The name of the results table (CSV) written into the output folder. */
    public static final String RESULTS_NAME = "removebg-results.csv";
    /** The name of the ROI set written into the output folder with {@code roi_set}. */
    public static final String ROI_SET_NAME = "removebg-rois.zip";

    private static final Map<String, String> JOB_SETTING_FIELDS = Map.of("outputDirectory", "output_dir",
            "maxCredits", "max_credits", "maxImages", "max_images", "concurrency", "concurrency",
            "includes", "includes", "excludes", "excludes");

    @Parameter(visibility = ItemVisibility.MESSAGE, persist = false, required = false)
    private String header = "<html>Uploads every JPG, PNG and WebP image below the input folder to remove.bg.<br>"
            + "Unchanged images are skipped on a re-run, so they are not charged twice.";

    @Parameter(label = "Input folder", style = FileWidget.DIRECTORY_STYLE, persist = false,
            description = "The folder whose images are processed, including its subfolders.")
    private File input_dir;

    @Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE, persist = false,
            description = "Where the results go (created when missing); never scanned for inputs.")
    private File output_dir;

    @Parameter(label = "Include patterns", persist = false, required = false,
            description = "Ant patterns relative to the input folder, separated by commas (e.g. **/*.png, "
                    + "plates/*.jpg). Empty = every JPG, PNG and WebP image.")
    private String includes;

    @Parameter(label = "Exclude patterns", persist = false, required = false,
            description = "Ant patterns of images to leave out, separated by commas (e.g. **/thumbs/**).")
    private String excludes;

    @Parameter(label = "Credit budget", persist = false, required = false,
            description = "Stop charging once this many credits are spent (e.g. 20 or 7.5); empty = no limit. "
                    + "Images over the budget are reported as not run.")
    private String max_credits;

    @Parameter(label = "Parallel uploads", min = "1", max = "8", persist = false, required = false,
            description = "How many images are processed at once.")
    private Integer concurrency = 2;

    @Parameter(label = "Reprocess unchanged images", persist = false, required = false,
            description = "Process every image again, even when the manifest says it is unchanged (charges again).")
    private Boolean reprocess = Boolean.FALSE;

    @Parameter(label = "Dry run (estimate only)", persist = false, required = false,
            description = "Upload nothing; report the images that would be processed and the credits at most.")
    private Boolean dry_run = Boolean.FALSE;

    @Parameter(label = "Mask threshold", min = "1", max = "255", persist = false, required = false,
            description = "The alpha (1-255) from which a pixel counts as foreground in the results table's box "
                    + "and area.")
    private Integer mask_threshold = RemoveBackgroundCommand.DEFAULT_THRESHOLD;

    @Parameter(label = "Masks (8-bit)", persist = false, required = false,
            description = "Also write each result's binary mask next to it as <name>-mask.png (255 = foreground "
                    + "where the alpha reaches mask_threshold, 0 = background), ready for Analyze Particles.")
    private Boolean mask = Boolean.FALSE;

    @Parameter(label = "Save selections as ROI set", persist = false, required = false,
            description = "Also save every result's foreground selection, named after its file, as "
                    + RemoveBackgroundFolderCommand.ROI_SET_NAME + " in the output folder (the ROI Manager opens it).")
    private Boolean roi_set = Boolean.FALSE;

    @Parameter(label = "Strip identifying metadata", persist = false, required = false,
            description = "Upload copies without EXIF (camera, GPS, dates), XMP, IPTC, comments and text chunks; "
                    + "orientation and colour profile are kept. Each file is sent as image.<extension>, not under its "
                    + "own name.")
    private Boolean strip_metadata = Boolean.FALSE;

    @Parameter(type = ItemIO.OUTPUT, label = "Processed", required = false)
    private Integer processed;

    @Parameter(type = ItemIO.OUTPUT, label = "Skipped (unchanged)", required = false)
    private Integer skipped;

    @Parameter(type = ItemIO.OUTPUT, label = "Failed", required = false)
    private Integer failed;

    @Parameter(type = ItemIO.OUTPUT, label = "Not run", required = false)
    private Integer not_run;

    @Parameter(type = ItemIO.OUTPUT, label = "Credits spent", required = false)
    private Double credits_spent;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary", required = false)
    private String summary;

    @Parameter(type = ItemIO.OUTPUT, label = "Results table", required = false)
    private File results_csv;

    private ResultsTable resultsTable;

    /**
     * The results table of the last run (one row per input), for scripts that run the command through the
     * {@code CommandService}; null before a run. It is also saved as {@value #RESULTS_NAME} in the output folder
     * and, in Fiji, shown as the "{@value ResultsTables#TITLE}" window.
     */
    public ResultsTable resultsTable() {
        return resultsTable;
    }

    @Override
    protected void execute() {
        boolean dryRun = Boolean.TRUE.equals(dry_run);
        BatchJob job;
        try {
            if (input_dir == null || !input_dir.isDirectory()) {
                throw new InvalidParameterException("input_dir", input_dir == null ? null : input_dir.getPath(),
                        "an existing folder");
            }
            if (output_dir == null || output_dir.getPath().isBlank()) {
                throw new InvalidParameterException("output_dir", null, "a folder for the results");
            }
            int threshold = threshold();
            if (threshold < 1 || threshold > 255) {
                throw new InvalidParameterException("mask_threshold", Integer.toString(threshold), "1 to 255");
            }
            job = job(options(), dryRun, inputRoot());
        } catch (InvalidParameterException e) {
            fail(e, null);
            return;
        }
        for (String warning : job.options().warnings()) {
            log.warn(warning);
        }
        Optional<ApiKey> key = apiKeyOrCancel();
        if (key.isEmpty() || (!dryRun && !uploadAllowed())) {
            return;
        }
        RemoveBgClient client;
        try {
            client = removeBg.client(key.get());
        } catch (InvalidParameterException e) {
            fail(e, key.get());
            return;
        }
        if (Boolean.TRUE.equals(strip_metadata) && !dryRun) {
            try (StrippedInputs staged = StrippedInputs.stage(inputRoot(), outputRoot())) {
                uploads = staged;
                run(client, rebase(job, staged.root()), key.get());
            } catch (IOException e) {
                fail("Could not make the metadata-free copies of " + input_dir + ": " + e.getMessage());
            } finally {
                uploads = null;
            }
        } else {
            run(client, job, key.get());
        }
    }

    private void run(RemoveBgClient client, BatchJob job, ApiKey key) {
        BatchReport report;
        IJ.resetEscape();
        try (EscapeWatch watch = new EscapeWatch(stopSignal, this::isCanceled, this::report)) {
            report = new BatchEngine(client).run(job);
            // a stop asked for after the last image started changes nothing
            userStopped = watch.stopped() && report.stopReason().isPresent();
        } catch (RemoveBgException e) {
            fail(e, key);
            return;
        }
        show(report, key, job.reportFile().orElse(null));
    }

    /** The same job with the inputs read from {@code root} (the metadata-free copies). */
    private BatchJob rebase(BatchJob job, Path root) {
        BatchJob.Builder builder = job.toBuilder().baseDirectory(root);
        if (job.includes().isEmpty()) {
            builder.inputs(List.of(root));
        }
        return builder.build();
    }

    private Path inputRoot() {
        return input_dir.toPath().toAbsolutePath().normalize();
    }

    private Path outputRoot() {
        return output_dir.toPath().toAbsolutePath().normalize();
    }

    private int threshold() {
        return mask_threshold == null ? RemoveBackgroundCommand.DEFAULT_THRESHOLD : mask_threshold;
    }

    private BatchJob job(RemoveBgOptions options, boolean dryRun, Path input) {
        Path output = outputRoot();
        BatchJob.Builder builder = BatchJob.builder()
                .baseDirectory(input)
                .outputDirectory(output)
                .options(options)
                .composeZipToPng(true)
                .concurrency(concurrency == null ? 2 : concurrency)
                .dryRun(dryRun)
                .reprocess(Boolean.TRUE.equals(reprocess))
                .hideFileNames(Boolean.TRUE.equals(strip_metadata))
                .continueOnError(true)
                .reportFile(output.resolve(REPORT_NAME))
                .listener(new ProgressListener())
                .stopSignal(stopSignal);
        List<String> includePatterns = patterns(includes);
        if (includePatterns.isEmpty()) {
            builder.inputs(List.of(input));
        } else {
            builder.includes(includePatterns);
        }
        builder.excludes(patterns(excludes));
        if (max_credits != null && !max_credits.isBlank()) {
            try {
                builder.maxCredits(new BigDecimal(max_credits.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("max_credits", max_credits,
                        "a number of credits such as 20 or 7.5");
            }
        }
        try {
            return builder.build();
        } catch (InvalidParameterException e) {
            String field = JOB_SETTING_FIELDS.get(e.parameter());
            throw field == null ? e : new InvalidParameterException(field, e.value(), e.allowed());
        }
    }

    private void show(BatchReport report, ApiKey key, Path reportFile) {
        processed = report.processed();
        skipped = report.skipped();
        failed = report.failed();
        not_run = report.notRun();
        credits_spent = report.creditsSpent().doubleValue();
        if (!report.possiblyCharged().isEmpty()) {
            log.warn("An earlier run on " + output_dir + " was interrupted while these images were being "
                    + "processed; remove.bg may have charged for them: " + report.possiblyCharged().stream()
                    .map(this::relative).toList());
        }
        for (BatchItem item : report.items()) {
            if (item.outcome() == BatchItem.Outcome.FAILED) {
                log.error(key.redact(relative(item.input()) + ": " + item.message().orElse("failed")));
            } else if (item.outcome() == BatchItem.Outcome.NOT_RUN) {
                log.warn(key.redact(relative(item.input()) + ": " + item.message().orElse("not run")));
            }
        }
        StringBuilder text = new StringBuilder("remove.bg: ");
        if (report.dryRun()) {
            text.append(report.items().size()).append(" images would be processed for at most ")
                    .append(report.estimatedCredits().toPlainString()).append(" credits");
        } else {
            text.append(processed).append(" done, ").append(skipped).append(" skipped (unchanged), ")
                    .append(failed).append(" failed, ").append(not_run).append(" not run; ")
                    .append(report.creditsSpent().toPlainString()).append(" credits spent");
        }
        if (reportFile != null && Files.exists(reportFile)) {
            text.append(". Report: ").append(reportFile);
        }
        summary = key.redact(text.toString());
        publishTable(report, key);
        if (userStopped) {
            fail(summary + ". Stopped on request: the images in flight were finished and saved; the rest were not "
                    + "run.");
            return;
        }
        if (report.stopReason().isPresent()) {
            fail(summary + ". Stopped: " + key.redact(report.stopReason().get()));
            return;
        }
        if (failed > 0) {
            log.warn(summary);
        } else {
            log.info(summary);
        }
        status.showStatus(summary);
    }

    /** The results table, shown in Fiji and saved as CSV in the output folder. */
    private void publishTable(BatchReport report, ApiKey key) {
        Set<Path> outputs = new HashSet<>();
        report.items().forEach(item -> item.output().ifPresent(p -> outputs.add(p.toAbsolutePath().normalize())));
        FolderMeasurements measure = new FolderMeasurements(threshold(), this::relative, log,
                Boolean.TRUE.equals(mask), outputs);
        resultsTable = ResultsTables.toTable(report.items().stream().map(item -> measure.of(item, key)).toList());
        if (Boolean.TRUE.equals(roi_set)) {
            Path rois = outputRoot().resolve(ROI_SET_NAME);
            try {
                RoiSets.save(measure.rois(), rois);
            } catch (IOException e) {
                log.warn("Could not save the ROI set " + rois + ": " + e.getMessage());
            }
        }
        ResultsTables.show(resultsTable);
        Path csv = outputRoot().resolve(RESULTS_NAME);
        try {
            ResultsTables.saveCsv(resultsTable, csv);
            results_csv = csv.toFile();
        } catch (IOException e) {
            log.warn("Could not save the results table " + csv + ": " + e.getMessage());
        }
    }

    /** An input's path relative to the input folder (also for a metadata-free copy's path). */
    private String relative(Path file) {
        StrippedInputs staged = uploads;
        Path original = staged == null ? file : staged.original(file);
        Path base = inputRoot();
        return original.startsWith(base) ? base.relativize(original).toString() : original.toString();
    }

    private static List<String> patterns(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Esc or a cancelled command stops the batch gracefully: the images in flight finish and are saved. */
    private final StopSignal stopSignal = new StopSignal();
    private volatile boolean userStopped;
    private volatile StrippedInputs uploads;

    /** Shows progress on the status bar; the engine calls it from one thread at a time. */
    private final class ProgressListener implements BatchListener {
        @Override
        public void onStart(int total) {
            status.showStatus(0, total, "remove.bg: " + total + " images");
        }

        @Override
        public void onWaitingForLock(Path lockFile) {
            report("remove.bg: another run is writing to " + output_dir + "; waiting for it to finish.");
        }

        @Override
        public void onItem(BatchItem item, int completed, int total) {
            status.showStatus(completed, total, "remove.bg: " + relative(item.input()) + " "
                    + item.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
    }
}
