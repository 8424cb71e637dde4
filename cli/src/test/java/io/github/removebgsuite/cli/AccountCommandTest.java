package io.github.removebgsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code removebg account}: the balance as a table whose values share one column. */
class AccountCommandTest {
    @Test
    void showsTheEmulatorsDemoBalanceWithTheValuesInOneColumn() {
        CliTestSupport.Run run = CliTestSupport.run("account", "--emulator");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "Credits:        50",
                "  subscription  50",
                "  pay as you go 0",
                "  enterprise    0",
                "Free calls:     0");
    }
}
