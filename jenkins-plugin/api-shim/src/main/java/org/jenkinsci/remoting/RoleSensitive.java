package org.jenkinsci.remoting;

/** Shim of remoting's {@code org.jenkinsci.remoting.RoleSensitive}: something that says where it may run. */
public interface RoleSensitive {
    /** Asks {@code checker} to verify that this may run where it is about to. */
    void checkRoles(RoleChecker checker) throws SecurityException;
}
