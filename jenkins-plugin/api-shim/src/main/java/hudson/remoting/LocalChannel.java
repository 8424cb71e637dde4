package hudson.remoting;

import java.util.concurrent.ExecutorService;

/** Shim of remoting's {@code hudson.remoting.LocalChannel}: a channel whose other side is this JVM. */
public class LocalChannel implements VirtualChannel {
    /** A local channel (the executor serves asynchronous calls, which the shim does not offer). */
    public LocalChannel(ExecutorService executor) {
    }

    @Override
    public <V, T extends Throwable> V call(Callable<V, T> callable) throws T {
        return callable.call();
    }
}
