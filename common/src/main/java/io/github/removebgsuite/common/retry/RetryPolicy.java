package io.github.removebgsuite.common.retry;

import io.github.removebgsuite.common.error.ApiConnectionException;
import io.github.removebgsuite.common.error.RateLimitedException;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.error.ServerException;
import io.github.removebgsuite.common.error.UnexpectedResponseException;
import io.github.removebgsuite.common.ratelimit.RateLimitSnapshot;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * When and how long to wait before trying a failed call again. One immutable value, shared by the synchronous and the
 * asynchronous calls of a client.
 *
 * <ul>
 *   <li><b>429 (rate limited)</b>: waits the response's {@code Retry-After}, or else until its
 *       {@code X-RateLimit-Reset}, or else backs off; gives up when that wait exceeds {@link #maxRateLimitWait()}.
 *       A 429 costs no credits, so it is always safe to repeat.</li>
 *   <li><b>5xx and connection failures</b>: exponential backoff with full jitter, a uniformly random wait between zero
 *       and {@code min(maxBackoff, initialBackoff * 2^(attempt-1))}, so concurrent clients do not retry in lockstep.</li>
 *   <li><b>Never</b> for 400, 402, 403 and for answers that were not what was promised: repeating cannot help.</li>
 *   <li><b>No re-send after the request was sent.</b> When the whole request had gone out and then the read timed out
 *       or the connection dropped (or the body came back truncated), remove.bg may have processed and charged the
 *       call; such a call is repeated only after {@link Builder#retryAfterRequestSent(boolean) opting in}, or when it
 *       is idempotent (a {@code GET /account}).</li>
 *   <li>Every retry is bounded by {@link #maxAttempts()} (the first attempt included) and by
 *       {@link #totalDeadline()} measured from the first attempt; a 429, which costs nothing and names its wait, has
 *       {@link #maxRateLimitRetries()} more attempts on top.</li>
 * </ul>
 *
 * <p>The clock and random source are injectable, so the schedule can be tested without waiting.
 */
public final class RetryPolicy {

    private static final RetryPolicy NONE = builder().maxAttempts(1).maxRateLimitRetries(0).build();
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final int maxRateLimitRetries;
    private final Duration totalDeadline;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRateLimitWait;
    private final boolean retryAfterRequestSent;
    private final Clock clock;
    private final Supplier<RandomGenerator> random;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.maxRateLimitRetries = b.maxRateLimitRetries;
        this.totalDeadline = b.totalDeadline;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRateLimitWait = b.maxRateLimitWait;
        this.retryAfterRequestSent = b.retryAfterRequestSent;
        this.clock = b.clock;
        RandomGenerator fixed = b.random;
        this.random = fixed == null ? ThreadLocalRandom::current : () -> fixed;
    }

    /** A policy that never retries: every failure is reported at once. */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * The default policy: 4 attempts within 5 minutes, backoff from 1 s up to 30 s, waiting up to 90 s for a rate
     * limit to reset, no re-send after the request was sent.
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.maxRateLimitRetries = maxRateLimitRetries;
        b.totalDeadline = totalDeadline;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.maxRateLimitWait = maxRateLimitWait;
        b.retryAfterRequestSent = retryAfterRequestSent;
        b.clock = clock;
        RandomGenerator current = random.get();
        b.random = current instanceof ThreadLocalRandom ? null : current;
        return b;
    }

    /**
     * Decides whether a failed attempt is tried again and after how long.
     *
     * @param failure what the attempt failed with
     * @param attemptsMade how many attempts have been made so far, this one included (1 after the first)
     * @param firstAttemptStart when the first attempt started (from this policy's {@link #clock()})
     * @param idempotent whether repeating the call can never charge twice (true for {@code GET /account})
     * @return the wait before the next attempt, or empty to give up and report {@code failure}
     */
    public Optional<Duration> retryDelay(RemoveBgException failure, int attemptsMade, Instant firstAttemptStart,
            boolean idempotent) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(firstAttemptStart, "firstAttemptStart");
        // A 429 charged nothing and says when to come back, so it has attempts of its own on top of maxAttempts
        // (still bounded by maxRateLimitWait per wait and by the total deadline): giving up after a few would fail
        // a batch on a key that other processes share.
        int allowed = failure instanceof RateLimitedException ? maxAttempts + maxRateLimitRetries : maxAttempts;
        if (attemptsMade >= allowed) {
            return Optional.empty();
        }
        Optional<Duration> wait = waitFor(failure, attemptsMade, idempotent);
        if (wait.isEmpty()) {
            return wait;
        }
        Instant next = clock.instant().plus(wait.get());
        if (next.isAfter(firstAttemptStart.plus(totalDeadline))) {
            return Optional.empty();
        }
        return wait;
    }

    private Optional<Duration> waitFor(RemoveBgException failure, int attemptsMade, boolean idempotent) {
        if (failure instanceof RateLimitedException limited) {
            Duration wait = limited.retryAfter()
                    .or(() -> limited.rateLimit().map(this::untilReset))
                    .orElseGet(() -> backoff(attemptsMade));
            return wait.compareTo(maxRateLimitWait) <= 0 ? Optional.of(wait) : Optional.empty();
        }
        if (failure instanceof ServerException) {
            return Optional.of(backoff(attemptsMade));
        }
        if (failure instanceof ApiConnectionException connection) {
            boolean safe = !connection.requestSent() || idempotent || retryAfterRequestSent;
            return safe ? Optional.of(backoff(attemptsMade)) : Optional.empty();
        }
        if (failure instanceof UnexpectedResponseException && failure.getCause() instanceof IOException) {
            // A body cut off mid-way: the call was processed, so only an opted-in or idempotent call is repeated.
            return idempotent || retryAfterRequestSent ? Optional.of(backoff(attemptsMade)) : Optional.empty();
        }
        return Optional.empty();
    }

    private Duration untilReset(RateLimitSnapshot snapshot) {
        Duration d = Duration.between(clock.instant(), snapshot.reset());
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * The full-jitter backoff after the given number of attempts: uniformly random in
     * {@code [0, min(maxBackoff, initialBackoff * 2^(attemptsMade-1))]}.
     */
    Duration backoff(int attemptsMade) {
        return Duration.ofNanos((long) (random.get().nextDouble() * backoffCeiling(attemptsMade).toNanos()));
    }

    /** The upper bound of the jittered backoff after {@code attemptsMade} attempts. */
    public Duration backoffCeiling(int attemptsMade) {
        int doublings = Math.max(0, Math.min(attemptsMade - 1, 40));
        long ceiling = initialBackoff.toNanos();
        for (int i = 0; i < doublings && ceiling < maxBackoff.toNanos(); i++) {
            ceiling = Math.multiplyExact(ceiling, 2);
        }
        return Duration.ofNanos(Math.min(ceiling, maxBackoff.toNanos()));
    }

    /** The extra attempts a call may make after 429 answers, on top of {@link #maxAttempts()}. */
    public int maxRateLimitRetries() {
        return maxRateLimitRetries;
    }

    /** The most attempts a call gets, the first included (1 means no retries). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The longest a call may keep retrying, measured from its first attempt. */
    public Duration totalDeadline() {
        return totalDeadline;
    }

    /** The backoff ceiling after the first failure; it doubles with each further failure. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The largest backoff ceiling. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The longest wait accepted for a rate limit to reset; a longer one is reported as the 429 it is. */
    public Duration maxRateLimitWait() {
        return maxRateLimitWait;
    }

    /** Whether a call is re-sent after it was completely sent and the answer was lost (risking a double charge). */
    public boolean retryAfterRequestSent() {
        return retryAfterRequestSent;
    }

    /** The clock waits and deadlines are measured on. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", totalDeadline=" + totalDeadline + ", initialBackoff="
                + initialBackoff + ", maxBackoff=" + maxBackoff + ", maxRateLimitWait=" + maxRateLimitWait
                + ", retryAfterRequestSent=" + retryAfterRequestSent + "]";
    }

    /** Builds a {@link RetryPolicy}; starts from the {@link RetryPolicy#defaults()}. */
    public static final class Builder {
        private int maxAttempts = 4;
        private int maxRateLimitRetries = 20;
        private Duration totalDeadline = Duration.ofMinutes(5);
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRateLimitWait = Duration.ofSeconds(90);
        private boolean retryAfterRequestSent;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random;

        private Builder() {
        }

        /**
         * How many extra attempts a call may make after 429 answers, on top of {@link #maxAttempts(int)}: a 429 costs
         * nothing and says when to come back, so a key shared with other processes should not fail a batch. Default
         * 20; 0 counts 429s like any other failure.
         */
        public Builder maxRateLimitRetries(int maxRateLimitRetries) {
            if (maxRateLimitRetries < 0) {
                throw new IllegalArgumentException("maxRateLimitRetries must not be negative, was " + maxRateLimitRetries);
            }
            this.maxRateLimitRetries = maxRateLimitRetries;
            return this;
        }

        /** The most attempts per call, the first included; 1 disables retries. Default 4. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The longest a call may keep retrying, from its first attempt; no retry is scheduled past it. Default 5 min. */
        public Builder totalDeadline(Duration totalDeadline) {
            this.totalDeadline = positive("totalDeadline", totalDeadline);
            return this;
        }

        /** The backoff ceiling after the first failure (doubling after each further one). Default 1 s. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive("initialBackoff", initialBackoff);
            return this;
        }

        /** The largest backoff ceiling. Default 30 s. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive("maxBackoff", maxBackoff);
            return this;
        }

        /** The longest wait accepted for a 429 ({@code Retry-After} or until the reset). Default 90 s. */
        public Builder maxRateLimitWait(Duration maxRateLimitWait) {
            Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
            if (maxRateLimitWait.isNegative()) {
                throw new IllegalArgumentException("maxRateLimitWait must not be negative, was " + maxRateLimitWait);
            }
            this.maxRateLimitWait = maxRateLimitWait;
            return this;
        }

        /**
         * Whether to re-send a call after it was completely sent and then the read timed out or the connection
         * dropped. remove.bg may have charged for the lost answer, so a re-send can charge twice. Default false.
         */
        public Builder retryAfterRequestSent(boolean retryAfterRequestSent) {
            this.retryAfterRequestSent = retryAfterRequestSent;
            return this;
        }

        /** The clock for waits and deadlines (a fake one in tests). Default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The random source of the jitter (a seeded one in tests). It must be thread-safe when the policy is shared.
         * Default: {@link ThreadLocalRandom}.
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Builds the immutable policy. */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be shorter than "
                        + "initialBackoff (" + initialBackoff + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
