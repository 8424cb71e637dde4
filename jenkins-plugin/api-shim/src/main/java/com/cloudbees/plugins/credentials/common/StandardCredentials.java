package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Shim of credentials-plugin {@code StandardCredentials}: a credential with an id and a description. */
public interface StandardCredentials extends IdCredentials {
    /** The description the user gave. */
    @NonNull
    String getDescription();
}
