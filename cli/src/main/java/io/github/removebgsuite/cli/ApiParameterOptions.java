package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Every remove.bg parameter as a command-line option, named after the API parameter ({@code --crop-margin} is
 * {@code crop_margin}). Values are collected as text under their API names and handed to
 * {@link RemoveBgOptions#fromParameters(Map)}, so the CLI checks nothing itself: the core's one parser validates and
 * names the parameter in its error.
 */
final class ApiParameterOptions {

    @Option(names = "--size", paramLabel = "SIZE",
            description = "Output resolution: preview, full, 50MP, auto (legacy: small, regular, medium, hd, 4k).")
    String size;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Foreground type: auto, car, product, person, animal, graphic, transportation.")
    String type;

    @Option(names = "--type-level", paramLabel = "LEVEL", description = "Classification level: none, 1, 2, latest.")
    String typeLevel;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Result format: auto, png, webp, jpg, zip. zip results are composed to transparent PNGs "
                    + "unless --keep-zip is given.")
    String format;

    @Option(names = "--roi", paramLabel = "'X1 Y1 X2 Y2'",
            description = "Region of interest, in px or %%, e.g. '0%% 0%% 100%% 100%%'.")
    String roi;

    @Option(names = "--crop", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Crop off empty regions.")
    String crop;

    @Option(names = "--crop-margin", paramLabel = "MARGIN",
            description = "Margin around the cropped subject: 1, 2 or 4 values in px or %%, e.g. 10%% or '30px 10px'.")
    String cropMargin;

    @Option(names = "--scale", paramLabel = "SCALE", description = "Subject scale: 10%%..100%% or original.")
    String scale;

    @Option(names = "--position", paramLabel = "POSITION",
            description = "Subject position: original, center, or one or two %% values, e.g. '50%% 100%%'.")
    String position;

    @Option(names = "--channels", paramLabel = "CHANNELS", description = "rgba (finished image) or alpha (mask only).")
    String channels;

    @Option(names = "--add-shadow", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Deprecated by the API: same as --shadow-type car=car.")
    String addShadow;

    @Option(names = "--shadow-type", paramLabel = "TYPE[=SHADOW]",
            description = "Shadow: auto, car, 3D, drop, none for all foreground types, or per type as TYPE=SHADOW "
                    + "(repeatable), e.g. --shadow-type product=drop --shadow-type car=car.")
    List<String> shadowTypes = new ArrayList<>();

    @Option(names = "--shadow-opacity", paramLabel = "OPACITY",
            description = "Shadow opacity 0..100 or auto, or per type as TYPE=OPACITY (repeatable).")
    List<String> shadowOpacities = new ArrayList<>();

    @Option(names = "--semitransparency", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Keep semi-transparent regions (car windows).")
    String semitransparency;

    @Option(names = "--bg-color", paramLabel = "COLOR",
            description = "Solid background: hex (fff, 81d4fa, 81d4fa77) or a colour name (green).")
    String bgColor;

    @Option(names = "--bg-image-url", paramLabel = "URL", description = "Background image URL.")
    String bgImageUrl;

    @Option(names = "--bg-image-file", paramLabel = "FILE", description = "Background image file.")
    String bgImageFile;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE",
            description = "Any other API parameter, sent verbatim (for parameters newer than this CLI).")
    List<String> extra = new ArrayList<>();

    /** The options given, by API parameter name. */
    Map<String, String> toParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "size", size);
        put(p, "type", type);
        put(p, "type_level", typeLevel);
        put(p, "format", format);
        put(p, "roi", roi);
        put(p, "crop", crop);
        put(p, "crop_margin", cropMargin);
        put(p, "scale", scale);
        put(p, "position", position);
        put(p, "channels", channels);
        put(p, "add_shadow", addShadow);
        putPerType(p, "shadow_type", shadowTypes);
        putPerType(p, "shadow_opacity", shadowOpacities);
        put(p, "semitransparency", semitransparency);
        put(p, "bg_color", bgColor);
        put(p, "bg_image_url", bgImageUrl);
        put(p, "bg_image_file", bgImageFile);
        for (String pair : extra) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidParameterException("--param", pair, "NAME=VALUE, e.g. -P type_level=2");
            }
            p.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return p;
    }

    /** The validated options. */
    RemoveBgOptions toOptions() {
        return RemoveBgOptions.fromParameters(toParameters());
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (value != null) {
            p.put(name, value);
        }
    }

    /** {@code auto} goes to {@code shadow_type}; {@code car=car} goes to {@code shadow_type[car]}. */
    private static void putPerType(Map<String, String> p, String name, List<String> values) {
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq < 0) {
                p.put(name, value);
            } else {
                p.put(name + "[" + value.substring(0, eq).trim() + "]", value.substring(eq + 1).trim());
            }
        }
    }
}
