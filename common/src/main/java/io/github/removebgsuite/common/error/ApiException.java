package io.github.removebgsuite.common.error;

import io.github.removebgsuite.common.ratelimit.RateLimitSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * remove.bg answered with an error status. Carries the HTTP status, every {@code {code, title, detail}} of the answer's
 * {@code errors} array and the rate-limit snapshot of the response's {@code X-RateLimit-*} headers. The subclasses
 * name the documented statuses; any other status is reported as this class itself.
 */
public class ApiException extends RemoveBgException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<ApiError> errors;
    private final RateLimitSnapshot rateLimit;

    /**
     * @param message a user-facing sentence (without any key or token)
     * @param status the HTTP status code
     * @param errors the API's errors, in the order sent (may be empty)
     * @param rateLimit the rate-limit snapshot of the response, or null when it carried none
     */
    public ApiException(String message, int status, List<ApiError> errors, RateLimitSnapshot rateLimit) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.rateLimit = rateLimit;
    }

    /** The HTTP status code, e.g. 400. */
    public int status() {
        return status;
    }

    /** Every error the API reported, in its order; empty when the body carried none. */
    public List<ApiError> errors() {
        return errors;
    }

    /** The rate-limit state the response reported, when it carried {@code X-RateLimit-*} headers. */
    public Optional<RateLimitSnapshot> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    /** The first documented error code in {@link #errors()}, if any. */
    public Optional<KnownErrorCode> knownCode() {
        return errors.stream().map(ApiError::knownCode).flatMap(Optional::stream).findFirst();
    }
}
