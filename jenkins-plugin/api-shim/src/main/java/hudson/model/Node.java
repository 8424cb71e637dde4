package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.security.AccessControlled;

/**
 * Shim of jenkins-core {@code hudson.model.Node} (only what the plugin uses; the real one is also a
 * {@code Describable},
 * {@code ExtensionPoint} and {@code PersistenceRoot}): the controller's built-in node or an agent.
 */
public abstract class Node implements AccessControlled {
    /** The node's name; the empty string for the built-in node. */
    public abstract String getNodeName();

    /**
     * The path {@code absolutePath} on this node, or null while the node is offline. No node of the shim is ever
     * online, since no Jenkins runs.
     */
    public @CheckForNull FilePath createPath(String absolutePath) {
        return null;
    }
}
