package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Shim of credentials-plugin {@code CredentialsMatchers}: common matchers. */
public class CredentialsMatchers {
    private CredentialsMatchers() {
    }

    /** Matches every credential. */
    @NonNull
    public static CredentialsMatcher always() {
        return new Constant(true);
    }

    /** Matches the {@link IdCredentials} with this id. */
    @NonNull
    public static CredentialsMatcher withId(@NonNull String id) {
        return new Id(id);
    }

    private record Constant(boolean answer) implements CredentialsMatcher {
        @Override
        public boolean matches(@NonNull Credentials item) {
            return answer;
        }
    }

    private record Id(String id) implements CredentialsMatcher {
        @Override
        public boolean matches(@NonNull Credentials item) {
            return item instanceof IdCredentials c && id.equals(c.getId());
        }
    }
}
