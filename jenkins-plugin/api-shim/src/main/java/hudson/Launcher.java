package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;

/** Shim of jenkins-core {@code hudson.Launcher}: starts processes on a node. The plugin only receives one. */
public abstract class Launcher {
    /** A launcher for the node behind {@code channel}. */
    protected Launcher(@NonNull TaskListener listener, @CheckForNull VirtualChannel channel) {
    }
}
