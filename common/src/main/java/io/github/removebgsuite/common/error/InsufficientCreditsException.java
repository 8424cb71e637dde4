package io.github.removebgsuite.common.error;

import io.github.removebgsuite.common.ratelimit.RateLimitSnapshot;
import java.util.List;

/**
 * The account has too few credits for the call (HTTP 402); no credits were charged.
 */
public class InsufficientCreditsException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message a user-facing sentence (without any key or token)
     * @param status the HTTP status code
     * @param errors the API's errors, in the order sent (may be empty)
     * @param rateLimit the rate-limit snapshot of the response, or null when it carried none
     */
    public InsufficientCreditsException(String message, int status, List<ApiError> errors, RateLimitSnapshot rateLimit) {
        super(message, status, errors, rateLimit);
    }
}
