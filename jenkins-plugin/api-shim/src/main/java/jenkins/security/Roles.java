package jenkins.security;

import org.jenkinsci.remoting.Role;

/** Shim of jenkins-core {@code jenkins.security.Roles}: the two sides of a controller-agent channel. */
public class Roles {
    /** An agent. */
    public static final Role SLAVE = new Role("slave");

    private Roles() {
    }
}
