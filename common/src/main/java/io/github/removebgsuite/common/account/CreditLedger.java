package io.github.removebgsuite.common.account;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A local credit balance, kept the way the API reference advises: start from {@code GET /account} once (its balance
 * lags by several seconds), then subtract the {@code X-Credits-Charged} of every processed image.
 *
 * <p>Each client owns one ledger ({@code RemoveBgClient.creditLedger()}); {@code client.account()} starts it and every
 * successful call records its charge. Before any {@code /account} call the balance is unknown but the spending is
 * still counted. Thread-safe.
 */
public final class CreditLedger {

    private BigDecimal balance;
    private BigDecimal spent = BigDecimal.ZERO;

    /** An empty ledger: balance unknown, nothing spent. */
    public CreditLedger() {
    }

    /** The balance known locally: the last {@code /account} total minus what was charged since; empty before that. */
    public synchronized Optional<BigDecimal> balance() {
        return Optional.ofNullable(balance);
    }

    /** Everything charged through this ledger since it was created. */
    public synchronized BigDecimal spent() {
        return spent;
    }

    /** Starts (or re-starts) the balance from an {@code /account} answer. */
    public synchronized void start(Account account) {
        this.balance = Objects.requireNonNull(account, "account").total();
    }

    /**
     * Records a call's {@code X-Credits-Charged}.
     *
     * @param credits the credits charged, not negative
     */
    public synchronized void charge(BigDecimal credits) {
        Objects.requireNonNull(credits, "credits");
        if (credits.signum() < 0) {
            throw new IllegalArgumentException("credits charged must not be negative, was " + credits);
        }
        spent = spent.add(credits);
        if (balance != null) {
            balance = balance.subtract(credits);
        }
    }

    @Override
    public synchronized String toString() {
        return "CreditLedger[balance=" + (balance == null ? "unknown" : balance.toPlainString()) + ", spent="
                + spent.toPlainString() + "]";
    }
}
