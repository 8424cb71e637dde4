package hudson.remoting;

import java.io.IOException;

/** Shim of remoting's {@code hudson.remoting.VirtualChannel}, reduced to {@code call}: a channel to a node. */
public interface VirtualChannel {
    /** Runs {@code callable} on the other side and returns its result. */
    <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;
}
