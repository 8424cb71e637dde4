package io.github.removebgsuite.common.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A client-side token bucket in megapixel units, so a client paces itself below remove.bg's rate limit (500 megapixel
 * images a minute by default) instead of running into 429 answers.
 *
 * <p>The bucket holds at most one window's worth of megapixels (a minute at remove.bg) and refills continuously. {@link #reserve(int)} takes
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

    /** remove.bg's documented window: the limit is per minute. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final long windowNanos;
    private int perWindow;
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
        this(megapixelsPerMinute, DEFAULT_WINDOW, clock);
    }

    /**
     * A limiter for a server whose window is not a minute (a remove.bg-compatible server, or the emulator with a
     * shortened window in tests and benchmarks).
     *
     * @param megapixelsPerWindow megapixels allowed per window, at least 1
     * @param window the length of the server's rate-limit window, positive
     * @param clock the clock to measure refills against
     */
    public MegapixelRateLimiter(int megapixelsPerWindow, Duration window, Clock clock) {
        if (megapixelsPerWindow < 1) {
            throw new IllegalArgumentException("megapixelsPerWindow must be at least 1, was " + megapixelsPerWindow);
        }
        if (window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.windowNanos = window.toNanos();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.perWindow = megapixelsPerWindow;
        this.tokens = megapixelsPerWindow;
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
        double take = Math.min(cost, perWindow);
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
            perWindow = snapshot.limit();
        }
        tokens = Math.min(tokens, Math.min(snapshot.remaining(), perWindow));
        if (snapshot.remaining() == 0) {
            long untilReset = Math.max(0, Duration.between(clock.instant(), snapshot.reset()).toNanos());
            // Debt worth the time until reset: the next reservation waits at least until then.
            tokens = Math.min(tokens, -untilReset * ratePerNano());
        }
    }

    /** The megapixels per window the bucket currently refills at (updated from {@code X-RateLimit-Limit}). */
    public synchronized int megapixelsPerWindow() {
        return perWindow;
    }

    /** The megapixels available now (negative when callers are already waiting). */
    public synchronized double available() {
        refill();
        return tokens;
    }

    private double ratePerNano() {
        return (double) perWindow / windowNanos;
    }

    private void refill() {
        Instant now = clock.instant();
        long elapsed = Duration.between(lastRefill, now).toNanos();
        if (elapsed > 0) {
            tokens = Math.min(perWindow, tokens + elapsed * ratePerNano());
            lastRefill = now;
        }
    }

    @Override
    public synchronized String toString() {
        return "MegapixelRateLimiter[perWindow=" + perWindow + ", available=" + String.format(java.util.Locale.ROOT, "%.1f", tokens) + "]";
    }
}
