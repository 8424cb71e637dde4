package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.batch.BatchEngine;
import io.github.removebgsuite.common.batch.BatchItem;
import io.github.removebgsuite.common.batch.BatchJob;
import io.github.removebgsuite.common.batch.BatchReport;
import io.github.removebgsuite.common.batch.StopSignal;
import io.github.removebgsuite.common.cache.ResultCache;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code removebg remove}: removes the backgrounds of files, folders and Ant-style globs, mirroring their folder
 * structure into the output folder. Unchanged images (same content, same parameters) are skipped by a manifest, so a
 * re-run spends no credits.
 */
@Command(name = "remove", mixinStandardHelpOptions = true, sortOptions = false, footer = ExitCode.HELP_FOOTER,
        description = {"Remove the backgrounds of images: files, folders (searched recursively for jpg, png, webp) "
                + "and Ant-style globs such as 'assets/**/*.jpg'.",
                "Images already done with the same parameters are skipped (see --reprocess)."})
final class RemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Image files, folders or Ant-style globs (relative to the current folder).")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR",
            description = "Resolve inputs and globs in DIR instead of the current folder; outputs mirror paths below it.")
    Path directory;

    @Option(names = {"-o", "--output-directory"}, paramLabel = "DIR", defaultValue = "removebg-output",
            description = "Where results go, mirroring the inputs' folders (default: ${DEFAULT-VALUE}).")
    Path outputDirectory;

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Ant-style pattern of inputs to leave out (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--reprocess", description = "Process every image again, even if unchanged since the last run.")
    boolean reprocess;

    @Option(names = "--dry-run", description = "List the images and the credits they would cost; call nothing.")
    boolean dryRun;

    @Option(names = "--max-credits", paramLabel = "CREDITS",
            description = "Stop before spending more than this many credits (the first images in input order go).")
    BigDecimal maxCredits;

    @Option(names = "--max-images", paramLabel = "N",
            description = "Send at most N images: the first N in input order that are not already done.")
    Integer maxImages;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Images in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--keep-zip", description = "Write format=zip results as .zip instead of composing them to PNG.")
    boolean keepZip;

    @Option(names = "--fail-fast", description = "Stop at the first failed image instead of going on.")
    boolean failFast;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of every input and its outcome.")
    Path report;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary, failures and warnings.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Also print a line per unchanged (skipped) image and what the run found before starting.")
    boolean verbose;

    @Option(names = "--json", description = "Print results for scripts on standard output: one JSON object per "
            + "image (input, outcome, credits, output, message) in input order, then one with the summary. Progress "
            + "and warnings stay on standard error.")
    boolean json;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SafetyOptions safety;

    @Mixin
    ApiParameterOptions parameters;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (concurrency < 1) {
            throw new InvalidParameterException("--concurrency", Integer.toString(concurrency), "a whole number >= 1");
        }
        RemoveBgOptions options = parameters.toOptions();
        options.warnings().forEach(w -> err.println("warning: " + w));

        Path base = (directory == null ? Path.of("") : directory).toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>();
        List<String> globs = new ArrayList<>();
        for (String input : inputs) {
            if (input.indexOf('*') >= 0 || input.indexOf('?') >= 0) {
                globs.add(input);
            } else {
                Path path = base.resolve(input).normalize();
                if (!Files.exists(path)) {
                    throw new InvalidParameterException("INPUT", input, "an existing file, folder or a glob");
                }
                paths.add(path);
            }
        }

        if (quiet && verbose) {
            throw new InvalidParameterException("--verbose", "with --quiet", "one of --quiet and --verbose");
        }
        ProgressPrinter.Verbosity verbosity = quiet ? ProgressPrinter.Verbosity.QUIET
                : verbose ? ProgressPrinter.Verbosity.VERBOSE : ProgressPrinter.Verbosity.NORMAL;
        StopSignal stop = safety.stopSignal();
        java.util.Optional<java.time.Duration> lockTimeout = safety.lockTimeout();
        java.util.Optional<ResultCache> cache = safety.openCache();
        try (ConnectionOptions.Connection conn = connection.connect(err, cache.orElse(null));
                StopOnSignals signals = new StopOnSignals(stop, err)) {
            if (verbosity == ProgressPrinter.Verbosity.VERBOSE) {
                err.println("output folder: " + base.resolve(outputDirectory).normalize());
                err.println("result cache: " + cache.map(c -> c.directory().toString()).orElse("none"));
            }
            ProgressPrinter progress = new ProgressPrinter(err, verbosity, System.console() != null);
            BatchJob.Builder job = BatchJob.builder()
                    .baseDirectory(base)
                    .inputs(paths)
                    .includes(globs)
                    .excludes(excludes)
                    .outputDirectory(base.resolve(outputDirectory))
                    .options(options)
                    .composeZipToPng(!keepZip)
                    .concurrency(concurrency)
                    .dryRun(dryRun)
                    .reprocess(reprocess)
                    .continueOnError(!failFast)
                    .stopSignal(stop)
                    .listener(progress);
            lockTimeout.ifPresent(job::lockTimeout);
            if (maxCredits != null) {
                job.maxCredits(maxCredits);
            }
            if (maxImages != null) {
                job.maxImages(maxImages);
            }
            if (report != null) {
                job.reportFile(base.resolve(report));
            }
            BatchReport result = new BatchEngine(conn.client()).run(job.build());
            if (json) {
                result.items().forEach(item -> out.println(BatchReport.itemJson(item)));
                out.println(result.summaryJson());
            } else {
                out.println(summary(result));
            }
            out.flush();
            if (signals.exitCode().isPresent()) {
                return signals.exitCode().getAsInt();
            }
            boolean clean = result.items().stream().allMatch(i -> i.outcome() == BatchItem.Outcome.DONE
                    || i.outcome() == BatchItem.Outcome.SKIPPED || i.outcome() == BatchItem.Outcome.CACHED
                    || i.outcome() == BatchItem.Outcome.ESTIMATED);
            return clean ? ExitCode.OK : ExitCode.PARTIAL_FAILURE;
        }
    }

    static String summary(BatchReport report) {
        long notRun = report.items().stream().filter(i -> i.outcome() == BatchItem.Outcome.NOT_RUN).count();
        long estimated = report.items().stream().filter(i -> i.outcome() == BatchItem.Outcome.ESTIMATED).count();
        StringBuilder s = new StringBuilder();
        if (estimated > 0) {
            s.append("Dry run: ").append(estimated).append(estimated == 1 ? " image" : " images")
                    .append(" would cost about ").append(ProgressPrinter.credits(report.estimatedCredits()))
                    .append("; ");
        }
        s.append("processed ").append(report.processed())
                .append(", skipped ").append(report.skipped())
                .append(", failed ").append(report.failed())
                .append(", from cache ").append(report.cached());
        if (notRun > 0) {
            s.append(", not run ").append(notRun);
        }
        s.append("; credits spent ").append(report.creditsSpent().stripTrailingZeros().toPlainString()).append('.');
        report.stopReason().ifPresent(reason -> s.append(reason.equals("stopped")
                ? " Stopped: run the same command again to do the rest; what is done is not paid for again."
                : " Stopped early: " + reason + "."));
        return s.toString();
    }
}
