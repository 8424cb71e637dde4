package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

/**
 * Shim of jenkins-core {@code hudson.tasks.BuildStepDescriptor}: the descriptor of a builder or publisher.
 *
 * @param <T> the build step type
 */
public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>> extends Descriptor<T> {
    /** A descriptor of {@code clazz}. */
    protected BuildStepDescriptor(Class<? extends T> clazz) {
        super(clazz);
    }

    /** Whether the step can be used in projects of {@code jobType}. */
    @SuppressWarnings("rawtypes")
    public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
