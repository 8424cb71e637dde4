package hudson.remoting;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ExecutorService;

/** Shim of remoting's {@code hudson.remoting.LocalChannel}: a channel whose other side is this JVM. */
public class LocalChannel implements VirtualChannel {
    private final ExecutorService executor;

    /** A local channel running asynchronous work on {@code executor}. */
    public LocalChannel(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public <V, T extends Throwable> V call(Callable<V, T> callable) throws T {
        return callable.call();
    }

    @Override
    public void close() {
        // nothing to close
    }

    @Override
    public void join() {
        // nothing to wait for
    }

    @Override
    public void join(long timeout) {
        // nothing to wait for
    }

    @Override
    public <T> T export(@NonNull Class<T> intf, T instance) {
        return instance;
    }

    @Override
    public void syncLocalIO() {
        // nothing to wait for
    }
}
