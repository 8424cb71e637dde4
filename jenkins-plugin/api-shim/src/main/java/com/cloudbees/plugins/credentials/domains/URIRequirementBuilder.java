package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import java.util.List;

/**
 * Shim of credentials-plugin {@code URIRequirementBuilder}: domain requirements for a URI. The real builder yields
 * scheme, hostname and path requirements; the shim has no credential domains to match them against, so it yields none.
 */
public class URIRequirementBuilder {
    private URIRequirementBuilder() {
    }

    /** A builder for the requirements of {@code uri}. */
    @NonNull
    public static URIRequirementBuilder fromUri(@CheckForNull String uri) {
        return new URIRequirementBuilder();
    }

    /** The requirements. */
    @NonNull
    public List<DomainRequirement> build() {
        return new ArrayList<>();
    }
}
