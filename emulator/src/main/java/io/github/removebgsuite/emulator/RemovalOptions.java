package io.github.removebgsuite.emulator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processing parameters of one {@code POST /removebg}, parsed and validated from the request fields before any
 * image is read (so a bad value costs nothing). Geometry that depends on the image ({@code roi} bounds) is checked
 * later, by {@link ImagePipeline}.
 */
final class RemovalOptions {
    /** The foreground types the {@code type} parameter and the per-type maps accept. */
    static final Set<String> TYPES = Set.of("car", "product", "person", "animal", "graphic", "transportation");

    private static final Set<String> MAP_TYPES =
            Set.of("car", "product", "person", "animal", "graphic", "transportation", "other");
    private static final Set<String> SHADOWS = Set.of("car", "3d", "drop", "none");
    private static final Pattern LENGTH = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(px|%)?");

    /** Output resolution classes of the {@code size} parameter, legacy aliases included. */
    enum Size {
        PREVIEW(250_000, "0.25"), SMALL(250_000, "0.25"), REGULAR(250_000, "0.25"), MEDIUM(1_500_000, "1"),
        HD(4_000_000, "1"), FULL(25_000_000, "1"), FOUR_K(25_000_000, "1"), MP50(50_000_000, "1"),
        AUTO(25_000_000, "1");

        final long maxPixels;
        final BigDecimal credits;

        Size(long maxPixels, String credits) {
            this.maxPixels = maxPixels;
            this.credits = new BigDecimal(credits);
        }

        static Size parse(String value) throws ApiError {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "preview": return PREVIEW;
                case "small": return SMALL;
                case "regular": return REGULAR;
                case "medium": return MEDIUM;
                case "hd": return HD;
                case "full": return FULL;
                case "4k": return FOUR_K;
                case "50mp": return MP50;
                case "auto": return AUTO;
                default:
                    throw ApiError.invalidParameter("size", value,
                            "preview, full, 50MP, auto (legacy: small, regular, medium, hd, 4k)");
            }
        }
    }

    /** A length of {@code roi} or {@code crop_margin}: a number of pixels or a percentage. */
    record Length(double value, boolean percent) {
        /** Resolves against a reference length (the image or subject dimension the percentage is of). */
        double resolve(double reference) {
            return percent ? value * reference / 100.0 : value;
        }
    }

    final Size size;
    final String type;
    final String typeLevel;
    final String format;
    final Optional<List<Length>> roi;
    final boolean crop;
    final List<Length> cropMargin;
    final Optional<Double> scale;
    final Optional<double[]> position;
    final boolean positionGiven;
    final boolean alphaOnly;
    final boolean semitransparency;
    final Optional<String> globalShadow;
    final Map<String, String> shadowPerType;
    final Optional<Integer> globalOpacity;
    final Map<String, Integer> opacityPerType;
    final Optional<Integer> bgColor;

    private RemovalOptions(RequestFields f) throws ApiError {
        size = Size.parse(f.text("size").orElse("preview"));
        type = oneOf(f, "type", "auto", Set.of("auto", "car", "product", "person", "animal", "graphic",
                "transportation"));
        typeLevel = oneOf(f, "type_level", "latest", Set.of("none", "1", "2", "latest"));
        format = oneOf(f, "format", "auto", Set.of("auto", "png", "webp", "jpg", "zip"));
        roi = f.text("roi").isPresent() ? Optional.of(parseRoi(f.text("roi").get())) : Optional.empty();
        crop = bool(f, "crop", false);
        cropMargin = parseCropMargin(f.text("crop_margin").orElse("0"));
        scale = parseScale(f.text("scale").orElse("original"));
        String positionText = f.text("position").orElse(scale.isPresent() ? "center" : "original");
        positionGiven = f.text("position").isPresent();
        position = parsePosition(positionText);
        alphaOnly = oneOf(f, "channels", "rgba", Set.of("rgba", "alpha")).equals("alpha");
        semitransparency = bool(f, "semitransparency", true);

        Map<String, String> shadows = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : f.perKey("shadow_type").entrySet()) {
            checkMapType("shadow_type", e.getKey());
            shadows.put(e.getKey(), shadowValue("shadow_type[" + e.getKey() + "]", e.getValue(), false));
        }
        Optional<String> global = f.text("shadow_type").isPresent()
                ? Optional.of(shadowValue("shadow_type", f.text("shadow_type").get(), true)) : Optional.empty();
        if (global.isPresent() && !shadows.isEmpty()) {
            throw ApiError.invalidParameter("shadow_type", f.text("shadow_type").get(),
                    "either one global shadow_type or per-type shadow_type[type] values, not both");
        }
        if (bool(f, "add_shadow", false) && global.isEmpty() && shadows.isEmpty()) {
            shadows.put("car", "car"); // documented: add_shadow=true means shadow_type[car]=car
        }
        globalShadow = global;
        shadowPerType = Map.copyOf(shadows);

        Map<String, Integer> opacities = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : f.perKey("shadow_opacity").entrySet()) {
            checkMapType("shadow_opacity", e.getKey());
            Integer value = opacity("shadow_opacity[" + e.getKey() + "]", e.getValue(), false);
            opacities.put(e.getKey(), value);
        }
        Optional<String> opacityText = f.text("shadow_opacity");
        globalOpacity = opacityText.isPresent()
                ? Optional.ofNullable(opacity("shadow_opacity", opacityText.get(), true)) : Optional.empty();
        if (opacityText.isPresent() && !opacities.isEmpty()) {
            throw ApiError.invalidParameter("shadow_opacity", opacityText.get(),
                    "either one global shadow_opacity or per-type shadow_opacity[type] values, not both");
        }
        opacityPerType = Map.copyOf(opacities);

        Optional<String> color = f.text("bg_color");
        if (color.isPresent()) {
            Optional<Integer> argb = CssColors.parse(color.get());
            if (argb.isEmpty()) {
                throw ApiError.badRequest("invalid_bg_color", "Invalid background color",
                        "bg_color must be a 3-, 4-, 6- or 8-digit hex code (e.g. 81d4fa, 81d4fa77) or a colour name "
                                + "(e.g. green).");
            }
            bgColor = argb;
        } else {
            bgColor = Optional.empty();
        }
        int bgSources = (f.has("bg_color") ? 1 : 0) + (f.has("bg_image_url") ? 1 : 0)
                + (f.bytes("bg_image_file").isPresent() ? 1 : 0);
        if (bgSources > 1) {
            throw ApiError.badRequest("multiple_bg_sources", "Multiple background sources given",
                    "Please provide only one of bg_color, bg_image_url or bg_image_file.");
        }
    }

    /** Parses and validates every processing parameter of the request. */
    static RemovalOptions parse(RequestFields fields) throws ApiError {
        return new RemovalOptions(fields);
    }

    private static String oneOf(RequestFields f, String name, String fallback, Set<String> allowed) throws ApiError {
        String value = f.text(name).orElse(fallback);
        String lower = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw ApiError.invalidParameter(name, value, String.join(", ", allowed.stream().sorted().toList()));
        }
        return lower;
    }

    private static boolean bool(RequestFields f, String name, boolean fallback) throws ApiError {
        Optional<String> value = f.text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true": case "1": return true;
            case "false": case "0": return false;
            default: throw ApiError.invalidParameter(name, value.get(), "true, false");
        }
    }

    private static void checkMapType(String parameter, String type) throws ApiError {
        if (!MAP_TYPES.contains(type)) {
            throw ApiError.invalidParameter(parameter + "[" + type + "]", type,
                    "per-type keys " + String.join(", ", MAP_TYPES.stream().sorted().toList()));
        }
    }

    private static String shadowValue(String name, String value, boolean autoAllowed) throws ApiError {
        String lower = value.toLowerCase(Locale.ROOT);
        if (SHADOWS.contains(lower) || autoAllowed && lower.equals("auto")) {
            return lower;
        }
        throw ApiError.invalidParameter(name, value, autoAllowed ? "auto, car, 3D, drop, none" : "car, 3D, drop, none");
    }

    /** An opacity 0..100, or null for {@code auto}. */
    private static Integer opacity(String name, String value, boolean autoAllowed) throws ApiError {
        if (autoAllowed && value.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw ApiError.invalidParameter(name, value, autoAllowed ? "an integer from 0 to 100, or auto"
                : "an integer from 0 to 100");
    }

    private static List<Length> parseLengths(String text) {
        String[] parts = text.trim().split("[\\s,]+");
        List<Length> lengths = new java.util.ArrayList<>();
        for (String part : parts) {
            Matcher m = LENGTH.matcher(part.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                return null;
            }
            lengths.add(new Length(Double.parseDouble(m.group(1)), "%".equals(m.group(2))));
        }
        return lengths;
    }

    private static List<Length> parseRoi(String text) throws ApiError {
        List<Length> values = parseLengths(text);
        if (values == null || values.size() != 4 || values.stream().anyMatch(l -> l.value() < 0)) {
            throw ApiError.invalidParameter("roi", text,
                    "four non-negative coordinates \"x1 y1 x2 y2\", each in px or %, e.g. \"0% 0% 100% 100%\"");
        }
        return values;
    }

    private static List<Length> parseCropMargin(String text) throws ApiError {
        List<Length> values = parseLengths(text);
        boolean valid = values != null && (values.size() == 1 || values.size() == 2 || values.size() == 4);
        if (valid) {
            for (Length l : values) {
                valid &= l.value() >= 0 && l.value() <= (l.percent() ? 50 : 500);
            }
        }
        if (!valid) {
            throw ApiError.badRequest("invalid_crop_margin", "Invalid crop margin",
                    "crop_margin must be 1, 2 or 4 values, each 0-500px or 0-50% (e.g. \"30px\", \"10%\"); got '"
                            + text + "'.");
        }
        switch (values.size()) {
            case 1: return List.of(values.get(0), values.get(0), values.get(0), values.get(0));
            case 2: return List.of(values.get(0), values.get(1), values.get(0), values.get(1));
            default: return List.copyOf(values);
        }
    }

    private static Optional<Double> parseScale(String text) throws ApiError {
        if (text.equalsIgnoreCase("original")) {
            return Optional.empty();
        }
        List<Length> values = parseLengths(text);
        if (values == null || values.size() != 1 || !values.get(0).percent()
                || values.get(0).value() < 10 || values.get(0).value() > 100) {
            throw ApiError.invalidParameter("scale", text, "\"original\" or a percentage from 10% to 100%");
        }
        return Optional.of(values.get(0).value() / 100.0);
    }

    /** Empty for {@code original}; otherwise horizontal and vertical fractions 0..1. */
    private static Optional<double[]> parsePosition(String text) throws ApiError {
        if (text.equalsIgnoreCase("original")) {
            return Optional.empty();
        }
        if (text.equalsIgnoreCase("center")) {
            return Optional.of(new double[] {0.5, 0.5});
        }
        List<Length> values = parseLengths(text);
        if (values == null || values.isEmpty() || values.size() > 2
                || values.stream().anyMatch(l -> !l.percent() || l.value() < 0 || l.value() > 100)) {
            throw ApiError.invalidParameter("position", text,
                    "\"original\", \"center\", or one or two percentages from 0% to 100% (horizontal, vertical)");
        }
        double x = values.get(0).value() / 100.0;
        double y = values.size() == 2 ? values.get(1).value() / 100.0 : x;
        return Optional.of(new double[] {x, y});
    }

    /** The shadow type for a detected foreground type, or {@code none}. */
    String shadowFor(String detectedType) {
        String chosen;
        if (globalShadow.isPresent()) {
            chosen = globalShadow.get().equals("auto") ? defaultShadow(detectedType) : globalShadow.get();
        } else {
            chosen = shadowPerType.getOrDefault(detectedType, "none");
        }
        return chosen;
    }

    /** The shadow opacity 0..100 for a detected foreground type. */
    int opacityFor(String detectedType) {
        if (globalOpacity.isPresent()) {
            return globalOpacity.get();
        }
        Integer perType = opacityPerType.get(detectedType);
        if (perType != null) {
            return perType;
        }
        return detectedType.equals("car") ? 90 : 50;
    }

    private static String defaultShadow(String type) {
        switch (type) {
            case "car": return "car";
            case "person": case "transportation": return "3d";
            default: return "drop";
        }
    }
}
