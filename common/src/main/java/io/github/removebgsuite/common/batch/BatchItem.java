package io.github.removebgsuite.common.batch;

import io.github.removebgsuite.common.client.ResultMetadata;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one input of a batch.
 *
 * @param input the input image file, absolute
 * @param outcome what happened to it
 * @param credits the credits charged for it ({@code X-Credits-Charged}); for {@link Outcome#ESTIMATED} the credits a
 *     call would cost at most; zero when nothing was charged
 * @param output the output file, when one exists: the written result for {@link Outcome#DONE} and
 *     {@link Outcome#CACHED}, the earlier result
 *     for {@link Outcome#SKIPPED}, the planned path for {@link Outcome#ESTIMATED}
 * @param message why the input failed, was skipped or was not run; empty when it was done without remark
 * @param metadata what remove.bg said about the result ({@code X-Type}, {@code X-Width}, {@code X-Height},
 *     {@code X-Foreground-*}) for {@link Outcome#DONE} and {@link Outcome#CACHED}; empty otherwise (a skipped
 *     image's earlier answer is not kept)
 */
public record BatchItem(Path input, Outcome outcome, BigDecimal credits, Optional<Path> output,
        Optional<String> message, Optional<ResultMetadata> metadata) {

    /** What happened to an input. */
    public enum Outcome {
        /** The background was removed and the result written. */
        DONE,
        /** The manifest shows this content was already processed with the same parameters; nothing was charged. */
        SKIPPED,
        /**
         * The result came from the shared result cache (another output folder, workspace or machine paid for it
         * earlier) and was written; nothing was charged.
         */
        CACHED,
        /** The input could not be processed; {@link BatchItem#message()} says why. */
        FAILED,
        /** The input was not attempted: the budget was reached, the batch was cancelled or stopped early. */
        NOT_RUN,
        /** Dry run: the input would be processed for about {@link BatchItem#credits()} credits. */
        ESTIMATED
    }

    /** Checks that no component is null. */
    public BatchItem {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** An outcome without result metadata. */
    public BatchItem(Path input, Outcome outcome, BigDecimal credits, Optional<Path> output, Optional<String> message) {
        this(input, outcome, credits, output, message, Optional.empty());
    }

    static BatchItem of(Path input, Outcome outcome, BigDecimal credits, Path output, String message) {
        return new BatchItem(input, outcome, credits, Optional.ofNullable(output), Optional.ofNullable(message));
    }

    /** This outcome with the result's metadata attached. */
    BatchItem withMetadata(ResultMetadata resultMetadata) {
        return new BatchItem(input, outcome, credits, output, message, Optional.of(resultMetadata));
    }
}
