package hudson.remoting;

import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

/**
 * Shim of remoting's {@code hudson.remoting.Callable}: work sent to the other side of a channel.
 *
 * @param <V> the result
 * @param <T> the checked exception it may throw
 */
public interface Callable<V, T extends Throwable> extends Serializable, RoleSensitive {
    /** Does the work. */
    V call() throws T;
}
