package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.Permission;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Shim of credentials-plugin {@code CredentialsProvider}. Credential stores only exist in a running Jenkins, so every
 * lookup here needs {@link Jenkins#get()} and fails without one, as the real methods do in a plain unit test.
 */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {
    /** Permission to use the credentials of an item. */
    public static final Permission USE_ITEM =
            Permission.fromId("com.cloudbees.plugins.credentials.CredentialsProvider.UseItem");

    /* Providers are Jenkins extensions; the shim has none. */
    private CredentialsProvider() {
        super(CredentialsProvider.class);
    }

    /** Finds the credential with {@code id} that {@code run} may use, or null. */
    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
            @NonNull Run<?, ?> run, @Nullable List<DomainRequirement> domainRequirements) {
        throw needsJenkins();
    }

    /** Records that {@code build} used {@code credentials} (a fingerprint); returns the credential. */
    @CheckForNull
    public static <C extends Credentials> C track(@NonNull Run build, @CheckForNull C credentials) {
        throw needsJenkins();
    }

    /** The credentials of {@code type} visible in {@code item} to {@code authentication}, as drop-down options. */
    @NonNull
    public static <C extends IdCredentials> ListBoxModel listCredentialsInItem(@NonNull Class<C> type,
            @Nullable Item item, @Nullable Authentication authentication,
            @Nullable List<DomainRequirement> domainRequirements, @Nullable CredentialsMatcher matcher) {
        throw needsJenkins();
    }

    private static IllegalStateException needsJenkins() {
        Jenkins.get();
        return new IllegalStateException("credential stores need a running Jenkins");
    }
}
