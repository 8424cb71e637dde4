package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Shim of credentials-plugin {@code StandardListBoxModel}: a drop-down of {@link StandardCredentials}. */
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    private static final long serialVersionUID = 1L;

    @Override
    @NonNull
    protected String describe(@NonNull StandardCredentials c) {
        String description = c.getDescription();
        return description.isEmpty() ? c.getId() : c.getId() + " (" + description + ")";
    }
}
