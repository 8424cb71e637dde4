package io.github.removebgsuite.common.account;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The credit balance and free calls of an account, as {@code GET /account} reports them. Balances are fractional
 * (a preview costs 0.25 credits), so they are kept as {@link BigDecimal}.
 *
 * @param total all credits ({@code data.attributes.credits.total})
 * @param subscription subscription credits ({@code credits.subscription})
 * @param payg pay-as-you-go credits ({@code credits.payg})
 * @param enterprise enterprise credits ({@code credits.enterprise})
 * @param freeCalls free API calls left this month ({@code data.attributes.api.free_calls})
 */
public record Account(BigDecimal total, BigDecimal subscription, BigDecimal payg, BigDecimal enterprise,
        int freeCalls) {

    /** Checks that no balance is missing. */
    public Account {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(payg, "payg");
        Objects.requireNonNull(enterprise, "enterprise");
    }
}
