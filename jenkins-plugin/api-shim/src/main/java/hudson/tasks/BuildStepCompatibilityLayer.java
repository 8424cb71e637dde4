package hudson.tasks;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;

/**
 * Shim of jenkins-core {@code hudson.tasks.BuildStepCompatibilityLayer}: runs a {@link SimpleBuildStep} in a freestyle
 * build.
 */
@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {
    @Override
    public boolean prebuild(AbstractBuild<?, ?> build, BuildListener listener) {
        return true;
    }

    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException {
        if (this instanceof SimpleBuildStep step) {
            FilePath workspace = build.getWorkspace();
            if (step.requiresWorkspace() && workspace == null) {
                throw new AbortException("no workspace for " + build);
            }
            step.perform(build, workspace, build.getEnvironment(listener), launcher, listener);
            return true;
        }
        throw new AbstractMethodError("Unless a build step is marked as SimpleBuildStep, you must override perform");
    }
}
