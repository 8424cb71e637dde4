package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.function.BiFunction;
import jenkins.model.Jenkins;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Shim of jenkins-core {@code hudson.security.ACL}: decides who has which permission on an object. */
public abstract class ACL {
    /** The identity of Jenkins itself, which has every permission. */
    public static final Authentication SYSTEM2 = new UsernamePasswordAuthenticationToken("SYSTEM", "SYSTEM");

    /**
     * Checks that the current user has {@code p}.
     *
     * @throws AccessDeniedException3 when the user lacks it
     */
    public final void checkPermission(@NonNull Permission p) {
        Authentication a = Jenkins.getAuthentication2();
        if (a.equals(SYSTEM2)) {
            return;
        }
        if (!hasPermission2(a, p)) {
            throw new AccessDeniedException3(a, p);
        }
    }

    /** Whether the current user has {@code p}. */
    public final boolean hasPermission(@NonNull Permission p) {
        Authentication a = Jenkins.getAuthentication2();
        if (a.equals(SYSTEM2)) {
            return true;
        }
        return hasPermission2(a, p);
    }

    /** Whether {@code a} has {@code permission}; every real ACL overrides this. */
    public boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
        throw new AbstractMethodError("implement hasPermission2");
    }

    /** An ACL that asks {@code impl}. */
    public static ACL lambda2(final BiFunction<Authentication, Permission, Boolean> impl) {
        return new ACL() {
            @Override
            public boolean hasPermission2(Authentication a, Permission permission) {
                return impl.apply(a, permission);
            }
        };
    }
}
