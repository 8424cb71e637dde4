package io.github.removebgsuite.common.error;

/**
 * The root of every failure the suite reports: bad parameters caught before a call, errors answered by the API, and
 * failures to reach it. Messages are sentences a user can act on and never contain a key or token.
 */
public class RemoveBgException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a user-facing message. */
    public RemoveBgException(String message) {
        super(message);
    }

    /** Creates an exception with a user-facing message and its cause. */
    public RemoveBgException(String message, Throwable cause) {
        super(message, cause);
    }
}
