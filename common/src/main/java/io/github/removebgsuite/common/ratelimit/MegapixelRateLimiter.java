package io.github.removebgsuite.common.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Paces calls below remove.bg's rate limit (500 megapixel images a minute by default) instead of running into 429
 * answers, by mirroring the server's own accounting: a budget of megapixels per fixed window.
 *
 * <p>{@link #reserve(int)} books a call's megapixels in the first window that still has room for them and returns how
 * long the caller must wait for that window to open, so callers are served in the order they reserved and never poll.
 * Every response re-synchronises the limiter through {@link #synchronize(RateLimitSnapshot)}: the server's
 * {@code X-RateLimit-Reset} fixes where the windows lie, {@code X-RateLimit-Limit} their size, and
 * {@code X-RateLimit-Remaining} how much of the current one is really left.
 *
 * <p><b>Sharing a key.</b> Several processes (build agents, Camel routes in different JVMs) may spend one key's budget.
 * The server's count covers all of them, so the limiter compares it with its own bookings: at the end of each window
 * it estimates how many equal users share the key ({@code server's count / own count}, rounded) and books at most its
 * share of the next window. Processes sharing a key thus converge on fair shares after one window instead of all
 * hammering the server into 429 answers; a process alone gets the whole budget back after one window.
 *
 * <p>Thread-safe. One instance is meant to be shared by every call of a client, and by every client in a JVM that uses
 * the same API key.
 */
public final class MegapixelRateLimiter {

    /** remove.bg's documented default: 500 megapixels a minute. */
    public static final int DEFAULT_MEGAPIXELS_PER_MINUTE = 500;

    /** remove.bg's documented window: the limit is per minute. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

    /** More sharers than this are not told apart (each still gets at least one image a window). */
    private static final int MAX_SHARERS = 32;

    private final Clock clock;
    private final Duration window;
    private int limit;

    /** The end of the current window; before the first response, one window after the first reservation. */
    private Instant windowEnd;
    private boolean windowKnown;
    /** Megapixels this limiter booked in the current window. */
    private int booked;
    /** The most of the current window the server reported used, by every user of the key. */
    private int serverUsed;
    /** Megapixels booked in the current window that the server's last report cannot have counted yet. */
    private int bookedSinceReport;
    /** Megapixels booked in the windows after the current one (index 0 is the next window). */
    private final List<Integer> later = new ArrayList<>();
    /** How many equal users the key seemed to have in the last full window. */
    private int sharers = 1;

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
     * @param clock the clock that measures the windows
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
     * @param clock the clock that measures the windows
     */
    public MegapixelRateLimiter(int megapixelsPerWindow, Duration window, Clock clock) {
        if (megapixelsPerWindow < 1) {
            throw new IllegalArgumentException("megapixelsPerWindow must be at least 1, was " + megapixelsPerWindow);
        }
        if (window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = window;
        this.limit = megapixelsPerWindow;
        this.windowEnd = clock.instant().plus(window);
    }

    /**
     * Books {@code cost} megapixels and returns how long the caller must wait before sending the call (zero when it
     * may go at once). The booking is taken immediately, so the caller must send after the wait and not reserve again
     * for the same attempt.
     *
     * @param cost the call's cost in megapixels (see {@code ImageDimensions.rateLimitCost()}), at least 1
     * @return the wait, never negative
     */
    public synchronized Duration reserve(int cost) {
        if (cost < 1) {
            throw new IllegalArgumentException("cost must be at least 1 megapixel, was " + cost);
        }
        Instant now = clock.instant();
        if (!windowKnown && booked == 0 && later.isEmpty()) {
            windowEnd = now.plus(window); // no response yet: the first window starts with the first call
        }
        roll(now);
        int share = share();
        boolean empty = booked == 0 && serverUsed == 0;
        if (empty || fits(booked, cost, share) && serverUsed + bookedSinceReport + cost <= limit) {
            booked += cost;
            bookedSinceReport += cost;
            return Duration.ZERO;
        }
        for (int i = 0; ; i++) {
            if (i == later.size()) {
                later.add(0);
            }
            if (fits(later.get(i), cost, share)) {
                later.set(i, later.get(i) + cost);
                Duration wait = Duration.between(now, windowEnd.plus(window.multipliedBy(i)));
                return wait.isNegative() ? Duration.ZERO : wait;
            }
        }
    }

    /** An image dearer than a whole share still goes, alone in its window. */
    private static boolean fits(int alreadyBooked, int cost, int share) {
        return alreadyBooked == 0 || alreadyBooked + cost <= share;
    }

    private int share() {
        return Math.max(1, limit / sharers);
    }

    /**
     * Re-synchronises from the server's view, which covers every user of the key: the window ends at
     * {@code snapshot.reset()} (the server rounds it up to a whole second, so waiting for it is safe), holds
     * {@code snapshot.limit()}, and has {@code snapshot.remaining()} left; when nothing remains, the calls booked in
     * it move to the next window.
     */
    public synchronized void synchronize(RateLimitSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        Instant now = clock.instant();
        roll(now);
        if (snapshot.limit() > 0) {
            limit = snapshot.limit();
        }
        Instant reset = snapshot.reset();
        if (!reset.isAfter(now)) {
            return; // stale: that window is over
        }
        long half = window.toNanos() / 2;
        if (windowKnown && Duration.between(windowEnd, reset).toNanos() < -half) {
            return; // a late answer from a window before the current one
        }
        // The server is in a later window than estimated: move on to it.
        while (Duration.between(windowEnd, reset).toNanos() > half) {
            advance();
        }
        windowEnd = reset;
        windowKnown = true;
        int used = Math.max(0, limit - snapshot.remaining());
        serverUsed = Math.max(serverUsed, used);
        // Bookings the server cannot have counted yet: alone on the key, its count is exactly this limiter's calls
        // that arrived, so the rest are still in flight; shared, the estimate is low, and the share caps the rest.
        bookedSinceReport = Math.max(0, booked - used);
        if (snapshot.remaining() == 0) {
            // Whatever was booked here and not yet sent cannot go in this window.
            serverUsed = limit;
        }
    }

    private void roll(Instant now) {
        while (!now.isBefore(windowEnd)) {
            advance();
        }
    }

    /** Closes the current window: learns how many share the key, then opens the next. */
    private void advance() {
        if (booked > 0 && serverUsed > 0) {
            // Rounded up past a quarter: the server's count lags the window's last calls, so it tends to be low.
            long estimate = (long) Math.ceil((double) serverUsed / booked - 0.25);
            sharers = (int) Math.max(1, Math.min(MAX_SHARERS, estimate));
        } else if (booked > 0 || serverUsed == 0) {
            sharers = 1;
        }
        booked = later.isEmpty() ? 0 : later.remove(0);
        bookedSinceReport = booked;
        serverUsed = 0;
        windowEnd = windowEnd.plus(window);
    }

    /** The megapixels per window the server allows (updated from {@code X-RateLimit-Limit}). */
    public synchronized int megapixelsPerWindow() {
        return limit;
    }

    /** The megapixels this limiter may still book in the current window without waiting. */
    public synchronized int available() {
        roll(clock.instant());
        return Math.max(0, Math.min(share() - booked, limit - serverUsed - bookedSinceReport));
    }

    /** How many equal users the key seemed to have in the last window (1 when this limiter is alone). */
    public synchronized int estimatedSharers() {
        roll(clock.instant());
        return sharers;
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "MegapixelRateLimiter[limit=%d per %ss, booked=%d, serverUsed=%d, sharers=%d]",
                limit, window.toSeconds(), booked, serverUsed, sharers);
    }
}
