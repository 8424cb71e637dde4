package io.github.removebgsuite.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The documented rate limit: a budget of megapixel images per fixed window, per credential. A call costs its input
 * megapixels rounded up, at least 1; {@code /account} and {@code /improve} cost nothing but still report the state.
 */
final class MegapixelRateLimit {
    /** A snapshot for the {@code X-RateLimit-*} headers. */
    record State(int limit, int remaining, long resetEpochSecond, long retryAfterSeconds, boolean allowed) {
    }

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, long[]> used = new HashMap<>(); // credential -> {window index, megapixels used}

    MegapixelRateLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = Math.max(1, window.toMillis());
        this.clock = clock;
    }

    /** The cost of an input of {@code width} x {@code height}: megapixels rounded up, at least 1. */
    static int cost(long width, long height) {
        return (int) Math.max(1, (width * height + 999_999) / 1_000_000);
    }

    /** Takes {@code cost} from the credential's budget if it fits; the state says whether it did. */
    synchronized State acquire(String credential, int cost) {
        long now = clock.millis();
        // Windows are aligned to the epoch (a one-minute window runs from one whole minute to the next), so that
        // X-RateLimit-Reset, a whole unix second, is the window's exact end whenever the window is whole seconds.
        long window = Math.floorDiv(now, windowMillis);
        long[] entry = used.computeIfAbsent(credential, k -> new long[] {window, 0});
        if (entry[0] != window) {
            entry[0] = window;
            entry[1] = 0;
        }
        long end = (window + 1) * windowMillis;
        boolean allowed = entry[1] + cost <= limit;
        if (allowed) {
            entry[1] += cost;
        }
        long retryAfter = Math.max(1, (end - now + 999) / 1000);
        return new State(limit, (int) Math.max(0, limit - entry[1]), (end + 999) / 1000, retryAfter, allowed);
    }
}
