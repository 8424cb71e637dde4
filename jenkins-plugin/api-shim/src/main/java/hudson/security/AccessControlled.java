package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Shim of jenkins-core {@code hudson.security.AccessControlled}: an object guarded by an {@link ACL}. */
public interface AccessControlled {
    /** The object's access control list. */
    @NonNull
    ACL getACL();

    /** Whether the current user has {@code permission}. */
    default boolean hasPermission(@NonNull Permission permission) {
        return getACL().hasPermission(permission);
    }
}
