package io.github.removebgsuite.common.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CreditLedgerTest {

    @Test
    void startsUnknownCountsSpendingAndFollowsTheAccount() {
        CreditLedger ledger = new CreditLedger();
        ledger.charge(new BigDecimal("0.25"));
        assertThat(ledger.balance()).isEmpty();

        ledger.start(new Account(new BigDecimal("10"), new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ZERO, 0));
        ledger.charge(new BigDecimal("0.25"));
        ledger.charge(BigDecimal.ONE);

        assertThat(ledger.balance()).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("8.75"));
        assertThat(ledger.spent()).isEqualByComparingTo("1.5");
        assertThat(ledger).hasToString("CreditLedger[balance=8.75, spent=1.50]");
    }

    @Test
    void refusesNegativeCharges() {
        assertThatThrownBy(() -> new CreditLedger().charge(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
