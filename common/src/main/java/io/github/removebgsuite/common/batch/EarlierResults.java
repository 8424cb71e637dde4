package io.github.removebgsuite.common.batch;

import io.github.removebgsuite.common.batch.BatchItem.Outcome;
import io.github.removebgsuite.common.files.AtomicFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Results a run already has, reused instead of paid for again: an earlier run's output the manifest lists, or the
 * output of an input with the same content earlier in this run. A reused result under a new name is copied there.
 */
final class EarlierResults {
    private final BatchJob job;
    private final Manifest manifest;

    EarlierResults(BatchJob job, Manifest manifest) {
        this.job = job;
        this.manifest = manifest;
    }

    /** Skips an input whose key the manifest holds with its output still present. */
    Optional<BatchItem> skipIfDone(Path file, String stem, String key) {
        Optional<Path> done = manifest.completedOutput(key);
        if (done.isEmpty()) {
            return Optional.empty();
        }
        String format = manifest.entry(key).map(Manifest.Entry::format).orElse("png");
        Path planned = job.outputDirectory().resolve(stem + "." + format).normalize();
        if (planned.equals(done.get()) || job.dryRun() || !planned.startsWith(job.outputDirectory())) {
            return Optional.of(BatchItem.of(file, Outcome.SKIPPED, BigDecimal.ZERO, done.get(),
                    "unchanged since an earlier run (same image and parameters)"));
        }
        // The same image under another name (or a renamed input): give it its mirrored output without a call.
        try {
            AtomicFiles.copy(done.get(), planned);
            manifest.forgetOutput(planned);
            return Optional.of(BatchItem.of(file, Outcome.SKIPPED, BigDecimal.ZERO, planned,
                    "same image and parameters as the earlier result " + done.get() + "; copied"));
        } catch (IOException e) {
            return Optional.of(BatchItem.of(file, Outcome.SKIPPED, BigDecimal.ZERO, done.get(),
                    "unchanged since an earlier run; could not copy the result to " + planned + ": "
                            + e.getMessage()));
        }
    }

    /**
     * An input with the same content as one already in this run: reuses that one's result. A FAILED item means the
     * caller should fail this input with the item's message.
     */
    BatchItem follow(Path file, String stem, Path leaderInput, BatchItem first) {
        String same = "same image and parameters as " + leaderInput;
        if (first == null) {
            return BatchItem.of(file, Outcome.FAILED, BigDecimal.ZERO, null, same + ", which failed unexpectedly");
        }
        switch (first.outcome()) {
            case DONE, SKIPPED, CACHED -> {
                Path source = first.output().orElseThrow();
                String name = source.getFileName().toString();
                Path planned = job.outputDirectory().resolve(stem + name.substring(name.lastIndexOf('.')))
                        .normalize();
                if (planned.equals(source) || !planned.startsWith(job.outputDirectory())) {
                    return BatchItem.of(file, Outcome.SKIPPED, BigDecimal.ZERO, source, same);
                }
                try {
                    AtomicFiles.copy(source, planned);
                    manifest.forgetOutput(planned);
                    return BatchItem.of(file, Outcome.SKIPPED, BigDecimal.ZERO, planned, same + "; copied");
                } catch (IOException e) {
                    return BatchItem.of(file, Outcome.FAILED, BigDecimal.ZERO, null,
                            same + "; copying its result failed: " + e.getMessage());
                }
            }
            case ESTIMATED -> {
                return BatchItem.of(file, Outcome.SKIPPED, BigDecimal.ZERO, null, same + "; would be copied");
            }
            case NOT_RUN -> {
                return BatchItem.of(file, Outcome.NOT_RUN, BigDecimal.ZERO, null, same + ", which was not run");
            }
            default -> {
                return BatchItem.of(file, Outcome.NOT_RUN, BigDecimal.ZERO, null, same + ", which failed");
            }
        }
    }
}
