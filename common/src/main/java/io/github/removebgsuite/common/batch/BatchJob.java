package io.github.removebgsuite.common.batch;

import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a batch does: which images, which parameters, where the results go and the limits it must respect. Immutable
 * and validated by {@link Builder#build()}; run it with {@link BatchEngine#run(BatchJob)}.
 *
 * <pre>{@code
 * BatchJob job = BatchJob.builder()
 *     .baseDirectory(Path.of("assets"))
 *     .includes(List.of("**&#47;*.jpg"))
 *     .outputDirectory(Path.of("build/cutouts"))
 *     .options(RemoveBgOptions.builder().size(Size.FULL).format(Format.ZIP).build())
 *     .maxCredits(new BigDecimal("100"))
 *     .build();
 * }</pre>
 */
public final class BatchJob {
    /** The default number of images in flight at once. */
    public static final int DEFAULT_CONCURRENCY = 4;
    /** The highest accepted concurrency; the API's rate limit makes more pointless. */
    public static final int MAX_CONCURRENCY = 64;
    /** The manifest's file name inside the output folder, unless {@link Builder#manifestFile(Path)} says otherwise. */
    public static final String DEFAULT_MANIFEST_NAME = ".removebg-manifest.json";

    private final Path baseDirectory;
    private final List<String> includes;
    private final List<String> excludes;
    private final List<Path> inputs;
    private final Path outputDirectory;
    private final RemoveBgOptions options;
    private final boolean composeZipToPng;
    private final int concurrency;
    private final BigDecimal maxCredits;
    private final Integer maxImages;
    private final boolean dryRun;
    private final boolean reprocess;
    private final boolean hideFileNames;
    private final boolean continueOnError;
    private final Path manifestFile;
    private final Path reportFile;
    private final BatchListener listener;
    private final StopSignal stopSignal;
    private final Duration lockTimeout;

    private BatchJob(Builder b) {
        this.baseDirectory = b.baseDirectory;
        this.includes = List.copyOf(b.includes);
        this.excludes = List.copyOf(b.excludes);
        this.inputs = b.inputs.stream().map(p -> b.baseDirectory.resolve(p).toAbsolutePath().normalize()).toList();
        this.outputDirectory = b.outputDirectory;
        this.options = b.options;
        this.composeZipToPng = b.composeZipToPng;
        this.concurrency = b.concurrency;
        this.maxCredits = b.maxCredits;
        this.maxImages = b.maxImages;
        this.dryRun = b.dryRun;
        this.reprocess = b.reprocess;
        this.hideFileNames = b.hideFileNames;
        this.continueOnError = b.continueOnError;
        this.manifestFile = b.manifestFile != null ? b.manifestFile
                : b.outputDirectory.resolve(DEFAULT_MANIFEST_NAME);
        this.reportFile = b.reportFile;
        this.listener = b.listener;
        this.stopSignal = b.stopSignal;
        this.lockTimeout = b.lockTimeout;
    }

    /** A new builder with the defaults described on each setter. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this job's settings, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseDirectory = baseDirectory;
        b.includes.addAll(includes);
        b.excludes.addAll(excludes);
        b.inputs.addAll(inputs);
        b.outputDirectory = outputDirectory;
        b.options = options;
        b.composeZipToPng = composeZipToPng;
        b.concurrency = concurrency;
        b.maxCredits = maxCredits;
        b.maxImages = maxImages;
        b.dryRun = dryRun;
        b.reprocess = reprocess;
        b.hideFileNames = hideFileNames;
        b.continueOnError = continueOnError;
        b.manifestFile = manifestFile;
        b.reportFile = reportFile;
        b.listener = listener;
        b.stopSignal = stopSignal;
        b.lockTimeout = lockTimeout;
        return b;
    }

    /** The folder globs and relative inputs resolve against, and below which output paths mirror input paths. */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** Ant-style include patterns, relative to {@link #baseDirectory()} unless absolute. */
    public List<String> includes() {
        return includes;
    }

    /** Ant-style exclude patterns, applied to every input (globs, folder contents and explicit files). */
    public List<String> excludes() {
        return excludes;
    }

    /** Explicit files and folders, absolute. */
    public List<Path> inputs() {
        return inputs;
    }

    /** Where results are written, absolute. */
    public Path outputDirectory() {
        return outputDirectory;
    }

    /** The processing parameters applied to every image. */
    public RemoveBgOptions options() {
        return options;
    }

    /** Whether {@code format=zip} results are written as composed RGBA PNGs rather than as ZIP archives. */
    public boolean composeZipToPng() {
        return composeZipToPng;
    }

    /** The number of images in flight at once. */
    public int concurrency() {
        return concurrency;
    }

    /** The most credits this run may spend, if limited. */
    public Optional<BigDecimal> maxCredits() {
        return Optional.ofNullable(maxCredits);
    }

    /** The most images this run may send to the API, if limited. */
    public Optional<Integer> maxImages() {
        return Optional.ofNullable(maxImages);
    }

    /** Whether this is a dry run: estimate credits, call and write nothing. */
    public boolean dryRun() {
        return dryRun;
    }

    /** Whether images the manifest shows as done are processed again. */
    public boolean reprocess() {
        return reprocess;
    }

    /** Whether each image is uploaded as {@code image.<extension>} instead of under its own file name. */
    public boolean hideFileNames() {
        return hideFileNames;
    }

    /** Whether the batch goes on after an image fails. */
    public boolean continueOnError() {
        return continueOnError;
    }

    /** The manifest file, absolute. */
    public Path manifestFile() {
        return manifestFile;
    }

    /** Where the JSON report is written at the end, if anywhere. */
    public Optional<Path> reportFile() {
        return Optional.ofNullable(reportFile);
    }

    /** The progress listener. */
    public BatchListener listener() {
        return listener;
    }

    /** The signal that stops the batch gracefully (or at once, when asked twice); see {@link StopSignal}. */
    public StopSignal stopSignal() {
        return stopSignal;
    }

    /** How long a run waits for another run holding the output folder; empty waits as long as it takes. */
    public Optional<Duration> lockTimeout() {
        return Optional.ofNullable(lockTimeout);
    }

    @Override
    public String toString() {
        return "BatchJob[baseDirectory=" + baseDirectory + ", inputs=" + inputs.size() + ", includes=" + includes
                + ", excludes=" + excludes + ", outputDirectory=" + outputDirectory + ", concurrency=" + concurrency
                + (maxCredits != null ? ", maxCredits=" + maxCredits.toPlainString() : "")
                + (maxImages != null ? ", maxImages=" + maxImages : "") + (dryRun ? ", dryRun" : "")
                + (reprocess ? ", reprocess" : "") + (hideFileNames ? ", hideFileNames" : "") + "]";
    }

    /** Builds a {@link BatchJob}. Not thread-safe. */
    public static final class Builder {
        private Path baseDirectory = Path.of("").toAbsolutePath();
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private final List<Path> inputs = new ArrayList<>();
        private Path outputDirectory;
        private RemoveBgOptions options;
        private boolean composeZipToPng = true;
        private int concurrency = DEFAULT_CONCURRENCY;
        private BigDecimal maxCredits;
        private Integer maxImages;
        private boolean dryRun;
        private boolean reprocess;
        private boolean hideFileNames;
        private boolean continueOnError = true;
        private Path manifestFile;
        private Path reportFile;
        private BatchListener listener = BatchListener.NONE;
        private StopSignal stopSignal = new StopSignal();
        private Duration lockTimeout;

        private Builder() {
        }

        /**
         * The folder that relative inputs and glob patterns resolve against; outputs mirror the inputs' paths below
         * it (an input outside it keeps only the part below the folder or glob it was found through). Default: the
         * current working folder.
         */
        public Builder baseDirectory(Path baseDirectory) {
            this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory").toAbsolutePath().normalize();
            return this;
        }

        /**
         * Ant-style patterns of images to process ({@code **&#47;*.jpg}, {@code photos/*.png}), relative to the base
         * folder unless absolute; matches are filtered to jpg, jpeg, png and webp files. Replaces earlier includes.
         */
        public Builder includes(List<String> includes) {
            this.includes.clear();
            this.includes.addAll(Objects.requireNonNull(includes, "includes"));
            return this;
        }

        /**
         * Ant-style patterns of inputs to leave out, matched against the path relative to the base folder (or the
         * absolute path of an input outside it); a trailing {@code /} means everything below. Replaces earlier
         * excludes.
         */
        public Builder excludes(List<String> excludes) {
            this.excludes.clear();
            this.excludes.addAll(Objects.requireNonNull(excludes, "excludes"));
            return this;
        }

        /**
         * Explicit inputs: image files (taken whatever their extension), or folders searched recursively for jpg,
         * jpeg, png and webp files. Relative paths resolve against the base folder as it is when {@link #build()}
         * runs. Replaces earlier inputs.
         */
        public Builder inputs(List<Path> inputs) {
            this.inputs.clear();
            this.inputs.addAll(Objects.requireNonNull(inputs, "inputs"));
            return this;
        }

        /** Where results are written (required); created when missing. Never scanned for inputs. */
        public Builder outputDirectory(Path outputDirectory) {
            this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
            return this;
        }

        /** The processing parameters for every image. Default: {@link RemoveBgOptions#defaults()}. */
        public Builder options(RemoveBgOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Whether {@code format=zip} results are composed into RGBA PNGs ({@code .png}) rather than kept as archives
         * ({@code .zip}). Default: true.
         */
        public Builder composeZipToPng(boolean composeZipToPng) {
            this.composeZipToPng = composeZipToPng;
            return this;
        }

        /** How many images are in flight at once, 1 to {@value BatchJob#MAX_CONCURRENCY}. Default: 4. */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /**
         * The most credits this run may spend. Before each call the engine reserves the call's highest possible cost
         * (0.25 for {@code size=preview}, otherwise 1), so the limit holds even with many images in flight. The images
         * it lets through are the first in input order, the same on every run; those over it are reported as not run.
         * Default: no limit.
         */
        public Builder maxCredits(BigDecimal maxCredits) {
            this.maxCredits = Objects.requireNonNull(maxCredits, "maxCredits");
            return this;
        }

        /**
         * The most images this run may send to the API (skipped images do not count): the first in input order, the
         * same on every run. Default: no limit.
         */
        public Builder maxImages(int maxImages) {
            this.maxImages = maxImages;
            return this;
        }

        /**
         * Whether to only list the inputs with the credits each would cost, calling and writing nothing (the report
         * file excepted). Inputs the manifest shows as done are reported as skipped. Default: false.
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * Upload each image as {@code image.<extension>} instead of under its own file name, which can identify a
         * patient, a sample or a customer. Results are still named after the inputs. Default: false.
         */
        public Builder hideFileNames(boolean hideFileNames) {
            this.hideFileNames = hideFileNames;
            return this;
        }

        /** Whether to process images again even when the manifest shows them done. Default: false. */
        public Builder reprocess(boolean reprocess) {
            this.reprocess = reprocess;
            return this;
        }

        /**
         * Whether to go on after an image fails (true) or stop starting new images at the first failure (false).
         * Insufficient credits (402) and authentication failures (403) always stop the batch, since no further image
         * could succeed. Default: true.
         */
        public Builder continueOnError(boolean continueOnError) {
            this.continueOnError = continueOnError;
            return this;
        }

        /**
         * The manifest recording finished images, keyed on each input's SHA-256 and the canonical parameters.
         * Default: {@value BatchJob#DEFAULT_MANIFEST_NAME} in the output folder.
         */
        public Builder manifestFile(Path manifestFile) {
            this.manifestFile = Objects.requireNonNull(manifestFile, "manifestFile");
            return this;
        }

        /** Where to write the JSON report at the end (also after a cancellation or stop). Default: none. */
        public Builder reportFile(Path reportFile) {
            this.reportFile = Objects.requireNonNull(reportFile, "reportFile");
            return this;
        }

        /** Receives progress events. Default: none. */
        public Builder listener(BatchListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The signal a host stops the batch with: after its first {@link StopSignal#requestStop()} no image is
         * started, the calls in flight finish within its grace period and are saved, and the rest are reported as not
         * run; a second request stops at once. Interrupting the thread running the batch requests a stop too.
         * Default: a signal of the job's own with the {@linkplain StopSignal#DEFAULT_GRACE default grace period}.
         */
        public Builder stopSignal(StopSignal stopSignal) {
            this.stopSignal = Objects.requireNonNull(stopSignal, "stopSignal");
            return this;
        }

        /**
         * How long to wait for another run (in this or another process) that holds the output folder, before failing
         * with a message naming it. Default: as long as it takes ({@link BatchListener#onWaitingForLock} is told);
         * {@link Duration#ZERO} refuses at once.
         */
        public Builder lockTimeout(Duration lockTimeout) {
            Objects.requireNonNull(lockTimeout, "lockTimeout");
            if (lockTimeout.isNegative()) {
                throw new InvalidParameterException("lockTimeout", lockTimeout.toString(), "zero or a positive duration");
            }
            this.lockTimeout = lockTimeout;
            return this;
        }

        /**
         * Validates the settings and builds the job.
         *
         * @throws InvalidParameterException naming the setting, when one is out of range or missing
         */
        public BatchJob build() {
            if (outputDirectory == null) {
                throw new InvalidParameterException("outputDirectory", null, "a folder for the results");
            }
            outputDirectory = baseDirectory.resolve(outputDirectory).toAbsolutePath().normalize();
            if (manifestFile != null) {
                manifestFile = baseDirectory.resolve(manifestFile).toAbsolutePath().normalize();
            }
            if (reportFile != null) {
                reportFile = baseDirectory.resolve(reportFile).toAbsolutePath().normalize();
            }
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                throw new InvalidParameterException("concurrency", Integer.toString(concurrency),
                        "a whole number from 1 to " + MAX_CONCURRENCY);
            }
            if (maxCredits != null && maxCredits.signum() < 0) {
                throw new InvalidParameterException("maxCredits", maxCredits.toPlainString(), "a number >= 0");
            }
            if (maxImages != null && maxImages < 0) {
                throw new InvalidParameterException("maxImages", maxImages.toString(), "a whole number >= 0");
            }
            for (String pattern : includes) {
                requirePattern("includes", pattern);
            }
            for (String pattern : excludes) {
                requirePattern("excludes", pattern);
            }
            if (options == null) {
                options = RemoveBgOptions.defaults();
            }
            return new BatchJob(this);
        }

        private static void requirePattern(String name, String pattern) {
            if (pattern == null || pattern.isBlank()) {
                throw new InvalidParameterException(name, pattern, "a non-empty Ant-style pattern such as **/*.jpg");
            }
        }
    }
}
