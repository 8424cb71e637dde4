package hudson.remoting;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;

/** Shim of remoting's {@code hudson.remoting.VirtualChannel} (without {@code callAsync}): a channel to a node. */
public interface VirtualChannel {
    /** Runs {@code callable} on the other side and returns its result. */
    <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;

    /** Closes the channel. */
    void close() throws IOException;

    /** Waits for the channel to close. */
    void join() throws InterruptedException;

    /** Waits at most {@code timeout} ms for the channel to close. */
    void join(long timeout) throws InterruptedException;

    /** Exports an object so that the other side can call it. */
    <T> T export(@NonNull Class<T> type, @CheckForNull T instance);

    /** Waits until local I/O started by the other side is done. */
    void syncLocalIO() throws InterruptedException;
}
