package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.access.AccessDeniedException;

/** Shim of jenkins-core {@code hudson.security.AccessControlled}: an object guarded by an {@link ACL}. */
public interface AccessControlled {
    /** The object's access control list. */
    @NonNull
    ACL getACL();

    /** Throws {@link AccessDeniedException} unless the current user has {@code permission}. */
    default void checkPermission(@NonNull Permission permission) throws AccessDeniedException {
        getACL().checkPermission(permission);
    }

    /** Whether the current user has {@code permission}. */
    default boolean hasPermission(@NonNull Permission permission) {
        return getACL().hasPermission(permission);
    }
}
