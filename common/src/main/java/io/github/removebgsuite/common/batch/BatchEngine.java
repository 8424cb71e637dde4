package io.github.removebgsuite.common.batch;

import io.github.removebgsuite.common.batch.BatchItem.Outcome;
import io.github.removebgsuite.common.batch.InputScanner.Input;
import io.github.removebgsuite.common.cache.ResultKey;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.client.RemoveBgResult;
import io.github.removebgsuite.common.client.ResultFormat;
import io.github.removebgsuite.common.compose.ZipComposer;
import io.github.removebgsuite.common.error.ApiConnectionException;
import io.github.removebgsuite.common.error.ApiException;
import io.github.removebgsuite.common.error.AuthenticationException;
import io.github.removebgsuite.common.error.InsufficientCreditsException;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.error.UnexpectedResponseException;
import io.github.removebgsuite.common.files.AtomicFiles;
import io.github.removebgsuite.common.request.ImageSource;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@link BatchJob}s on a {@link RemoveBgClient}: resolves the inputs, skips what the manifest shows as done,
 * keeps to the budget, calls the API with bounded concurrency and writes every result atomically below the output
 * folder.
 *
 * <p>Rate limiting is the client's: its {@code MegapixelRateLimiter} prices each call by the input's megapixels and is
 * re-synchronised from every response's {@code X-RateLimit-*} headers, so several engines (or processes) sharing one
 * API key slow down together instead of drawing 429s; share one client between engines in the same JVM. Retries are
 * the client's {@code RetryPolicy}'s. An engine holds no state between runs and may run several jobs at once.
 */
public final class BatchEngine {
    private static final System.Logger LOG = System.getLogger(BatchEngine.class.getName());
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final RemoveBgClient client;
    private final ZipComposer composer;

    /** An engine calling the API through the given client (which the engine does not close). */
    public BatchEngine(RemoveBgClient client) {
        this(client, new ZipComposer());
    }

    /** An engine using the given composer for {@code format=zip} results (to set its deflate level or threads). */
    public BatchEngine(RemoveBgClient client, ZipComposer composer) {
        this.client = Objects.requireNonNull(client, "client");
        this.composer = Objects.requireNonNull(composer, "composer");
    }

    /**
     * Runs a job to its end and returns the report, which lists every input exactly once. Failures of single images
     * are reported, not thrown. The job's {@link StopSignal} stops it gracefully; interrupting the calling thread
     * requests such a stop too (the interrupt flag is set again on return).
     *
     * <p>Unless it is a dry run, the run holds the output folder's lock throughout (waiting for another run that holds
     * it), and journals every call before it is sent, so that a run after a crash can name what may have been charged.
     *
     * @throws io.github.removebgsuite.common.error.RemoveBgException when the manifest exists but cannot be read, or
     *     the output folder's lock cannot be had
     * @throws UncheckedIOException when the report file cannot be written
     */
    public BatchReport run(BatchJob job) {
        Objects.requireNonNull(job, "job");
        return new Run(job).execute();
    }

    /** The state of one run. */
    private final class Run {
        private final BatchJob job;
        private final Map<String, String> formFields;
        private final BigDecimal estimate;
        private final boolean zipRequested;
        private final CreditBudget budget;
        private final StopSignal signal;
        private final InFlightCalls calls;
        private Manifest manifest;
        private final AtomicReference<String> stop = new AtomicReference<>();
        private final Map<String, CompletableFuture<Leader>> leaders = new ConcurrentHashMap<>();
        private final Object listenerLock = new Object();
        private int completed;
        private int total;
        private String backgroundSha256;

        Run(BatchJob job) {
            this.job = job;
            RemoveBgOptions options = job.options();
            this.formFields = options.formFields();
            this.estimate = CreditBudget.estimate(formFields);
            this.zipRequested = "zip".equalsIgnoreCase(formFields.get("format"));
            this.budget = new CreditBudget(job.maxCredits().orElse(null), job.maxImages().orElse(null));
            this.signal = job.stopSignal();
            this.calls = new InFlightCalls(signal);
        }

        BatchReport execute() {
            if (job.dryRun()) {
                // A dry run writes nothing, so it needs no lock and never waits.
                manifest = Manifest.load(job.manifestFile(), job.outputDirectory());
                return process();
            }
            Path lockFile = Path.of(job.manifestFile() + ".lock");
            FolderLock lock;
            try {
                lock = FolderLock.acquire(lockFile, job.lockTimeout().orElse(null),
                        () -> notifyListener(l -> l.onWaitingForLock(lockFile)), job.stopSignal()::isStopRequested);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoveBgException("Interrupted while waiting for another run on the output folder "
                        + job.outputDirectory() + "; nothing was processed.", e);
            }
            try (lock) {
                sweepLeftovers();
                manifest = job.reprocess()
                        ? Manifest.loadOrEmpty(job.manifestFile(), job.outputDirectory())
                        : Manifest.load(job.manifestFile(), job.outputDirectory());
                List<Path> earlier = manifest.leftInFlight();
                if (!earlier.isEmpty()) {
                    notifyListener(l -> l.onPossiblyCharged(earlier));
                }
                BatchReport report = process();
                try {
                    manifest.forgetLeftInFlight();
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "Could not update the batch manifest {0}: {1}",
                            job.manifestFile(), e.getMessage());
                }
                return report;
            }
        }

        /** Deletes what a killed run left half-written below the output folder (never a result or the manifest). */
        private void sweepLeftovers() {
            try {
                AtomicFiles.sweepLeftovers(job.outputDirectory());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not clean up {0}: {1}", job.outputDirectory(),
                        e.getMessage());
            }
        }

        private BatchReport process() {
            List<Input> inputs = new InputScanner(job).scan();
            Map<String, String> stems = OutputNaming.stems(inputs.stream().map(Input::relative).toList());
            total = inputs.size();
            notifyListener(l -> l.onStart(total));
            BatchItem[] items = new BatchItem[inputs.size()];
            try {
                backgroundSha256 = backgroundSha256(job.options());
            } catch (IOException e) {
                stop.set("the bg_image_file cannot be read: " + e.getMessage());
            }
            boolean interrupted = false;
            Runnable unwatch = calls.watch(() -> stop.compareAndSet(null, "stopped"));
            if (!inputs.isEmpty()) {
                int threads = Math.min(job.concurrency(), inputs.size());
                ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory());
                try {
                    List<Future<BatchItem>> futures = new ArrayList<>(inputs.size());
                    for (int i = 0; i < inputs.size(); i++) {
                        int index = i;
                        Input input = inputs.get(i);
                        String stem = stems.get(input.relative());
                        futures.add(pool.submit(() -> finish(processInTurn(index, input, stem))));
                    }
                    for (int i = 0; i < futures.size(); i++) {
                        while (items[i] == null) {
                            try {
                                items[i] = futures.get(i).get();
                            } catch (InterruptedException e) {
                                // A stop request like any other: those in flight may finish, their credits are spent.
                                interrupted = true;
                                signal.requestStop();
                            } catch (ExecutionException e) {
                                // process() turns every failure into an item, so only a bug in the engine lands here.
                                items[i] = finish(BatchItem.of(inputs.get(i).file(), Outcome.FAILED, BigDecimal.ZERO,
                                        null, "internal error: " + e.getCause()));
                            }
                        }
                    }
                } finally {
                    pool.shutdown();
                    unwatch.run();
                }
            } else {
                unwatch.run();
            }
            BatchReport report = new BatchReport(List.of(items), job.dryRun(), stop.get(),
                    manifest.leftInFlight());
            job.reportFile().ifPresent(report::writeJson);
            notifyListener(l -> l.onFinish(report));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return report;
        }

        /** {@link #process}, then lets the inputs after this one reserve, whatever became of it. */
        private BatchItem processInTurn(int index, Input input, String stem) {
            try {
                return process(index, input, stem);
            } finally {
                budget.pass(index);
            }
        }

        private BatchItem process(int index, Input input, String stem) {
            Path file = input.file();
            if (input.problem() != null) {
                return failed(file, BigDecimal.ZERO, input.problem());
            }
            String stopped = stopped();
            if (stopped != null) {
                return BatchItem.of(file, Outcome.NOT_RUN, BigDecimal.ZERO, null, stopped);
            }
            String key;
            try {
                key = Manifest.key(client.backendIdentity(), ResultKey.sha256(file), formFields, backgroundSha256,
                        zipRequested, job.composeZipToPng());
            } catch (IOException e) {
                return failed(file, BigDecimal.ZERO, "cannot be read: " + e.getMessage());
            }
            if (!job.reprocess()) {
                Optional<BatchItem> skipped = new EarlierResults(job, manifest).skipIfDone(file, stem, key);
                if (skipped.isPresent()) {
                    return skipped.get();
                }
            }
            CompletableFuture<Leader> mine = new CompletableFuture<>();
            CompletableFuture<Leader> earlier = leaders.putIfAbsent(key, mine);
            if (earlier != null) {
                budget.pass(index); // before waiting: the leader may be a later input, waiting for this one's turn
                Leader leader = earlier.join();
                BatchItem copied = new EarlierResults(job, manifest).follow(file, stem, leader.input(), leader.item());
                return copied.outcome() == Outcome.FAILED
                        ? failed(file, BigDecimal.ZERO, copied.message().orElse(null)) : copied;
            }
            BatchItem item = null;
            try {
                item = call(index, file, stem, key);
                return item;
            } finally {
                mine.complete(new Leader(file, item));
            }
        }

        /** Estimates (dry run) or calls the API and writes the result. */
        private BatchItem call(int index, Path file, String stem, String key) {
            String stopped = stopped();
            if (stopped != null) {
                return BatchItem.of(file, Outcome.NOT_RUN, BigDecimal.ZERO, null, stopped);
            }
            String overBudget;
            try {
                overBudget = budget.tryReserve(index, estimate);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return BatchItem.of(file, Outcome.NOT_RUN, BigDecimal.ZERO, null, "not run: interrupted");
            }
            if (overBudget != null) {
                return BatchItem.of(file, Outcome.NOT_RUN, BigDecimal.ZERO, null, overBudget);
            }
            stopped = stopped(); // a stop may have come while this input waited for its turn
            if (stopped != null) {
                budget.cancel(estimate);
                return BatchItem.of(file, Outcome.NOT_RUN, BigDecimal.ZERO, null, stopped);
            }
            if (job.dryRun()) {
                // The reservation stays: a dry run shows which images the budget would leave out.
                Optional<Path> planned = plannedOutput(stem);
                return BatchItem.of(file, Outcome.ESTIMATED, estimate, planned.orElse(null),
                        planned.isPresent() ? null : "format=auto: png or jpg, whichever the result needs");
            }
            RemoveBgRequest request;
            try {
                request = RemoveBgRequest.builder().image(source(file)).options(job.options()).build();
            } catch (InvalidParameterException e) {
                budget.cancel(estimate);
                return failed(file, BigDecimal.ZERO, e.getMessage());
            }
            try {
                manifest.markInFlight(key, file.toString());
            } catch (IOException e) {
                // Without the journal a kill could lose a paid result unnoticed: do not send.
                budget.cancel(estimate);
                return failed(file, BigDecimal.ZERO, "not sent: the manifest " + job.manifestFile()
                        + " cannot be written, so a paid result could be lost unnoticed: " + e.getMessage());
            }
            BatchItem item = send(file, stem, key, request);
            if (item.outcome() != Outcome.NOT_RUN) {
                // Whatever became of the call, this run reported it: the next one need not name it again.
                settle(key);
            }
            return item;
        }

        /** Sends a journalled request and writes its result; a call cut off by a stop at once is NOT_RUN. */
        private BatchItem send(Path file, String stem, String key, RemoveBgRequest request) {
            RemoveBgResult result;
            try {
                result = calls.await(client.removeBackgroundAsync(request));
            } catch (CancellationException e) {
                // The journal entry stays, so the next run names this image as possibly charged.
                return BatchItem.of(file, Outcome.NOT_RUN, BigDecimal.ZERO, null, "stopped while its call was in "
                        + "flight: remove.bg may have charged for it; the next run names it and processes it again");
            } catch (InsufficientCreditsException e) {
                budget.release(estimate);
                stop.compareAndSet(null, "insufficient credits (402)");
                return failed(file, BigDecimal.ZERO, e.getMessage());
            } catch (AuthenticationException e) {
                budget.release(estimate);
                stop.compareAndSet(null, "authentication failed (403)");
                return failed(file, BigDecimal.ZERO, e.getMessage());
            } catch (ApiException e) {
                budget.release(estimate); // 4xx and 5xx answers charge nothing
                return failed(file, BigDecimal.ZERO, e.getMessage());
            } catch (ApiConnectionException e) {
                if (!e.requestSent()) {
                    budget.release(estimate);
                }
                // The exception's own message already says when the call may have been charged.
                return failed(file, BigDecimal.ZERO, e.getMessage());
            } catch (UnexpectedResponseException e) {
                // A 200 whose body is not the promised image: it may well have been charged, so keep the reservation.
                return failed(file, BigDecimal.ZERO, e.getMessage() + " (the call may have been charged)");
            } catch (RuntimeException e) {
                return failed(file, BigDecimal.ZERO, message(e) + " (the call may have been charged)");
            }
            BigDecimal charged = Optional.ofNullable(result.metadata().creditsCharged()).orElse(BigDecimal.ZERO);
            budget.settle(estimate, charged);
            return write(file, stem, key, result, charged);
        }

        /** Forgets the journal entry of a call whose outcome this run reported (a no-op once it was recorded). */
        private void settle(String key) {
            try {
                manifest.settled(key);
            } catch (IOException e) {
                // The next run would name this image again: a repeated warning, not a loss.
                LOG.log(System.Logger.Level.WARNING, "Could not update the batch manifest {0}: {1}",
                        job.manifestFile(), e.getMessage());
            }
        }

        /** Whether a folder on the way to {@code target} is a link that leads out of the output folder. */
        private boolean escapesThroughLink(Path target) {
            try {
                Files.createDirectories(target.getParent());
                return !target.getParent().toRealPath().startsWith(job.outputDirectory().toRealPath());
            } catch (IOException e) {
                return false; // the write itself reports why the folder cannot be used
            }
        }

        private BatchItem write(Path file, String stem, String key, RemoveBgResult result, BigDecimal charged) {
            ResultFormat format = result.format();
            boolean compose = format == ResultFormat.ZIP && job.composeZipToPng();
            String extension = compose ? "png" : format.extension();
            Path target = job.outputDirectory().resolve(stem + "." + extension).normalize();
            if (!target.startsWith(job.outputDirectory()) || escapesThroughLink(target)) {
                return failed(file, charged, "refused to write " + target + ": it is outside the output folder");
            }
            try {
                AtomicFiles.write(target, out -> {
                    if (compose) {
                        composer.compose(result.openStream(), out);
                    } else {
                        result.writeTo(out);
                    }
                });
            } catch (IOException | RuntimeException e) {
                return failed(file, charged, (compose ? "the ZIP result could not be composed or written: "
                        : "the result could not be written: ") + message(e) + " (the call was charged)");
            }
            String type = result.metadata().detectedType().orElse(null);
            try {
                manifest.record(key, new Manifest.Entry(file.toString(), manifest.relativize(target), extension,
                        charged, type, Instant.now().toString()));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not update the batch manifest {0}: {1}",
                        job.manifestFile(), e.getMessage());
                return BatchItem.of(file, Outcome.DONE, charged, target,
                        "the manifest could not be updated, so a re-run will process this image again: "
                                + e.getMessage()).withMetadata(result.metadata());
            }
            return (result.fromCache()
                    ? BatchItem.of(file, Outcome.CACHED, BigDecimal.ZERO, target, "from the result cache: 0 credits")
                    : BatchItem.of(file, Outcome.DONE, charged, target, null)).withMetadata(result.metadata());
        }

        private ImageSource source(Path file) {
            if (!job.hideFileNames()) {
                return ImageSource.file(file);
            }
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return ImageSource.file(file, "image" + (dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : ""));
        }

        private Optional<Path> plannedOutput(String stem) {
            String format = Optional.ofNullable(formFields.get("format")).orElse("auto").toLowerCase(Locale.ROOT);
            String extension = switch (format) {
                case "png", "jpg", "webp" -> format;
                case "zip" -> job.composeZipToPng() ? "png" : "zip";
                default -> null;
            };
            return extension == null ? Optional.empty()
                    : Optional.of(job.outputDirectory().resolve(stem + "." + extension).normalize());
        }

        private BatchItem failed(Path file, BigDecimal charged, String message) {
            if (!job.continueOnError()) {
                stop.compareAndSet(null, "first failure, " + file.getFileName() + ", and continueOnError is off");
            }
            return BatchItem.of(file, Outcome.FAILED, charged, null, message);
        }

        private String stopped() {
            if (signal.isStopRequested()) {
                stop.compareAndSet(null, "stopped");
            }
            String reason = stop.get();
            return reason == null ? null : reason.equals("stopped") ? "not run: the batch was stopped before this image was sent"
                    : "not run: the batch stopped (" + reason + ")";
        }

        private BatchItem finish(BatchItem item) {
            synchronized (listenerLock) {
                completed++;
                int done = completed;
                notifyListener(l -> l.onItem(item, done, total));
            }
            return item;
        }

        private void notifyListener(java.util.function.Consumer<BatchListener> event) {
            try {
                event.accept(job.listener());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A batch listener failed; the batch goes on", e);
            }
        }
    }

    /** The first input of a run with a given key, and what became of it (null if it failed unexpectedly). */
    private record Leader(Path input, BatchItem item) {
    }

    private static String backgroundSha256(RemoveBgOptions options) throws IOException {
        Optional<ImageSource> background = options.backgroundImageFile();
        if (background.isEmpty()) {
            return null;
        }
        ImageSource source = background.get();
        // base64 and URL sources are text fields, already part of formFields()
        return source.isBinary() ? ResultKey.sha256(source) : null;
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static ThreadFactory threadFactory() {
        int run = RUNS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "removebg-batch-" + run + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
