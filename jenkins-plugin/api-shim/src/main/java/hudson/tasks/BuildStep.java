package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import java.io.IOException;

/** Shim of jenkins-core {@code hudson.tasks.BuildStep} (without the project-action methods): one step of a build. */
public interface BuildStep {
    /** Runs before the build starts; false aborts it. */
    boolean prebuild(AbstractBuild<?, ?> build, BuildListener listener);

    /** Runs the step in a freestyle build. */
    boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException;

    /** Which earlier builds this step must wait for. */
    default BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.BUILD;
    }
}
