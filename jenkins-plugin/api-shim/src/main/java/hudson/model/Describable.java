package hudson.model;

import jenkins.model.Jenkins;

/**
 * Shim of jenkins-core {@code hudson.model.Describable}: an object configured through a {@link Descriptor}.
 *
 * @param <T> the describable type
 */
public interface Describable<T extends Describable<T>> {
    /** The descriptor of this object's class, from the running Jenkins. */
    default Descriptor<T> getDescriptor() {
        @SuppressWarnings("unchecked")
        Descriptor<T> d = Jenkins.get().getDescriptorOrDie(getClass());
        return d;
    }
}
