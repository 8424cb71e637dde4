package io.github.removebgsuite.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.common.error.ApiConnectionException;
import io.github.removebgsuite.common.error.AuthenticationException;
import io.github.removebgsuite.common.error.InsufficientCreditsException;
import io.github.removebgsuite.common.error.InvalidRequestException;
import io.github.removebgsuite.common.error.RateLimitedException;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.error.ServerException;
import io.github.removebgsuite.common.error.UnexpectedResponseException;
import io.github.removebgsuite.common.ratelimit.RateLimitSnapshot;
import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The retry schedule on a fake clock and a controlled random source: no test here waits. */
class RetryPolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private static ServerException server503() {
        return new ServerException("503", 503, List.of(), null);
    }

    private static ApiConnectionException connection(boolean sent) {
        return new ApiConnectionException("x", new SocketTimeoutException("read timed out"), sent);
    }

    /** A random source that always returns the given fraction. */
    private static RandomGenerator constant(double fraction) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return fraction;
            }
        };
    }

    @Test
    void backoffCeilingDoublesUpToTheMaximum() {
        RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(1000)).maxAttempts(10).clock(CLOCK).random(constant(1.0)).build();

        List<Duration> ceilings = new ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            ceilings.add(policy.backoffCeiling(attempt));
        }

        assertThat(ceilings).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofMillis(1000), Duration.ofMillis(1000));
        // With the random source at its top, the delay is the ceiling itself.
        assertThat(policy.retryDelay(server503(), 3, T0, false)).contains(Duration.ofMillis(400));
    }

    @Test
    void delaysGrowAndStayWithinTheJitterBound() {
        RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofSeconds(10)).maxAttempts(8).clock(CLOCK).random(new SplittableRandom(42))
                .build();

        for (int attempt = 1; attempt < 8; attempt++) {
            Duration ceiling = policy.backoffCeiling(attempt);
            for (int sample = 0; sample < 200; sample++) {
                Duration delay = policy.retryDelay(server503(), attempt, T0, false).orElseThrow();
                assertThat(delay).isBetween(Duration.ZERO, ceiling);
            }
        }
        // Full jitter: the mean of many samples sits near half the ceiling, and it grows with the attempt.
        assertThat(mean(policy, 1)).isBetween(30.0, 70.0);
        assertThat(mean(policy, 4)).isBetween(300.0, 500.0);
        assertThat(mean(policy, 4)).isGreaterThan(mean(policy, 2));
    }

    private static double mean(RetryPolicy policy, int attempt) {
        double total = 0;
        for (int i = 0; i < 2000; i++) {
            total += policy.retryDelay(server503(), attempt, T0, false).orElseThrow().toMillis();
        }
        return total / 2000;
    }

    @Test
    void attemptsAreBounded() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).clock(CLOCK).build();

        assertThat(policy.retryDelay(server503(), 1, T0, false)).isPresent();
        assertThat(policy.retryDelay(server503(), 2, T0, false)).isPresent();
        assertThat(policy.retryDelay(server503(), 3, T0, false)).isEmpty();
        assertThat(RetryPolicy.none().retryDelay(server503(), 1, T0, false)).isEmpty();
    }

    @Test
    void noRetryIsScheduledPastTheTotalDeadline() {
        RetryPolicy policy = RetryPolicy.builder().totalDeadline(Duration.ofSeconds(10))
                .initialBackoff(Duration.ofSeconds(4)).maxBackoff(Duration.ofSeconds(4)).random(constant(1.0))
                .clock(Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC)).build();

        // 5 s already spent + a 4 s wait fits in 10 s; started 2 s earlier it would not.
        assertThat(policy.retryDelay(server503(), 1, T0, false)).contains(Duration.ofSeconds(4));
        assertThat(policy.retryDelay(server503(), 1, T0.minusSeconds(2), false)).isEmpty();
    }

    @Test
    void rateLimitWaitsRetryAfterOrUntilResetWithinItsBound() {
        RetryPolicy policy = RetryPolicy.builder().maxRateLimitWait(Duration.ofSeconds(60)).clock(CLOCK).build();
        RateLimitSnapshot resetIn30s = new RateLimitSnapshot(500, 0, T0.plusSeconds(30));

        Optional<Duration> retryAfter = policy.retryDelay(
                new RateLimitedException("429", List.of(), resetIn30s, Duration.ofSeconds(7)), 1, T0, false);
        Optional<Duration> untilReset = policy.retryDelay(
                new RateLimitedException("429", List.of(), resetIn30s, null), 1, T0, false);
        Optional<Duration> tooLong = policy.retryDelay(
                new RateLimitedException("429", List.of(), null, Duration.ofSeconds(61)), 1, T0, false);

        assertThat(retryAfter).contains(Duration.ofSeconds(7));
        assertThat(untilReset).contains(Duration.ofSeconds(30));
        assertThat(tooLong).isEmpty();
    }

    @Test
    void aRateLimitHasAttemptsOfItsOwnButTheDeadlineStillBoundsIt() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).maxRateLimitRetries(10)
                .totalDeadline(Duration.ofSeconds(60)).clock(CLOCK).build();
        RateLimitedException limited = new RateLimitedException("429", List.of(), null, Duration.ofSeconds(5));

        assertThat(policy.retryDelay(limited, 11, T0, false)).contains(Duration.ofSeconds(5));
        assertThat(policy.retryDelay(limited, 12, T0, false)).isEmpty();
        assertThat(policy.retryDelay(server503(), 2, T0, false)).isEmpty();
        assertThat(policy.retryDelay(limited, 3, T0.minusSeconds(58), false)).isEmpty();
        assertThat(RetryPolicy.none().retryDelay(limited, 1, T0, false)).isEmpty();
    }

    @Test
    void clientErrorsAreNeverRetried() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).clock(CLOCK).build();

        for (RemoveBgException e : List.of(new InvalidRequestException("400", 400, List.of(), null),
                new InsufficientCreditsException("402", 402, List.of(), null),
                new AuthenticationException("403", 403, List.of(), null),
                new UnexpectedResponseException("html"), new RemoveBgException("other"))) {
            assertThat(policy.retryDelay(e, 1, T0, false)).as(e.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void noReSendAfterTheRequestWasSentUnlessOptedInOrIdempotent() {
        RetryPolicy safe = RetryPolicy.builder().clock(CLOCK).build();
        RetryPolicy optedIn = safe.toBuilder().retryAfterRequestSent(true).build();
        UnexpectedResponseException truncated = new UnexpectedResponseException("cut",
                new EOFException("unexpected end of stream"));

        assertThat(safe.retryDelay(connection(false), 1, T0, false)).isPresent();
        assertThat(safe.retryDelay(connection(true), 1, T0, false)).isEmpty();
        assertThat(safe.retryDelay(truncated, 1, T0, false)).isEmpty();
        assertThat(safe.retryDelay(connection(true), 1, T0, true)).isPresent();
        assertThat(optedIn.retryDelay(connection(true), 1, T0, false)).isPresent();
        assertThat(optedIn.retryDelay(truncated, 1, T0, false)).isPresent();
        assertThat(optedIn.retryAfterRequestSent()).isTrue();
        assertThat(safe.retryAfterRequestSent()).isFalse();
    }
}
