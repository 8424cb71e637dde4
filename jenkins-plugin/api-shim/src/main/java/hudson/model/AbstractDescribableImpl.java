package hudson.model;

/**
 * Shim of jenkins-core {@code hudson.model.AbstractDescribableImpl}: the old base class of describables, empty since
 * {@link Describable#getDescriptor()} became a default method. Pipeline's {@code Step} still extends it.
 *
 * @param <T> the describable type
 * @deprecated as in Jenkins 2.505: implement {@link Describable} directly
 */
@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
