package org.jenkinsci.remoting;

/** Shim of remoting's {@code org.jenkinsci.remoting.Role}: a side of a channel. */
public final class Role {
    private final String name;

    /** A role with a name for diagnostics. */
    public Role(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return super.toString() + "[" + name + "]";
    }
}
