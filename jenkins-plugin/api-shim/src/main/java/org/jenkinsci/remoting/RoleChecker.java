package org.jenkinsci.remoting;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Collection;
import java.util.Collections;

/** Shim of remoting's {@code org.jenkinsci.remoting.RoleChecker}: verifies where a callable may run. */
public abstract class RoleChecker {
    /** Throws when {@code subject} may not run here given the roles it expects. */
    public abstract void check(@NonNull RoleSensitive subject, @NonNull Collection<Role> expected) throws SecurityException;

    /** {@link #check(RoleSensitive, Collection)} with one role. */
    public void check(@NonNull RoleSensitive subject, @NonNull Role expected) throws SecurityException {
        check(subject, Collections.singleton(expected));
    }
}
