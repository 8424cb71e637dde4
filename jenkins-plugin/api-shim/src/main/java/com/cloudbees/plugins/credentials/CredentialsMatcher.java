package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** Shim of credentials-plugin {@code CredentialsMatcher}: a predicate on credentials. */
public interface CredentialsMatcher extends Serializable {
    /** Whether {@code item} matches. */
    boolean matches(@NonNull Credentials item);
}
