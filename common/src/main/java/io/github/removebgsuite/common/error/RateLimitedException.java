package io.github.removebgsuite.common.error;

import io.github.removebgsuite.common.ratelimit.RateLimitSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The rate limit was exceeded (HTTP 429); no credits were charged. The client waits and retries as its
 * {@code RetryPolicy} allows (up to {@code maxRateLimitWait}); this is thrown when the wait would be longer or the
 * attempts are used up.
 */
public class RateLimitedException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param message a user-facing sentence (without any key or token)
     * @param errors the API's errors, in the order sent (may be empty)
     * @param rateLimit the rate-limit snapshot of the response, or null when it carried none
     * @param retryAfter the response's {@code Retry-After}, or null when it carried none
     */
    public RateLimitedException(String message, List<ApiError> errors, RateLimitSnapshot rateLimit,
            Duration retryAfter) {
        super(message, 429, errors, rateLimit);
        this.retryAfter = retryAfter;
    }

    /** How long the API asked the client to wait ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
