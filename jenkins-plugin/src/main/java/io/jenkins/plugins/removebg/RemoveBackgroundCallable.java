package io.jenkins.plugins.removebg;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.github.removebgsuite.common.batch.BatchEngine;
import io.github.removebgsuite.common.batch.BatchItem;
import io.github.removebgsuite.common.batch.BatchJob;
import io.github.removebgsuite.common.batch.BatchListener;
import io.github.removebgsuite.common.batch.BatchReport;
import io.github.removebgsuite.common.batch.StopSignal;
import io.github.removebgsuite.common.cache.ResultCache;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import io.github.removebgsuite.common.retry.RetryPolicy;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
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

        AtomicBoolean waitingForLock = new AtomicBoolean();
        StopSignal stop = new StopSignal(settings.stopGraceSeconds > 0
                ? Duration.ofSeconds(settings.stopGraceSeconds) : StopSignal.DEFAULT_GRACE);
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
                .stopSignal(stop)
                .listener(new LogListener(log, workspace, waitingForLock));
        if (settings.concurrency > 0) {
            job.concurrency(settings.concurrency);
        }
        if (settings.maxCredits != null) {
            job.maxCredits(settings.maxCredits);
        }
        if (settings.maxImages > 0) {
            job.maxImages(settings.maxImages);
        }
        ResultCache cache = cache(workspace, log);

        BatchReport result;
        boolean aborted;
        try (RemoveBgClient client = newClient(cache)) {
            BatchRun batch = new BatchRun(new BatchEngine(client), job.build(), stop, log, waitingForLock);
            result = batch.await();
            aborted = batch.aborted();
        } catch (RemoveBgException e) {
            // A bad parameter, an unreadable manifest or a folder another run holds: nothing was processed.
            throw new AbortException("remove.bg: " + mask(e.getMessage()));
        } catch (UncheckedIOException e) {
            // The report could not be written; the images themselves are done and recorded in the manifest.
            throw e.getCause();
        }
        if (result.items().isEmpty()) {
            log.println(LOG_PREFIX + "Warning: no file matched " + String.join(", ", settings.includes)
                    + " in the workspace; check the includes pattern.");
        }
        if (aborted) {
            logAborted(log, result, workspace);
        }
        return new BatchSummary(result, workspace, report, aborted);
    }

    /** Says in the log what an abort left undone. */
    private void logAborted(PrintStream log, BatchReport result, Path workspace) {
        List<String> notRun = result.items().stream().filter(i -> i.outcome() == BatchItem.Outcome.NOT_RUN)
                .map(i -> BatchSummary.relative(workspace, i.input())).toList();
        log.println(LOG_PREFIX + "Aborted: " + result.processed() + " finished and saved, " + notRun.size()
                + " not run" + (notRun.isEmpty() ? "." : ": " + String.join(", ", notRun)
                + " (the next build processes them)."));
    }

    /** The shared result cache, or null when none is configured. */
    @CheckForNull
    private ResultCache cache(Path workspace, PrintStream log) throws IOException {
        if (settings.cacheDir == null) {
            return null;
        }
        Path dir = FormChecks.isAbsolute(settings.cacheDir) ? Path.of(settings.cacheDir).normalize()
                : WorkspacePaths.resolveInside(workspace, settings.cacheDir, "cacheDir");
        ResultCache.Builder cache = ResultCache.builder().directory(dir);
        if (settings.cacheMaxBytes > 0) {
            cache.maxBytes(settings.cacheMaxBytes);
        }
        try {
            ResultCache built = cache.build();
            log.println(LOG_PREFIX + "Result cache: " + dir + " (a result paid for once is reused at no cost)");
            return built;
        } catch (RuntimeException e) {
            throw new AbortException("remove.bg: cacheDir '" + settings.cacheDir + "' cannot be used: "
                    + mask(e.getMessage()));
        }
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

    private RemoveBgClient newClient(@CheckForNull ResultCache cache) {
        RemoveBgClient.Builder client = RemoveBgClient.builder()
                .apiKey(apiKey.getPlainText())
                .baseUrl(settings.apiUrl)
                .userAgent(userAgent)
                .rateLimiter(RateLimiters.shared(apiKey, settings.apiUrl, settings.megapixelsPerMinute));
        if (settings.timeoutSeconds > 0) {
            client.readTimeout(Duration.ofSeconds(settings.timeoutSeconds));
        }
        if (settings.connectTimeoutSeconds > 0) {
            client.connectTimeout(Duration.ofSeconds(settings.connectTimeoutSeconds));
        }
        if (settings.maxAttempts > 0 || settings.maxRateLimitWaitSeconds > 0) {
            RetryPolicy.Builder retry = RetryPolicy.defaults().toBuilder();
            if (settings.maxAttempts > 0) {
                retry.maxAttempts(settings.maxAttempts);
            }
            if (settings.maxRateLimitWaitSeconds > 0) {
                retry.maxRateLimitWait(Duration.ofSeconds(settings.maxRateLimitWaitSeconds));
            }
            client.retryPolicy(retry.build());
        }
        if (cache != null) {
            client.resultCache(cache);
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
        private final AtomicBoolean waitingForLock;

        LogListener(PrintStream log, Path workspace, AtomicBoolean waitingForLock) {
            this.log = log;
            this.workspace = workspace;
            this.waitingForLock = waitingForLock;
        }

        @Override
        public void onStart(int total) {
            waitingForLock.set(false);
            log.println(LOG_PREFIX + total + (total == 1 ? " image" : " images") + " matched "
                    + String.join(", ", settings.includes)
                    + (settings.excludes.isEmpty() ? "" : " (excluding " + String.join(", ", settings.excludes) + ")")
                    + (settings.dryRun ? "; dry run, nothing is sent" : ""));
        }

        @Override
        public void onPossiblyCharged(List<Path> inputs) {
            log.println(LOG_PREFIX + "Warning: an earlier build on this output folder was interrupted while "
                    + inputs.size() + (inputs.size() == 1 ? " call was" : " calls were")
                    + " in flight; remove.bg may have charged for them without the results being saved: "
                    + inputs.stream().map(p -> BatchSummary.relative(workspace, p)).collect(Collectors.joining(", "))
                    + ". They are processed again.");
        }

        @Override
        public void onWaitingForLock(Path lockFile) {
            waitingForLock.set(true);
            log.println(LOG_PREFIX + "Another build is writing to " + BatchSummary.relative(workspace,
                    lockFile.getParent()) + "; waiting for it to finish.");
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
