package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.Jenkins;

/**
 * Shim of jenkins-core {@code hudson.model.Descriptor} (without form binding; the real one also implements
 * {@code Loadable}, {@code Saveable} and {@code OnMaster}): metadata, form support and persisted configuration of a
 * {@link Describable} class.
 *
 * @param <T> the described type
 */
public abstract class Descriptor<T extends Describable<T>> {
    /** The described class. */
    public final transient Class<? extends T> clazz;

    /**
     * A descriptor of {@code clazz}.
     *
     * @param clazz the described class, or {@link #self()} for a descriptor that describes itself
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected Descriptor(Class<? extends T> clazz) {
        if (clazz == self()) {
            clazz = (Class) getClass();
        }
        this.clazz = clazz;
    }

    /** A descriptor of its enclosing class, following the convention of a static nested {@code DescriptorImpl}. */
    @SuppressWarnings("unchecked")
    protected Descriptor() {
        this.clazz = (Class<T>) getClass().getEnclosingClass();
        if (clazz == null) {
            throw new AssertionError(getClass() + " doesn't have an outer class. "
                    + "Use the constructor that takes the Class object explicitly.");
        }
    }

    /** The name shown in the UI; by default the simple name of the described class. */
    @NonNull
    public String getDisplayName() {
        return clazz.getSimpleName();
    }

    /** The descriptor's id, by default the described class's name. */
    public String getId() {
        return clazz.getName();
    }

    /** Saves the configuration to {@code $JENKINS_HOME/<id>.xml}; needs a running Jenkins. */
    public synchronized void save() {
        Jenkins.get();
        throw new IllegalStateException("the shim persists nothing");
    }

    /** Loads the configuration from {@code $JENKINS_HOME/<id>.xml}, if saved; needs a running Jenkins. */
    public synchronized void load() {
        Jenkins.get();
        throw new IllegalStateException("the shim persists nothing");
    }

    /** Pass to {@link #Descriptor(Class)} to have the descriptor describe itself. */
    @SuppressWarnings("rawtypes")
    protected static Class self() {
        return Self.class;
    }

    private static final class Self {
    }
}
