package io.github.removebgsuite.common.error;

/**
 * remove.bg (or something in between, such as a proxy or captive portal) answered with a success status but not with
 * what was promised: a body that is not an image or not the expected JSON, an image whose bytes do not match its
 * {@code Content-Type}, a truncated body, or a body larger than the client's {@code maxResponseBytes}. The call may
 * have been charged, so it is not retried automatically.
 */
public class UnexpectedResponseException extends RemoveBgException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a user-facing message. */
    public UnexpectedResponseException(String message) {
        super(message);
    }

    /** Creates an exception with a user-facing message and its cause (e.g. the I/O failure of a truncated body). */
    public UnexpectedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
