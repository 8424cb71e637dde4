package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/** Shim of plain-credentials {@code StringCredentials}: a "Secret text" credential. */
public interface StringCredentials extends StandardCredentials {
    /** The secret text. */
    @NonNull
    Secret getSecret();
}
