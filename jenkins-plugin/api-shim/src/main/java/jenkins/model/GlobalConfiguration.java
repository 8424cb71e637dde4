package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/**
 * Shim of jenkins-core {@code jenkins.model.GlobalConfiguration} (without the form binding of {@code configure}): a
 * section of <em>Manage Jenkins › System</em>, a descriptor that describes itself.
 */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {
    /** Creates the section; subclasses call {@link #load()} in their constructor. */
    @SuppressWarnings("unchecked")
    protected GlobalConfiguration() {
        super(self());
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        return this;
    }
}
