package io.github.removebgsuite.common.compose;

import io.github.removebgsuite.common.error.RemoveBgException;

/**
 * A ZIP result that cannot be composed into a PNG: not a ZIP, missing, unexpected or duplicate entries, an entry that
 * inflates beyond the allowed size, images that are not the documented JPEG and greyscale PNG, colour and alpha of
 * different sizes, or more pixels than allowed. The message names the entry and the limit.
 */
public class CompositionException extends RemoveBgException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a user-facing message. */
    public CompositionException(String message) {
        super(message);
    }

    /** Creates an exception with a user-facing message and its cause. */
    public CompositionException(String message, Throwable cause) {
        super(message, cause);
    }
}
