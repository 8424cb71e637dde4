package io.github.removebgsuite.common.error;

/**
 * remove.bg could not be reached, or the connection failed or timed out before a complete answer arrived.
 *
 * <p>{@link #requestSent()} tells whether the whole request had been sent when it failed. If it had, remove.bg may
 * have processed the image and charged for it, so the client does not re-send it unless the caller opted in with
 * {@code RetryPolicy.Builder.retryAfterRequestSent(true)}: a double charge is worse than an error.
 */
public class ApiConnectionException extends RemoveBgException {
    private static final long serialVersionUID = 1L;

    private final boolean requestSent;

    /**
     * @param message a user-facing sentence (without any key or token)
     * @param cause the I/O failure
     * @param requestSent whether the request had been sent completely before the failure
     */
    public ApiConnectionException(String message, Throwable cause, boolean requestSent) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    /** Whether the whole request had been sent (so the call may have been processed and charged). */
    public boolean requestSent() {
        return requestSent;
    }
}
