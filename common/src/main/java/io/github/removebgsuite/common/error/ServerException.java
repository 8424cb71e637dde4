package io.github.removebgsuite.common.error;

import io.github.removebgsuite.common.ratelimit.RateLimitSnapshot;
import java.util.List;

/**
 * remove.bg failed with a server error (HTTP 5xx). The client retries these with exponential backoff as its {@code RetryPolicy} allows; this is thrown once it gives up.
 */
public class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message a user-facing sentence (without any key or token)
     * @param status the HTTP status code
     * @param errors the API's errors, in the order sent (may be empty)
     * @param rateLimit the rate-limit snapshot of the response, or null when it carried none
     */
    public ServerException(String message, int status, List<ApiError> errors, RateLimitSnapshot rateLimit) {
        super(message, status, errors, rateLimit);
    }
}
