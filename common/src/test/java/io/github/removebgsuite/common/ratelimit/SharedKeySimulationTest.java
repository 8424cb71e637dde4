package io.github.removebgsuite.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Processes sharing one key, each with its own limiter, against a simulated server (simulated time: no sleeps): the
 * goals of issue #15 in miniature, for many seeds, so a change to the limiter that brings 429s back fails here.
 */
class SharedKeySimulationTest {

    @ParameterizedTest(name = "{0} processes: 429s <= {1}, budget use >= {2}")
    @CsvSource({"1, 0.0, 0.95", "3, 0.01, 0.95", "10, 0.03, 0.95"})
    void processesSharingAKeyStayUnderTheLimitAndUseTheBudget(int processes, double maxTooMany, double minUse) {
        int worstTooMany = 0;
        double worstShare = 0;
        double worstUse = 1;
        for (long seed = 1; seed <= 20; seed++) {
            SharedKeySimulation simulation = new SharedKeySimulation(30, Duration.ofSeconds(3), processes, 4, 40,
                    160, seed);
            SharedKeySimulation.Outcome outcome = simulation.run(SharedKeySimulation.benchmarkCosts(380, seed));

            assertThat(outcome.done()).as("seed %d: every call done", seed).isEqualTo(outcome.calls());
            worstTooMany = Math.max(worstTooMany, outcome.tooMany());
            worstShare = Math.max(worstShare, outcome.tooManyShare());
            worstUse = Math.min(worstUse, outcome.budgetUse());
            System.out.printf("processes %d seed %d: requests %d, 429s %d (%.2f %%), budget use %.3f%n", processes,
                    seed, outcome.requests(), outcome.tooMany(), 100 * outcome.tooManyShare(), outcome.budgetUse());
        }
        assertThat(worstShare).as("worst 429 share").isLessThanOrEqualTo(maxTooMany);
        assertThat(worstUse).as("worst budget use").isGreaterThanOrEqualTo(minUse);
    }
}
