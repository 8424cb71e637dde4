package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code scale} parameter: the subject's size relative to the image, from {@code 10%} to {@code 100%}, or
 * {@code original} (the API's default). A scale implies {@code position=center} unless a position is given.
 */
public final class Scale {

    private static final String PARAMETER = "scale";
    private static final String ALLOWED = "a percentage from 10% to 100% (e.g. 80%) or original";

    /** {@code original}: the subject keeps its size. */
    public static final Scale ORIGINAL = new Scale(null);

    private final Length percent;

    private Scale(Length percent) {
        this.percent = percent;
    }

    /**
     * A relative scale.
     *
     * @throws InvalidParameterException naming {@code scale} outside 10–100
     */
    public static Scale percent(double percent) {
        if (!(percent >= 10 && percent <= 100)) {
            throw new InvalidParameterException(PARAMETER, percent + "%", ALLOWED);
        }
        return new Scale(Length.percent(percent));
    }

    /**
     * Parses {@code original} or a percentage.
     *
     * @throws InvalidParameterException naming {@code scale} when the value is neither
     */
    public static Scale parse(String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.toLowerCase(Locale.ROOT).equals("original")) {
            return ORIGINAL;
        }
        Length length = Length.parse(PARAMETER, trimmed, value, ALLOWED);
        if (!length.isPercent() || length.value().compareTo(BigDecimal.TEN) < 0 || length.exceeds(100)) {
            throw new InvalidParameterException(PARAMETER, value, ALLOWED);
        }
        return new Scale(length);
    }

    /** Whether this is {@code original}. */
    public boolean isOriginal() {
        return percent == null;
    }

    /** The percentage, empty for {@code original}. */
    public Optional<BigDecimal> percentValue() {
        return percent == null ? Optional.empty() : Optional.of(percent.value());
    }

    /** The value as sent, e.g. {@code 80%} or {@code original}. */
    public String wireValue() {
        return percent == null ? "original" : percent.wireValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scale other && wireValue().equals(other.wireValue());
    }

    @Override
    public int hashCode() {
        return wireValue().hashCode();
    }

    @Override
    public String toString() {
        return wireValue();
    }
}
