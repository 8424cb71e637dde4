package io.jenkins.plugins.removebg;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.github.removebgsuite.common.batch.BatchEngine;
import io.github.removebgsuite.common.batch.BatchItem;
import io.github.removebgsuite.common.batch.BatchJob;
import io.github.removebgsuite.common.batch.BatchListener;
import io.github.removebgsuite.common.batch.BatchReport;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import jenkins.MasterToSlaveFileCallable;

/**
 * The step's work, run on the node that holds the workspace: globbing, reading the images, calling remove.bg and
 * writing the results all happen there, so images never travel through the controller.
 *
 * <p>It carries only serialisable values: the expanded settings, the key as a {@link Secret} and the build's
 * listener (which remoting forwards to the controller's log).
 */
final class RemoveBackgroundCallable extends MasterToSlaveFileCallable<BatchSummary> {
    private static final long serialVersionUID = 1L;

    /** The report's file name in the output folder when no report file is configured. */
    static final String DEFAULT_REPORT_NAME = "removebg-report.json";
    static final String LOG_PREFIX = "[removebg] ";

    private final StepSettings settings;
    private final Secret apiKey;
    private final TaskListener listener;
    private final String userAgent;
    private final boolean failOnError;

    RemoveBackgroundCallable(StepSettings settings, Secret apiKey, TaskListener listener, String userAgent,
            boolean failOnError) {
        this.settings = settings;
        this.apiKey = apiKey;
        this.listener = listener;
        this.userAgent = userAgent;
        this.failOnError = failOnError;
    }

    @Override
    public BatchSummary invoke(File ws, VirtualChannel channel) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        Path workspace = ws.toPath().toAbsolutePath().normalize();
        Path outputDir = WorkspacePaths.resolveInside(workspace, settings.outputDir, "outputDir");
        Path report = settings.reportFile == null ? outputDir.resolve(DEFAULT_REPORT_NAME)
                : WorkspacePaths.resolveInside(workspace, settings.reportFile, "reportFile");
        RemoveBgOptions options = options(workspace);
        for (String warning : options.warnings()) {
            log.println(LOG_PREFIX + "Warning: " + mask(warning));
        }

        BatchJob.Builder job = BatchJob.builder()
                .baseDirectory(workspace)
                .includes(settings.includes)
                .excludes(settings.excludes)
                .outputDirectory(outputDir)
                .options(options)
                .composeZipToPng(settings.composeZipToPng)
                .dryRun(settings.dryRun)
                .reprocess(settings.reprocess)
                .continueOnError(!failOnError)
                .reportFile(report)
                .listener(new LogListener(log, workspace));
        if (settings.concurrency > 0) {
            job.concurrency(settings.concurrency);
        }
        if (settings.maxCredits != null) {
            job.maxCredits(settings.maxCredits);
        }
        if (settings.maxImages > 0) {
            job.maxImages(settings.maxImages);
        }
        // An abort interrupts this thread, which the engine takes as a graceful stop: the images in flight are saved.

        BatchReport result;
        try (RemoveBgClient client = newClient()) {
            result = new BatchEngine(client).run(job.build());
        } catch (RemoveBgException e) {
            // A bad parameter or an unreadable manifest: nothing was processed.
            throw new AbortException("remove.bg: " + mask(e.getMessage()));
        } catch (UncheckedIOException e) {
            // The report could not be written; the images themselves are done and recorded in the manifest.
            throw e.getCause();
        }
        if (result.items().isEmpty()) {
            log.println(LOG_PREFIX + "Warning: no file matched " + String.join(", ", settings.includes)
                    + " in the workspace; check the includes pattern.");
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("remove.bg: the build was aborted; " + result.processed()
                    + " images were finished before it stopped");
        }
        return new BatchSummary(result, workspace, report);
    }

    /** The options, with {@code bg_image_file} resolved inside the workspace, checked by the core. */
    private RemoveBgOptions options(Path workspace) throws IOException {
        Map<String, String> parameters = new TreeMap<>(settings.apiParameters);
        String bgImage = parameters.get(StepSettings.BG_IMAGE_FILE);
        if (bgImage != null) {
            parameters.put(StepSettings.BG_IMAGE_FILE,
                    WorkspacePaths.resolveInside(workspace, bgImage, "bgImageFile").toString());
        }
        try {
            return RemoveBgOptions.fromParameters(parameters);
        } catch (InvalidParameterException e) {
            throw new AbortException("remove.bg: " + mask(e.getMessage()));
        }
    }

    private RemoveBgClient newClient() {
        RemoveBgClient.Builder client = RemoveBgClient.builder()
                .apiKey(apiKey.getPlainText())
                .baseUrl(settings.apiUrl)
                .userAgent(userAgent);
        if (settings.timeoutSeconds > 0) {
            client.readTimeout(Duration.ofSeconds(settings.timeoutSeconds));
        }
        return client.build();
    }

    /** Masks the key should any message ever contain it (the core promises it never does; this is a second belt). */
    private String mask(String text) {
        String key = apiKey.getPlainText();
        return text == null || key.length() < 4 ? text : text.replace(key, "****");
    }

    /** Writes one line per finished image to the build log. */
    private final class LogListener implements BatchListener {
        private final PrintStream log;
        private final Path workspace;

        LogListener(PrintStream log, Path workspace) {
            this.log = log;
            this.workspace = workspace;
        }

        @Override
        public void onStart(int total) {
            log.println(LOG_PREFIX + total + (total == 1 ? " image" : " images") + " matched "
                    + String.join(", ", settings.includes)
                    + (settings.excludes.isEmpty() ? "" : " (excluding " + String.join(", ", settings.excludes) + ")")
                    + (settings.dryRun ? "; dry run, nothing is sent" : ""));
        }

        @Override
        public void onItem(BatchItem item, int completed, int total) {
            StringBuilder line = new StringBuilder(LOG_PREFIX).append('(').append(completed).append('/').append(total)
                    .append(") ").append(item.outcome()).append(' ')
                    .append(BatchSummary.relative(workspace, item.input()));
            item.output().ifPresent(p -> line.append(" -> ").append(BatchSummary.relative(workspace, p)));
            if (item.credits().signum() != 0) {
                line.append(", ").append(credits(item.credits()));
            }
            item.message().ifPresent(m -> line.append(": ").append(m));
            log.println(mask(line.toString()));
        }
    }

    static String credits(BigDecimal credits) {
        String n = credits.stripTrailingZeros().toPlainString();
        return n + (credits.compareTo(BigDecimal.ONE) == 0 ? " credit" : " credits");
    }
}
