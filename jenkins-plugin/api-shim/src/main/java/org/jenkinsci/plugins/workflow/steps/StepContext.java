package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

/**
 * Shim of workflow-step-api {@code org.jenkinsci.plugins.workflow.steps.StepContext} (without body invocation and
 * state saving): what a running step can ask for ({@code FilePath}, {@code Run}, {@code TaskListener}…) and how it
 * reports its end ({@link #onSuccess}, {@link #onFailure}).
 */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    /** The context object of {@code key}'s type, or null when there is none. */
    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    /** Ends the step with {@code result} as its return value. */
    @Override
    public abstract void onSuccess(@Nullable Object result);

    /** Whether the step's end was already reported. */
    public abstract boolean isReady();

    /** Sets the build's result; prefer setting it on the {@code Run}. */
    public abstract void setResult(Result r);

    @Override
    public abstract boolean equals(Object o);

    @Override
    public abstract int hashCode();
}
