package io.github.removebgsuite.common.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A client-side token bucket in megapixel units, so a client paces itself below remove.bg's rate limit (500 megapixel
 * images a minute by default) instead of running into 429 answers.
 *
 * <p>The bucket holds at most one minute's worth of megapixels and refills continuously. {@link #reserve(int)} takes
 * the cost of a call at once and returns how long the caller must wait before sending it, so callers are served in
 * the order they reserved and a waiting caller does not have to poll. Every response re-synchronises the bucket through
 * {@link #synchronize(RateLimitSnapshot)}, so the server's view (shared by every client using the same key) wins over
 * the local estimate.
 *
 * <p>Thread-safe. One instance is meant to be shared by every call of a client, and by every client (route, executor,
 * build step) that uses the same API key.
 */
public final class MegapixelRateLimiter {

    /** remove.bg's documented default: 500 megapixels a minute. */
    public static final int DEFAULT_MEGAPIXELS_PER_MINUTE = 500;

    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

    private final Clock clock;
    private int perMinute;
    /** Megapixels available now; negative when reservations are queued beyond the current capacity. */
    private double tokens;
    private Instant lastRefill;

    /** A limiter for remove.bg's default 500 megapixels a minute, on the system clock. */
    public MegapixelRateLimiter() {
        this(DEFAULT_MEGAPIXELS_PER_MINUTE, Clock.systemUTC());
    }

    /**
     * A limiter for a custom rate (high-volume accounts have higher limits), on the system clock.
     *
     * @param megapixelsPerMinute megapixels allowed per minute, at least 1
     */
    public MegapixelRateLimiter(int megapixelsPerMinute) {
        this(megapixelsPerMinute, Clock.systemUTC());
    }

    /**
     * A limiter on the given clock (tests use a fake one).
     *
     * @param megapixelsPerMinute megapixels allowed per minute, at least 1
     * @param clock the clock to measure refills against
     */
    public MegapixelRateLimiter(int megapixelsPerMinute, Clock clock) {
        if (megapixelsPerMinute < 1) {
            throw new IllegalArgumentException("megapixelsPerMinute must be at least 1, was " + megapixelsPerMinute);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.perMinute = megapixelsPerMinute;
        this.tokens = megapixelsPerMinute;
        this.lastRefill = clock.instant();
    }

    /**
     * Reserves {@code cost} megapixels and returns how long the caller must wait before sending the call (zero when it
     * may go at once). The reservation is taken immediately, so the caller must send after the wait and not reserve
     * again for the same attempt.
     *
     * @param cost the call's cost in megapixels (see {@code ImageDimensions.rateLimitCost()}), at least 1
     * @return the wait, never negative
     */
    public synchronized Duration reserve(int cost) {
        if (cost < 1) {
            throw new IllegalArgumentException("cost must be at least 1 megapixel, was " + cost);
        }
        refill();
        // A single image dearer than the whole bucket is still allowed through once the bucket is full.
        double take = Math.min(cost, perMinute);
        double wait = tokens >= take ? 0 : (take - tokens) / ratePerNano();
        tokens -= take;
        return Duration.ofNanos((long) Math.ceil(wait));
    }

    /**
     * Re-synchronises the bucket from the server's view: the local bucket never holds more than
     * {@code snapshot.remaining()}, the limit becomes {@code snapshot.limit()}, and when nothing remains the bucket
     * stays empty until {@code snapshot.reset()}.
     */
    public synchronized void synchronize(RateLimitSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        refill();
        if (snapshot.limit() > 0) {
            perMinute = snapshot.limit();
        }
        tokens = Math.min(tokens, Math.min(snapshot.remaining(), perMinute));
        if (snapshot.remaining() == 0) {
            long untilReset = Math.max(0, Duration.between(clock.instant(), snapshot.reset()).toNanos());
            // Debt worth the time until reset: the next reservation waits at least until then.
            tokens = Math.min(tokens, -untilReset * ratePerNano());
        }
    }

    /** The megapixels per minute the bucket currently refills at (updated from {@code X-RateLimit-Limit}). */
    public synchronized int megapixelsPerMinute() {
        return perMinute;
    }

    /** The megapixels available now (negative when callers are already waiting). */
    public synchronized double available() {
        refill();
        return tokens;
    }

    private double ratePerNano() {
        return (double) perMinute / WINDOW_NANOS;
    }

    private void refill() {
        Instant now = clock.instant();
        long elapsed = Duration.between(lastRefill, now).toNanos();
        if (elapsed > 0) {
            tokens = Math.min(perMinute, tokens + elapsed * ratePerNano());
            lastRefill = now;
        }
    }

    @Override
    public synchronized String toString() {
        return "MegapixelRateLimiter[perMinute=" + perMinute + ", available=" + String.format(java.util.Locale.ROOT, "%.1f", tokens) + "]";
    }
}
