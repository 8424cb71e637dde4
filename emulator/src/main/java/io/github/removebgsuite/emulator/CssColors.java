package io.github.removebgsuite.emulator;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@code bg_color}: 3-, 4-, 6- or 8-digit hex (the last two with alpha, an optional leading {@code #}) or a
 * CSS colour name (the CSS Color Module Level 4 named colours).
 */
final class CssColors {
    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("aliceblue", 0xf0f8ff), Map.entry("antiquewhite", 0xfaebd7), Map.entry("aqua", 0x00ffff),
            Map.entry("aquamarine", 0x7fffd4), Map.entry("azure", 0xf0ffff), Map.entry("beige", 0xf5f5dc),
            Map.entry("bisque", 0xffe4c4), Map.entry("black", 0x000000), Map.entry("blanchedalmond", 0xffebcd),
            Map.entry("blue", 0x0000ff), Map.entry("blueviolet", 0x8a2be2), Map.entry("brown", 0xa52a2a),
            Map.entry("burlywood", 0xdeb887), Map.entry("cadetblue", 0x5f9ea0), Map.entry("chartreuse", 0x7fff00),
            Map.entry("chocolate", 0xd2691e), Map.entry("coral", 0xff7f50), Map.entry("cornflowerblue", 0x6495ed),
            Map.entry("cornsilk", 0xfff8dc), Map.entry("crimson", 0xdc143c), Map.entry("cyan", 0x00ffff),
            Map.entry("darkblue", 0x00008b), Map.entry("darkcyan", 0x008b8b), Map.entry("darkgoldenrod", 0xb8860b),
            Map.entry("darkgray", 0xa9a9a9), Map.entry("darkgreen", 0x006400), Map.entry("darkgrey", 0xa9a9a9),
            Map.entry("darkkhaki", 0xbdb76b), Map.entry("darkmagenta", 0x8b008b),
            Map.entry("darkolivegreen", 0x556b2f), Map.entry("darkorange", 0xff8c00),
            Map.entry("darkorchid", 0x9932cc), Map.entry("darkred", 0x8b0000), Map.entry("darksalmon", 0xe9967a),
            Map.entry("darkseagreen", 0x8fbc8f), Map.entry("darkslateblue", 0x483d8b),
            Map.entry("darkslategray", 0x2f4f4f), Map.entry("darkslategrey", 0x2f4f4f),
            Map.entry("darkturquoise", 0x00ced1), Map.entry("darkviolet", 0x9400d3),
            Map.entry("deeppink", 0xff1493), Map.entry("deepskyblue", 0x00bfff), Map.entry("dimgray", 0x696969),
            Map.entry("dimgrey", 0x696969), Map.entry("dodgerblue", 0x1e90ff), Map.entry("firebrick", 0xb22222),
            Map.entry("floralwhite", 0xfffaf0), Map.entry("forestgreen", 0x228b22), Map.entry("fuchsia", 0xff00ff),
            Map.entry("gainsboro", 0xdcdcdc), Map.entry("ghostwhite", 0xf8f8ff), Map.entry("gold", 0xffd700),
            Map.entry("goldenrod", 0xdaa520), Map.entry("gray", 0x808080), Map.entry("green", 0x008000),
            Map.entry("greenyellow", 0xadff2f), Map.entry("grey", 0x808080), Map.entry("honeydew", 0xf0fff0),
            Map.entry("hotpink", 0xff69b4), Map.entry("indianred", 0xcd5c5c), Map.entry("indigo", 0x4b0082),
            Map.entry("ivory", 0xfffff0), Map.entry("khaki", 0xf0e68c), Map.entry("lavender", 0xe6e6fa),
            Map.entry("lavenderblush", 0xfff0f5), Map.entry("lawngreen", 0x7cfc00),
            Map.entry("lemonchiffon", 0xfffacd), Map.entry("lightblue", 0xadd8e6), Map.entry("lightcoral", 0xf08080),
            Map.entry("lightcyan", 0xe0ffff), Map.entry("lightgoldenrodyellow", 0xfafad2),
            Map.entry("lightgray", 0xd3d3d3), Map.entry("lightgreen", 0x90ee90), Map.entry("lightgrey", 0xd3d3d3),
            Map.entry("lightpink", 0xffb6c1), Map.entry("lightsalmon", 0xffa07a),
            Map.entry("lightseagreen", 0x20b2aa), Map.entry("lightskyblue", 0x87cefa),
            Map.entry("lightslategray", 0x778899), Map.entry("lightslategrey", 0x778899),
            Map.entry("lightsteelblue", 0xb0c4de), Map.entry("lightyellow", 0xffffe0), Map.entry("lime", 0x00ff00),
            Map.entry("limegreen", 0x32cd32), Map.entry("linen", 0xfaf0e6), Map.entry("magenta", 0xff00ff),
            Map.entry("maroon", 0x800000), Map.entry("mediumaquamarine", 0x66cdaa),
            Map.entry("mediumblue", 0x0000cd), Map.entry("mediumorchid", 0xba55d3),
            Map.entry("mediumpurple", 0x9370db), Map.entry("mediumseagreen", 0x3cb371),
            Map.entry("mediumslateblue", 0x7b68ee), Map.entry("mediumspringgreen", 0x00fa9a),
            Map.entry("mediumturquoise", 0x48d1cc), Map.entry("mediumvioletred", 0xc71585),
            Map.entry("midnightblue", 0x191970), Map.entry("mintcream", 0xf5fffa), Map.entry("mistyrose", 0xffe4e1),
            Map.entry("moccasin", 0xffe4b5), Map.entry("navajowhite", 0xffdead), Map.entry("navy", 0x000080),
            Map.entry("oldlace", 0xfdf5e6), Map.entry("olive", 0x808000), Map.entry("olivedrab", 0x6b8e23),
            Map.entry("orange", 0xffa500), Map.entry("orangered", 0xff4500), Map.entry("orchid", 0xda70d6),
            Map.entry("palegoldenrod", 0xeee8aa), Map.entry("palegreen", 0x98fb98),
            Map.entry("paleturquoise", 0xafeeee), Map.entry("palevioletred", 0xdb7093),
            Map.entry("papayawhip", 0xffefd5), Map.entry("peachpuff", 0xffdab9), Map.entry("peru", 0xcd853f),
            Map.entry("pink", 0xffc0cb), Map.entry("plum", 0xdda0dd), Map.entry("powderblue", 0xb0e0e6),
            Map.entry("purple", 0x800080), Map.entry("rebeccapurple", 0x663399), Map.entry("red", 0xff0000),
            Map.entry("rosybrown", 0xbc8f8f), Map.entry("royalblue", 0x4169e1), Map.entry("saddlebrown", 0x8b4513),
            Map.entry("salmon", 0xfa8072), Map.entry("sandybrown", 0xf4a460), Map.entry("seagreen", 0x2e8b57),
            Map.entry("seashell", 0xfff5ee), Map.entry("sienna", 0xa0522d), Map.entry("silver", 0xc0c0c0),
            Map.entry("skyblue", 0x87ceeb), Map.entry("slateblue", 0x6a5acd), Map.entry("slategray", 0x708090),
            Map.entry("slategrey", 0x708090), Map.entry("snow", 0xfffafa), Map.entry("springgreen", 0x00ff7f),
            Map.entry("steelblue", 0x4682b4), Map.entry("tan", 0xd2b48c), Map.entry("teal", 0x008080),
            Map.entry("thistle", 0xd8bfd8), Map.entry("tomato", 0xff6347), Map.entry("turquoise", 0x40e0d0),
            Map.entry("violet", 0xee82ee), Map.entry("wheat", 0xf5deb3), Map.entry("white", 0xffffff),
            Map.entry("whitesmoke", 0xf5f5f5), Map.entry("yellow", 0xffff00), Map.entry("yellowgreen", 0x9acd32));

    private CssColors() {
    }

    /** The colour as non-premultiplied ARGB, or empty when the text is neither hex nor a known name. */
    static Optional<Integer> parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("transparent")) {
            return Optional.of(0);
        }
        Integer named = NAMES.get(value);
        if (named != null) {
            return Optional.of(0xff000000 | named);
        }
        String hex = value.startsWith("#") ? value.substring(1) : value;
        if (!hex.matches("[0-9a-f]+")) {
            return Optional.empty();
        }
        switch (hex.length()) {
            case 3:
            case 4:
                StringBuilder doubled = new StringBuilder();
                for (char c : hex.toCharArray()) {
                    doubled.append(c).append(c);
                }
                return parse(doubled.toString());
            case 6:
                return Optional.of(0xff000000 | Integer.parseInt(hex, 16));
            case 8:
                int rgba = (int) Long.parseLong(hex, 16);
                return Optional.of((rgba >>> 8) | (rgba << 24));
            default:
                return Optional.empty();
        }
    }
}
