package jenkins.security;

import org.jenkinsci.remoting.Role;

/** Shim of jenkins-core {@code jenkins.security.Roles}: the two sides of a controller-agent channel. */
public class Roles {
    /** The controller. */
    public static final Role MASTER = new Role("master");
    /** An agent. */
    public static final Role SLAVE = new Role("slave");

    private Roles() {
    }
}
