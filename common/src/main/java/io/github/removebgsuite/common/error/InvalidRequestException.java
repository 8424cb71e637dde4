package io.github.removebgsuite.common.error;

import io.github.removebgsuite.common.ratelimit.RateLimitSnapshot;
import java.util.List;

/**
 * The request was rejected as invalid (HTTP 400); no credits were charged.
 */
public class InvalidRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message a user-facing sentence (without any key or token)
     * @param status the HTTP status code
     * @param errors the API's errors, in the order sent (may be empty)
     * @param rateLimit the rate-limit snapshot of the response, or null when it carried none
     */
    public InvalidRequestException(String message, int status, List<ApiError> errors, RateLimitSnapshot rateLimit) {
        super(message, status, errors, rateLimit);
    }
}
