package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Shim of jenkins-core {@code hudson.model.Descriptor} (without persistence, form binding and the constructor that
 * infers the described class): metadata and form support for a {@link Describable} class.
 *
 * @param <T> the described type
 */
public abstract class Descriptor<T extends Describable<T>> {
    /** The described class. */
    public final transient Class<? extends T> clazz;

    /** A descriptor of {@code clazz}. */
    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    /** The name shown in the UI; by default the simple name of the described class. */
    @NonNull
    public String getDisplayName() {
        return clazz.getSimpleName();
    }
}
