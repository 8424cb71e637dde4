package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Shim of jenkins-core {@code hudson.model.Descriptor} (without persistence and form binding): metadata and form
 * support for a {@link Describable} class.
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

    /** A descriptor of the class that encloses the descriptor's class, as Jenkins infers it. */
    @SuppressWarnings("unchecked")
    protected Descriptor() {
        Class<?> outer = getClass().getEnclosingClass();
        if (outer == null) {
            throw new AssertionError(getClass() + " doesn't have an outer class. Use the constructor that takes the Class object explicitly.");
        }
        checkDescriptorType(outer);
        this.clazz = (Class<? extends T>) outer;
    }

    private void checkDescriptorType(Class<?> outer) {
        try {
            Method getd = outer.getMethod("getDescriptor");
            Type returnType = getd.getGenericReturnType();
            Class<?> raw = returnType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) returnType;
            if (!raw.isAssignableFrom(getClass())) {
                throw new AssertionError(outer + ".getDescriptor() returns " + raw + " but it should return " + getClass());
            }
        } catch (NoSuchMethodException e) {
            throw new AssertionError(getClass() + " is missing getDescriptor method.", e);
        }
    }

    /** The name shown in the UI; by default the simple name of the described class. */
    @NonNull
    public String getDisplayName() {
        return clazz.getSimpleName();
    }

    /** The descriptor's id: the described class's name. */
    public String getId() {
        return clazz.getName();
    }
}
