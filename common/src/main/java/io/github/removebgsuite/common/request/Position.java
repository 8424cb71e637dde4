package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code position} parameter: where the subject sits in the canvas. {@code original} (the API's default unless a
 * {@code scale} is given), {@code center} (the default with a scale), one percentage for both axes or two
 * (horizontal, vertical), each from {@code 0%} to {@code 100%}.
 */
public final class Position {

    private static final String PARAMETER = "position";
    private static final String ALLOWED = "original, center, or one or two percentages from 0% to 100%"
            + " (horizontal, vertical), e.g. '50%' or '50% 100%'";

    /** {@code original}: the subject stays where it is. */
    public static final Position ORIGINAL = new Position("original", List.of());
    /** {@code center}: the subject is centred. */
    public static final Position CENTER = new Position("center", List.of());

    private final String keyword;
    private final List<Length> percentages;

    private Position(String keyword, List<Length> percentages) {
        this.keyword = keyword;
        this.percentages = List.copyOf(percentages);
    }

    /**
     * Parses {@code original}, {@code center}, or one or two percentages.
     *
     * @throws InvalidParameterException naming {@code position} when the value is none of these
     */
    public static Position parse(String value) {
        String trimmed = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (trimmed.equals("original")) {
            return ORIGINAL;
        }
        if (trimmed.equals("center")) {
            return CENTER;
        }
        String[] t = Length.tokens(value);
        if (t.length != 1 && t.length != 2) {
            throw new InvalidParameterException(PARAMETER, value, ALLOWED);
        }
        Length[] p = new Length[t.length];
        for (int i = 0; i < t.length; i++) {
            p[i] = Length.parse(PARAMETER, t[i], value, ALLOWED);
            if (!p[i].isPercent() || p[i].exceeds(100)) {
                throw new InvalidParameterException(PARAMETER, value, ALLOWED);
            }
        }
        return new Position(null, List.of(p));
    }

    /**
     * A position in percent of the free space, horizontally and vertically.
     *
     * @throws InvalidParameterException naming {@code position} outside 0–100
     */
    public static Position percent(double horizontal, double vertical) {
        if (!(horizontal >= 0 && horizontal <= 100 && vertical >= 0 && vertical <= 100)) {
            throw new InvalidParameterException(PARAMETER, horizontal + "% " + vertical + "%", ALLOWED);
        }
        return new Position(null, List.of(Length.percent(horizontal), Length.percent(vertical)));
    }

    /** The percentages (one or two), empty for {@code original} and {@code center}. */
    public List<Length> percentages() {
        return percentages;
    }

    /** The value as sent, e.g. {@code center} or {@code 50% 100%}. */
    public String wireValue() {
        return keyword != null ? keyword
                : percentages.stream().map(Length::wireValue).collect(Collectors.joining(" "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Position other && wireValue().equals(other.wireValue());
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
