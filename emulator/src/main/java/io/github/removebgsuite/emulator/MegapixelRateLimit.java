package io.github.removebgsuite.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

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
    /** Per credential: the megapixels counted in each window that counted any, by window index. */
    private final Map<String, NavigableMap<Long, Integer>> used = new HashMap<>();

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
        NavigableMap<Long, Integer> windows = used.computeIfAbsent(credential, k -> new TreeMap<>());
        int counted = windows.getOrDefault(window, 0);
        long end = (window + 1) * windowMillis;
        boolean allowed = counted + cost <= limit;
        if (allowed && cost > 0) {
            counted += cost;
            windows.put(window, counted);
        }
        long retryAfter = Math.max(1, (end - now + 999) / 1000);
        return new State(limit, Math.max(0, limit - counted), (end + 999) / 1000, retryAfter, allowed);
    }

    /** The megapixels counted for {@code credential} in each window that counted any, by the window's start. */
    synchronized SortedMap<Instant, Integer> usage(String credential) {
        SortedMap<Instant, Integer> usage = new TreeMap<>();
        used.getOrDefault(credential, Collections.emptyNavigableMap())
                .forEach((window, megapixels) -> usage.put(Instant.ofEpochMilli(window * windowMillis), megapixels));
        return Collections.unmodifiableSortedMap(usage);
    }
}
