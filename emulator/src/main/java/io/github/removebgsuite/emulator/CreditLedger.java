package io.github.removebgsuite.emulator;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accepted credentials (API keys and OAuth tokens) and their credit balances, plus the log of charges. Balances are
 * checked and debited atomically, so concurrent calls never overdraw an account.
 */
final class CreditLedger {
    private final Map<String, BigDecimal> apiKeys;
    private final Map<String, BigDecimal> tokens;
    private final List<Charge> charges = new ArrayList<>();
    private final Clock clock;

    CreditLedger(Map<String, BigDecimal> apiKeys, Map<String, BigDecimal> tokens, Clock clock) {
        this.apiKeys = new java.util.HashMap<>(apiKeys);
        this.tokens = new java.util.HashMap<>(tokens);
        this.clock = clock;
    }

    /** Whether the API key is accepted. */
    synchronized boolean isApiKey(String key) {
        return apiKeys.containsKey(key);
    }

    /** Whether the OAuth token is accepted. */
    synchronized boolean isToken(String token) {
        return tokens.containsKey(token);
    }

    /** The balance of an API key or token. */
    synchronized Optional<BigDecimal> balance(String credential) {
        BigDecimal b = apiKeys.get(credential);
        return Optional.ofNullable(b != null ? b : tokens.get(credential));
    }

    /** Debits {@code credits} if the balance allows; false (and nothing booked) otherwise. */
    synchronized boolean charge(String credential, BigDecimal credits, String imageSha256) {
        Map<String, BigDecimal> accounts = apiKeys.containsKey(credential) ? apiKeys : tokens;
        BigDecimal balance = accounts.get(credential);
        if (balance == null || balance.compareTo(credits) < 0) {
            return false;
        }
        accounts.put(credential, balance.subtract(credits));
        charges.add(new Charge(credential, imageSha256, credits, clock.instant()));
        return true;
    }

    /** Every charge so far, oldest first. */
    synchronized List<Charge> charges() {
        return List.copyOf(charges);
    }
}
