package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Shim of workflow-step-api {@code org.jenkinsci.plugins.workflow.steps.StepExecution} (without the iteration
 * helpers): a running {@link Step}.
 */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    private StepContext context;

    /** An execution in {@code context}. */
    protected StepExecution(@NonNull StepContext context) {
        this.context = context;
    }

    /** The context the step runs in. */
    public @NonNull StepContext getContext() {
        if (context == null) {
            throw new IllegalStateException("you must either pass in a StepContext to the StepExecution constructor, "
                    + "or have the StepExecution be created automatically");
        }
        return context;
    }

    /** Starts the step; true when it finished synchronously. */
    public abstract boolean start() throws Exception;

    /** Called when the build is aborted while the step runs: by default the step fails with {@code cause}. */
    public void stop(@NonNull Throwable cause) throws Exception {
        getContext().onFailure(cause);
    }

    /** Called when the step resumes after a restart of Jenkins. */
    public void onResume() {
    }

    /** What the step is doing, for the thread dump of a build; null by default. */
    public @CheckForNull String getStatus() {
        return null;
    }

    /** Whether the step keeps Jenkins from restarting safely; false by default. */
    public boolean blocksRestart() {
        return false;
    }
}
