package jenkins.tasks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;
import java.util.Collection;

/**
 * Shim of jenkins-core {@code jenkins.tasks.SimpleBuildStep}: a build step that works in freestyle builds and, through
 * the {@code step} meta-step or its symbol, in Pipeline.
 */
public interface SimpleBuildStep extends BuildStep {
    /** Runs the step with a workspace; override this one. */
    default void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        throw new AbstractMethodError("Unless a build step is marked as not requiring a workspace context, "
                + "you must implement the overload of the perform() method that takes both a workspace and a launcher.");
    }

    /** Whether the step needs a workspace. */
    default boolean requiresWorkspace() {
        return true;
    }

    /** An action of a build that adds actions to its job while it is the job's last build. */
    interface LastBuildAction extends Action {
        /** The actions to add to the job owning this build. */
        Collection<? extends Action> getProjectActions();
    }
}
