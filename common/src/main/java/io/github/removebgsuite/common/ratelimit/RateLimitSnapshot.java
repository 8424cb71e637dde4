package io.github.removebgsuite.common.ratelimit;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The rate-limit state one response reported through its {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and
 * {@code X-RateLimit-Reset} headers, in megapixel units (an image of 4 MP costs 4).
 *
 * @param limit the megapixels allowed per window ({@code X-RateLimit-Limit}, 500 by default)
 * @param remaining the megapixels left in the current window ({@code X-RateLimit-Remaining})
 * @param reset when the window resets ({@code X-RateLimit-Reset}, a Unix timestamp in seconds)
 */
public record RateLimitSnapshot(int limit, int remaining, Instant reset) implements Serializable {

    /** Checks the values are consistent. */
    public RateLimitSnapshot {
        if (limit < 0 || remaining < 0) {
            throw new IllegalArgumentException("limit and remaining must not be negative: " + limit + ", " + remaining);
        }
        Objects.requireNonNull(reset, "reset");
    }
}
