package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Shim of credentials-plugin {@code AbstractIdCredentialsListBoxModel}: a drop-down of credentials by id.
 *
 * @param <T> the concrete model type
 * @param <C> the credential type
 */
public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>,
        C extends IdCredentials> extends ListBoxModel {
    private static final long serialVersionUID = 1L;

    /** The text shown for {@code c}. */
    @NonNull
    protected abstract String describe(@NonNull C c);

    /** Adds the "- none -" option first, once. */
    @NonNull
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        for (Option o : this) {
            if (o.value.isEmpty()) {
                return this;
            }
        }
        add(0, new Option("- none -", ""));
        return this;
    }

    /** Keeps the current value selectable even when it is not listed (shown as "- current -"). */
    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(@NonNull String value) {
        if (value.isEmpty()) {
            return includeEmptyValue();
        }
        for (Option o : this) {
            if (value.equals(o.value)) {
                return this;
            }
        }
        add(new Option("- current -", value));
        return this;
    }

    /** Adds the credentials of {@code type} that {@code authentication} can see in {@code context} and that match. */
    public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(@NonNull Authentication authentication,
            @Nullable Item context, @NonNull Class<? extends C> type,
            @NonNull List<DomainRequirement> domainRequirements, @NonNull CredentialsMatcher matcher) {
        addAll(CredentialsProvider.listCredentialsInItem(type, context, authentication, domainRequirements, matcher));
        return this;
    }
}
