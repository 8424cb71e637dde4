package io.github.removebgsuite.imagej.service;

import java.util.Objects;

/**
 * A remove.bg API key together with where it came from. Its {@link #toString()} never shows the key, so an
 * {@code ApiKey} can be logged or put in a message safely; only {@link #value()} reveals it, and only the client
 * should call that.
 */
public final class ApiKey {

    /** Where a key was found, in the order they are tried. */
    public enum Source {
        /** Typed into the command's {@code api_key} field (or passed as that macro or {@code --run} option). */
        PARAMETER("the api_key parameter"),
        /** The {@value RemoveBgService#API_KEY_ENVIRONMENT_VARIABLE} environment variable. */
        ENVIRONMENT("the " + RemoveBgService.API_KEY_ENVIRONMENT_VARIABLE + " environment variable"),
        /** Saved in Fiji's preferences on the user's explicit request (plain text). */
        SAVED("the key saved in Fiji's preferences");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        /** A phrase naming the source for a user, e.g. "the REMOVE_BG_API_KEY environment variable". */
        public String description() {
            return description;
        }
    }

    private final String value;
    private final Source source;

    /**
     * @param value the key; leading and trailing white space is removed
     * @param source where it was found
     * @throws IllegalArgumentException when the key is blank
     */
    public ApiKey(String value, Source source) {
        Objects.requireNonNull(value, "value");
        this.value = value.strip();
        if (this.value.isEmpty()) {
            throw new IllegalArgumentException("An API key must not be blank");
        }
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The key itself. Never log or show it. */
    public String value() {
        return value;
    }

    /** Where the key was found. */
    public Source source() {
        return source;
    }

    /**
     * Removes every occurrence of this key from a text, so a message can never leak it even if a lower layer quoted
     * it.
     */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "****");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && other.value.equals(value) && other.source == source;
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, source);
    }

    /** Names the source only, never the key. */
    @Override
    public String toString() {
        return "ApiKey[from " + source.description() + "]";
    }
}
