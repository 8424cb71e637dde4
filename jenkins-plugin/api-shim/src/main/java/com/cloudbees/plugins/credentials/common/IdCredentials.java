package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Shim of credentials-plugin {@code IdCredentials}: a credential with an id. */
public interface IdCredentials extends Credentials {
    /** The credential's id. */
    @NonNull
    String getId();
}
