package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import jenkins.model.Jenkins;

/** Shim of jenkins-core {@code hudson.tasks.Builder}: a build step that does the main work of a build. */
public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Descriptor<Builder> getDescriptor() {
        return Jenkins.get().getDescriptorOrDie(getClass());
    }
}
