package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;

/** Shim of jenkins-core {@code hudson.Launcher}: starts processes on a node (the plugin only receives one). */
public abstract class Launcher {
    /** The listener processes report to. */
    @NonNull
    protected final TaskListener listener;
    /** The node's channel. */
    @CheckForNull
    protected final VirtualChannel channel;

    /** A launcher for the node behind {@code channel}. */
    protected Launcher(@NonNull TaskListener listener, @CheckForNull VirtualChannel channel) {
        this.listener = listener;
        this.channel = channel;
    }

    /** The node's channel. */
    @CheckForNull
    public VirtualChannel getChannel() {
        return channel;
    }

    /** The listener processes report to. */
    @NonNull
    public TaskListener getListener() {
        return listener;
    }
}
