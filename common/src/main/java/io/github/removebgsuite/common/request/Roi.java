package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.util.Objects;

/**
 * The {@code roi} parameter: the region of interest, {@code x1 y1 x2 y2}, each in {@code px} or {@code %}. Only this
 * rectangle can be detected as foreground; the API's default is {@code 0% 0% 100% 100%}.
 *
 * <p>Checked locally: percentages within 0–100, and {@code x1 < x2}, {@code y1 < y2} where the two coordinates share
 * a unit (a mix of units can only be checked against the image, which the API does).
 *
 * @param x1 left edge
 * @param y1 top edge
 * @param x2 right edge
 * @param y2 bottom edge
 */
public record Roi(Length x1, Length y1, Length x2, Length y2) {

    private static final String PARAMETER = "roi";
    private static final String ALLOWED = "four coordinates 'x1 y1 x2 y2', each with px or %, e.g. '0% 0% 100% 100%'"
            + " or '10px 20px 300px 400px', with x1 < x2, y1 < y2 and percentages from 0% to 100%";

    /** Checks the rectangle. */
    public Roi {
        Objects.requireNonNull(x1, "x1");
        Objects.requireNonNull(y1, "y1");
        Objects.requireNonNull(x2, "x2");
        Objects.requireNonNull(y2, "y2");
        String shown = x1 + " " + y1 + " " + x2 + " " + y2;
        for (Length c : new Length[] {x1, y1, x2, y2}) {
            if (c.isPercent() && c.exceeds(100)) {
                throw new InvalidParameterException(PARAMETER, shown, ALLOWED);
            }
        }
        if (before(x2, x1) || before(y2, y1)) {
            throw new InvalidParameterException(PARAMETER, shown, ALLOWED);
        }
    }

    /** True when both share a unit and {@code high} is not beyond {@code low}. */
    private static boolean before(Length high, Length low) {
        return high.unit() == low.unit() && high.value().compareTo(low.value()) <= 0;
    }

    /**
     * Parses {@code x1 y1 x2 y2}.
     *
     * @throws InvalidParameterException naming {@code roi} when the value is not a valid region
     */
    public static Roi parse(String value) {
        String[] t = Length.tokens(value);
        if (t.length != 4) {
            throw new InvalidParameterException(PARAMETER, value, ALLOWED);
        }
        Length[] c = new Length[4];
        for (int i = 0; i < 4; i++) {
            c[i] = Length.parse(PARAMETER, t[i], value, ALLOWED);
        }
        return new Roi(c[0], c[1], c[2], c[3]);
    }

    /** The value as sent, e.g. {@code 0% 0% 100% 100%}. */
    public String wireValue() {
        return x1.wireValue() + " " + y1.wireValue() + " " + x2.wireValue() + " " + y2.wireValue();
    }

    @Override
    public String toString() {
        return wireValue();
    }
}
