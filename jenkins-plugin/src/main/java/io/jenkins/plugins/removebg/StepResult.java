package io.jenkins.plugins.removebg;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;

/**
 * The outcome of one run of the step: the summary and the build result it calls for under the failure policy. Kept
 * apart from {@link Run} so that the step's work can be tested without a running Jenkins.
 */
final class StepResult {
    private final BatchSummary summary;
    private final Result result;
    @CheckForNull
    private final String failureMessage;

    StepResult(BatchSummary summary, Result result, @CheckForNull String failureMessage) {
        this.summary = summary;
        this.result = result;
        this.failureMessage = failureMessage;
    }

    /** What the run did. */
    @NonNull
    BatchSummary summary() {
        return summary;
    }

    /**
     * SUCCESS, UNSTABLE (failed images with {@code failOnError: false}), FAILURE, or ABORTED (the build was aborted).
     */
    @NonNull
    Result result() {
        return result;
    }

    /** The sentence the build fails with, or null. */
    @CheckForNull
    String failureMessage() {
        return failureMessage;
    }

    /**
     * Applies the result to the build: marks it unstable, fails it with an {@link AbortException}, or ends it as
     * aborted with an {@link InterruptedException}, which is how Jenkins expects a step to end an aborted build.
     */
    void applyTo(Run<?, ?> run) throws AbortException, InterruptedException {
        if (result == Result.ABORTED) {
            throw new InterruptedException(failureMessage);
        }
        if (result == Result.FAILURE) {
            throw new AbortException(failureMessage);
        }
        if (result == Result.UNSTABLE) {
            run.setResult(Result.UNSTABLE);
        }
    }
}
