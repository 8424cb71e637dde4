package hudson;

import java.io.IOException;

/**
 * Shim of jenkins-core {@code hudson.AbortException}: signals a polite build failure; Jenkins prints the message and no
 * stack trace.
 */
public class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An abort without a message. */
    public AbortException() {
    }

    /** An abort with the message shown in the build log. */
    public AbortException(String message) {
        super(message);
    }
}
