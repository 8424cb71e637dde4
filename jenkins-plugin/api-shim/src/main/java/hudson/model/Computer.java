package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;

/** Shim of jenkins-core {@code hudson.model.Computer}: the running side of a {@link Node}. */
public abstract class Computer extends Actionable implements AccessControlled {
    /** The node's name, set when the computer is created. */
    protected String nodeName;

    /** The node's name; the empty string for the built-in node. */
    public @NonNull String getName() {
        return nodeName != null ? nodeName : "";
    }
}
