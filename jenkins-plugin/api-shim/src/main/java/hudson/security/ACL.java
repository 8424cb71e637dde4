package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.Jenkins;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Shim of jenkins-core {@code hudson.security.ACL}: decides who has which permission on an object. */
public abstract class ACL {
    /** The identity of Jenkins itself, which has every permission. */
    public static final Authentication SYSTEM2 = new UsernamePasswordAuthenticationToken("SYSTEM", "SYSTEM");

    /** Whether {@code a} has {@code permission}; every real ACL overrides this. */
    public boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
        throw new AbstractMethodError("implement hasPermission2");
    }

    /** Whether the current user has {@code p}. */
    public final boolean hasPermission(@NonNull Permission p) {
        return hasPermission2(Jenkins.getAuthentication2(), p);
    }
}
