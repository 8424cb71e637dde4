package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;

/** Shim of jenkins-core {@code hudson.security.AccessControlled}: an object guarded by an {@link ACL}. */
public interface AccessControlled {
    /** The object's access control list. */
    @NonNull
    ACL getACL();

    /**
     * Checks that the current user has {@code permission} on this object.
     *
     * @throws AccessDeniedException when the user lacks it
     */
    default void checkPermission(@NonNull Permission permission) throws AccessDeniedException {
        if (Jenkins.getAuthentication2().equals(ACL.SYSTEM2)) {
            return;
        }
        getACL().checkPermission(permission);
    }

    /** Whether the current user has {@code permission}. */
    default boolean hasPermission(@NonNull Permission permission) {
        if (Jenkins.getAuthentication2().equals(ACL.SYSTEM2)) {
            return true;
        }
        return getACL().hasPermission(permission);
    }
}
