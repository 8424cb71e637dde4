package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shim of jenkins-core {@code hudson.util.Secret}: a confidential string. Jenkins encrypts it at rest; the shim keeps
 * only the plain text (there is no confidential store here), and like the real class it is serialisable so that it
 * can be sent to an agent.
 *
 * <p>The real {@link #toString()} is deprecated, logs a warning and returns the plain value so that old code keeps
 * working; this shim returns a mask instead, so that a test in the sandbox catches any code that prints a secret.
 */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(Secret.class.getName());

    private final String value;

    Secret(String value) {
        this.value = value;
    }

    /** Wraps {@code data} (null becomes the empty secret). */
    @NonNull
    public static Secret fromString(@CheckForNull String data) {
        return new Secret(data == null ? "" : data);
    }

    /** The plain text; never log or print it. */
    @NonNull
    public String getPlainText() {
        return value;
    }

    /** Deprecated in Jenkins; the shim masks the value (see the class comment). */
    @Override
    @Deprecated
    public String toString() {
        LOGGER.log(Level.WARNING, "Use Secret.getPlainText() instead of toString()",
                new Exception("Secret.toString() called"));
        return "********";
    }

    @Override
    public boolean equals(Object that) {
        return that instanceof Secret s && value.equals(s.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
