package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code crop_margin} parameter: the margin added around the cropped subject, as one value (all sides), two
 * (top/bottom, left/right) or four (top, right, bottom, left), each in {@code px} or {@code %} of the subject. The API
 * adds at most 50% or 500 px per side. It only has an effect together with {@code crop=true}.
 */
public final class CropMargin {

    private static final String PARAMETER = "crop_margin";
    private static final String ALLOWED = "1, 2 or 4 values in px or %, e.g. '30px', '10%' or '10px 20px 10px 20px',"
            + " each at most 50% or 500px";

    private final List<Length> values;

    private CropMargin(List<Length> values) {
        this.values = List.copyOf(values);
    }

    /**
     * Parses one, two or four lengths.
     *
     * @throws InvalidParameterException naming {@code crop_margin} when the value is not a valid margin
     */
    public static CropMargin parse(String value) {
        String[] t = Length.tokens(value);
        if (t.length != 1 && t.length != 2 && t.length != 4) {
            throw new InvalidParameterException(PARAMETER, value, ALLOWED);
        }
        Length[] sides = new Length[t.length];
        for (int i = 0; i < t.length; i++) {
            sides[i] = Length.parse(PARAMETER, t[i], value, ALLOWED);
        }
        return of(value, sides);
    }

    /**
     * A margin from one, two or four lengths.
     *
     * @throws InvalidParameterException naming {@code crop_margin} when the count or a value is out of range
     */
    public static CropMargin of(Length... sides) {
        Objects.requireNonNull(sides, "sides");
        String shown = List.of(sides).stream().map(Length::wireValue).collect(Collectors.joining(" "));
        return of(shown, sides);
    }

    private static CropMargin of(String shown, Length... sides) {
        if (sides.length != 1 && sides.length != 2 && sides.length != 4) {
            throw new InvalidParameterException(PARAMETER, shown, ALLOWED);
        }
        for (Length side : sides) {
            if (side.exceeds(side.isPercent() ? 50 : 500)) {
                throw new InvalidParameterException(PARAMETER, shown, ALLOWED);
            }
        }
        return new CropMargin(List.of(sides));
    }

    /** The one, two or four lengths, in the order given. */
    public List<Length> values() {
        return values;
    }

    /** The value as sent, e.g. {@code 10px 20px}. */
    public String wireValue() {
        return values.stream().map(Length::wireValue).collect(Collectors.joining(" "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CropMargin other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return wireValue();
    }
}
