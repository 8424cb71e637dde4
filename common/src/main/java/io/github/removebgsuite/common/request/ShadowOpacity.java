package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The {@code shadow_opacity} parameter: a shadow's darkness from {@code 0} (lightest) to {@code 100} (darkest), or
 * {@code auto} for the API's defaults (car 90, every other type 50). Given globally ({@code shadow_opacity}) or per
 * foreground type ({@code shadow_opacity[car]}, numbers only).
 */
public final class ShadowOpacity {

    private static final String ALLOWED = "a whole number from 0 to 100, or auto";
    private static final String ALLOWED_PER_TYPE = "a whole number from 0 to 100"
            + " (auto is only allowed for shadow_opacity itself)";

    /** {@code auto}: the API's default opacity for each foreground type. */
    public static final ShadowOpacity AUTO = new ShadowOpacity(-1);

    private final int value;

    private ShadowOpacity(int value) {
        this.value = value;
    }

    /**
     * An opacity from 0 to 100.
     *
     * @throws InvalidParameterException naming {@code shadow_opacity} outside 0–100
     */
    public static ShadowOpacity of(int opacity) {
        if (opacity < 0 || opacity > 100) {
            throw new InvalidParameterException("shadow_opacity", Integer.toString(opacity), ALLOWED);
        }
        return new ShadowOpacity(opacity);
    }

    /**
     * Parses {@code auto} or a whole number from 0 to 100.
     *
     * @throws InvalidParameterException naming {@code shadow_opacity} when the value is neither
     */
    public static ShadowOpacity parse(String value) {
        return parse("shadow_opacity", value);
    }

    /**
     * Parses the value of {@code shadow_opacity} or of a per-type {@code shadow_opacity[<type>]}, which takes numbers
     * only.
     *
     * @param parameter the parameter name to report in an error
     * @throws InvalidParameterException naming {@code parameter} when the value is not allowed there
     */
    public static ShadowOpacity parse(String parameter, String value) {
        boolean perType = parameter.indexOf('[') >= 0;
        String allowed = perType ? ALLOWED_PER_TYPE : ALLOWED;
        String trimmed = value == null ? "" : value.strip();
        if (!perType && trimmed.toLowerCase(Locale.ROOT).equals("auto")) {
            return AUTO;
        }
        if (!trimmed.matches("\\d{1,3}")) {
            throw new InvalidParameterException(parameter, value, allowed);
        }
        int n = Integer.parseInt(trimmed);
        if (n > 100) {
            throw new InvalidParameterException(parameter, value, allowed);
        }
        return new ShadowOpacity(n);
    }

    static void requirePerTypeValue(String parameter, ShadowOpacity opacity) {
        if (opacity.isAuto()) {
            throw new InvalidParameterException(parameter, "auto", ALLOWED_PER_TYPE);
        }
    }

    /** Whether this is {@code auto}. */
    public boolean isAuto() {
        return value < 0;
    }

    /** The opacity, empty for {@code auto}. */
    public OptionalInt value() {
        return value < 0 ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** The value as sent, e.g. {@code 80} or {@code auto}. */
    public String wireValue() {
        return value < 0 ? "auto" : Integer.toString(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShadowOpacity other && value == other.value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public String toString() {
        return wireValue();
    }
}
