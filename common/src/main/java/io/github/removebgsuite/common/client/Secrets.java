package io.github.removebgsuite.common.client;

/**
 * The client's credential, kept out of every string it builds: {@link #redact(String)} blanks it out of text that
 * came from elsewhere (an error detail echoing a header, say) before that text reaches a message or a log.
 */
final class Secrets {

    static final String MASK = "[redacted]";

    /**
     * Secrets shorter than this are not searched for: blanking every "k" of a message for a one-letter test key would
     * only garble it, and real remove.bg keys and OAuth tokens are far longer.
     */
    static final int MIN_REDACTED_LENGTH = 6;

    private final String secret;

    Secrets(String secret) {
        this.secret = secret;
    }

    /** {@code text} with every occurrence of the secret replaced by {@value #MASK}; null stays null. */
    String redact(String text) {
        if (text == null || secret == null || secret.length() < MIN_REDACTED_LENGTH) {
            return text;
        }
        return text.replace(secret, MASK);
    }

    @Override
    public String toString() {
        return MASK;
    }
}
