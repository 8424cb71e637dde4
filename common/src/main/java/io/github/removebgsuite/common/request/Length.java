package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measure of {@code roi}, {@code crop_margin}, {@code scale} or {@code position}: a non-negative number with the
 * unit {@code px} (whole pixels) or {@code %} (relative, decimals allowed), e.g. {@code 30px} or {@code 12.5%}.
 *
 * @param value the number, never negative
 * @param unit pixels or percent
 */
public record Length(BigDecimal value, Unit unit) {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,6})?)(px|%)",
            Pattern.CASE_INSENSITIVE);

    /** The unit of a {@link Length}. */
    public enum Unit {
        /** {@code px}: absolute pixels. */
        PX("px"),
        /** {@code %}: relative to the image (or, for {@code crop_margin}, to the subject). */
        PERCENT("%");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        /** The suffix as written on the wire. */
        public String suffix() {
            return suffix;
        }
    }

    /** Checks the parts and drops trailing zeros, so {@code 10.0%} and {@code 10%} are one value. */
    public Length {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("A length is never negative: " + value);
        }
        value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** A length in whole pixels. */
    public static Length px(long pixels) {
        return new Length(BigDecimal.valueOf(pixels), Unit.PX);
    }

    /** A relative length in percent. */
    public static Length percent(double percent) {
        return new Length(BigDecimal.valueOf(percent), Unit.PERCENT);
    }

    /** Whether this is a percentage. */
    public boolean isPercent() {
        return unit == Unit.PERCENT;
    }

    /** The value as sent, e.g. {@code 30px} or {@code 12.5%}. */
    public String wireValue() {
        return value.toPlainString() + unit.suffix;
    }

    @Override
    public String toString() {
        return wireValue();
    }

    /**
     * Parses one token such as {@code 30px} or {@code 12.5%}.
     *
     * @param parameter the parameter to name in an error
     * @param whole the whole parameter value, reported in an error
     * @param allowed what the parameter allows, reported in an error
     */
    static Length parse(String parameter, String token, String whole, String allowed) {
        Matcher m = SYNTAX.matcher(token);
        if (!m.matches()) {
            throw new InvalidParameterException(parameter, whole, allowed);
        }
        Unit unit = m.group(2).toLowerCase(Locale.ROOT).equals("px") ? Unit.PX : Unit.PERCENT;
        BigDecimal value = new BigDecimal(m.group(1));
        if (unit == Unit.PX && value.stripTrailingZeros().scale() > 0) {
            throw new InvalidParameterException(parameter, whole, allowed + " (pixels are whole numbers)");
        }
        return new Length(value, unit);
    }

    /** Splits a value into its blank-separated tokens. */
    static String[] tokens(String value) {
        String trimmed = value == null ? "" : value.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }

    boolean exceeds(long limit) {
        return value.compareTo(BigDecimal.valueOf(limit)) > 0;
    }
}
