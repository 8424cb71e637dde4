package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code bg_color} parameter: a solid background colour, as a hex code of 3, 4, 6 or 8 digits without {@code #}
 * ({@code fff}, {@code 81d4fa}, {@code 81d4fa77}: the 4- and 8-digit forms carry alpha) or a colour name from the CSS
 * Color Module Level 4 named colours ({@code green}, {@code rebeccapurple}). A leading {@code #} is accepted and
 * dropped, since the API wants none. Sent in lower case.
 */
public final class BgColor {

    private static final String PARAMETER = "bg_color";
    private static final String ALLOWED = "a hex colour of 3, 4, 6 or 8 digits such as fff, 81d4fa or 81d4fa77"
            + " (a leading # is dropped), or a CSS colour name such as green";

    /** The 148 named colours of CSS Color Module Level 4, section 6.1. */
    static final Set<String> CSS_NAMES = Set.of((""
            + " aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet "
            + " brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue "
            + " darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange "
            + " darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise "
            + " darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen "
            + " fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred "
            + " indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan "
            + " lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen "
            + " lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta "
            + " maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue "
            + " mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin "
            + " navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen "
            + " paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red "
            + " rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue "
            + " slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white "
            + " whitesmoke yellow yellowgreen "
            ).strip().split("\\s+"));

    private final String value;

    private BgColor(String value) {
        this.value = value;
    }

    /**
     * Parses a hex code (with or without {@code #}) or a CSS colour name, ignoring case.
     *
     * @throws InvalidParameterException naming {@code bg_color} when the value is neither
     */
    public static BgColor parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        String hex = v.startsWith("#") ? v.substring(1) : v;
        if (hex.matches("[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8}")) {
            return new BgColor(hex);
        }
        if (!v.startsWith("#") && CSS_NAMES.contains(v)) {
            return new BgColor(v);
        }
        throw new InvalidParameterException(PARAMETER, value, ALLOWED);
    }

    /** Whether this is a colour name rather than a hex code. */
    public boolean isName() {
        return CSS_NAMES.contains(value);
    }

    /** The value as sent, e.g. {@code 81d4fa} or {@code green}. */
    public String wireValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BgColor other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return wireValue();
    }
}
