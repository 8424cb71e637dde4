package hudson.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * Shim of jenkins-core {@code hudson.security.AccessDeniedException3} (without the HTTP header reporting): thrown by
 * {@code checkPermission} when the user lacks a permission; Jenkins answers it with 403.
 */
public class AccessDeniedException3 extends AccessDeniedException {
    private static final long serialVersionUID = 1L;

    /** The user who was refused. */
    public final Authentication authentication;

    /** The permission the user needed. */
    public final transient Permission permission;

    /** Refuses {@code authentication} for lacking {@code permission}. */
    public AccessDeniedException3(Authentication authentication, Permission permission) {
        this(null, authentication, permission);
    }

    /** Refuses {@code authentication} for lacking {@code permission}, with a cause. */
    public AccessDeniedException3(Throwable t, Authentication authentication, Permission permission) {
        super(authentication.getName() + " is missing the " + permission.getId() + " permission", t);
        this.authentication = authentication;
        this.permission = permission;
    }
}
