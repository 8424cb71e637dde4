package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.Jenkins;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Shim of jenkins-core {@code hudson.security.ACL}: decides who has which permission on an object. */
public abstract class ACL {
    /** The identity of Jenkins itself, which has every permission. */
    public static final Authentication SYSTEM2 = new UsernamePasswordAuthenticationToken("SYSTEM", "SYSTEM");

    /** Whether {@code a} has {@code permission}. */
    public abstract boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission);

    /** Whether the current user has {@code p}. */
    public final boolean hasPermission(@NonNull Permission p) {
        Authentication a = Jenkins.getAuthentication2();
        return a == SYSTEM2 || hasPermission2(a, p);
    }
}
