package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;
import jenkins.model.Jenkins;

/**
 * Shim of jenkins-core {@code hudson.ExtensionList} (only the lookup the plugin uses): the registered instances of an
 * extension point. There are none without a running Jenkins.
 *
 * @param <T> the extension type
 */
public class ExtensionList<T> extends AbstractList<T> {
    private ExtensionList() {
    }

    /**
     * The one registered instance of {@code type}, such as a {@code GlobalConfiguration}.
     *
     * @throws IllegalStateException if there are no instances, or more than one (always here: there is no Jenkins)
     */
    public static @NonNull <U> U lookupSingleton(Class<U> type) {
        Jenkins.get();
        throw new IllegalStateException("Expected 1 instance of " + type.getName() + " but got 0");
    }

    @Override
    public T get(int index) {
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public int size() {
        return 0;
    }
}
