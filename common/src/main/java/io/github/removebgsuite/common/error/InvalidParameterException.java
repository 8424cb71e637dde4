package io.github.removebgsuite.common.error;

import java.util.Objects;

/**
 * A parameter failed validation before any network call, so no credit was spent. Names the parameter (in the API's own
 * vocabulary, e.g. {@code crop_margin} or {@code shadow_type[car]}), the rejected value and what is allowed.
 */
public class InvalidParameterException extends RemoveBgException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String value;
    private final String allowed;

    /**
     * @param parameter the API parameter name, e.g. {@code size}
     * @param value the rejected value as given (may be null when the parameter was missing)
     * @param allowed what is allowed, e.g. {@code one of preview, full, 50MP, auto}
     */
    public InvalidParameterException(String parameter, String value, String allowed) {
        super(message(parameter, value, allowed));
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.value = value;
        this.allowed = Objects.requireNonNull(allowed, "allowed");
    }

    private static String message(String parameter, String value, String allowed) {
        String shown = value == null ? "no value" : "'" + abbreviate(value) + "'";
        return "Invalid " + parameter + ": " + shown + " is not allowed; expected " + allowed + ".";
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    /** The API parameter name, e.g. {@code crop_margin}. */
    public String parameter() {
        return parameter;
    }

    /** The rejected value, or null when it was missing. */
    public String value() {
        return value;
    }

    /** A description of what is allowed. */
    public String allowed() {
        return allowed;
    }
}
