package io.github.removebgsuite.imagej;

import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.scijava.ItemVisibility;
import org.scijava.plugin.Parameter;
import org.scijava.widget.ChoiceWidget;
import org.scijava.widget.FileWidget;
import org.scijava.widget.TextWidget;

/**
 * What the background-removal commands share: every processing parameter of remove.bg, named as in
 * the API (lowercase snake_case, so they record cleanly in macros), and the way a failure is shown.
 *
 * <p>Every parameter is {@code persist = false}: a macro or a {@code --run} line gets exactly what it says and the
 * documented defaults for what it leaves out, never a value left over from an earlier dialog. An option a macro
 * leaves out arrives as {@code null} and means its default. The values are handed to the core
 * ({@link RemoveBgOptions#fromParameters(Map)}), which validates them before any credit is spent; the plugin
 * re-implements no API rule.
 *
 * <p>One name differs from the API: {@code type} is offered as {@code foreground_type}, because ImageJ's macro
 * option lookup would otherwise read {@code shadow_type=drop} as {@code type=drop}.
 */
public abstract class AbstractRemoveBgCommand extends RemoveBgCommand {

    /** The dialog's default for {@code size}: the highest resolution the account allows. */
    public static final String DEFAULT_SIZE = "auto";
    /** The dialog's default for {@code format}: ZIP is the fastest and keeps transparency at every size. */
    public static final String DEFAULT_FORMAT = "zip";
    /** The choice that sends nothing, so the API's own default applies. */
    public static final String API_DEFAULT = "default";

    /** API parameters that have a field of their own, so {@code more_parameters} must not repeat them. */
    private static final Set<String> FIELD_PARAMETERS = Set.of("size", "type", "type_level", "format", "roi", "crop",
            "crop_margin", "scale", "position", "channels", "add_shadow", "shadow_type", "shadow_opacity",
            "semitransparency", "bg_color", "bg_image_url", "bg_image_file");

    @Parameter(label = "Size", choices = {"auto", "preview", "full", "50MP", "medium", "hd", "small", "regular", "4k"},
            persist = false, required = false,
            description = "Maximum output resolution (size): auto = the highest available up to 25 MP (1 credit), "
                    + "preview = up to 0.25 MP (0.25 credits), full = up to 25 MP, 50MP = up to 50 MP (1 credit). "
                    + "medium, hd, small, regular and 4k are the API's legacy names.")
    private String size = DEFAULT_SIZE;

    @Parameter(label = "Foreground type", choices = {"auto", "person", "product", "animal", "car", "graphic",
            "transportation"}, persist = false, required = false,
            description = "The API's type parameter: detect the foreground automatically or look for one kind only.")
    private String foreground_type = "auto";

    @Parameter(label = "Output format", choices = {"zip", "png", "jpg", "webp", "auto"}, persist = false,
            required = false, style = ChoiceWidget.LIST_BOX_STYLE,
            description = "Result format (format). zip is the fastest and keeps transparency up to 50 MP (it is "
                    + "composed into RGBA locally); png keeps transparency up to 10 MP; jpg has none; auto lets "
                    + "remove.bg choose png or jpg.")
    private String format = DEFAULT_FORMAT;

    @Parameter(label = "Channels", choices = {"rgba", "alpha"}, persist = false, required = false,
            style = ChoiceWidget.RADIO_BUTTON_HORIZONTAL_STYLE,
            description = "rgba = the finished cut-out (recommended); alpha = the alpha matte only.")
    private String channels = "rgba";

    @Parameter(label = "Crop to the subject", persist = false, required = false,
            description = "crop: cut off empty regions (no effect on the credits charged).")
    private Boolean crop = Boolean.FALSE;

    @Parameter(label = "Crop margin", persist = false, required = false,
            description = "crop_margin, with crop: e.g. 30px or 10%, two values (top/bottom left/right) or four "
                    + "(top right bottom left); at most 50% or 500px per side.")
    private String crop_margin;

    @Parameter(label = "Background colour", persist = false, required = false,
            description = "bg_color: a solid background, as hex (81d4fa, fff, 81d4fa77) or a colour name (green). "
                    + "The result is then opaque.")
    private String bg_color;

    @Parameter(visibility = ItemVisibility.MESSAGE, persist = false, required = false)
    private String advanced = "<html><b>Advanced</b> (empty = the API's default)";

    @Parameter(label = "Region of interest", persist = false, required = false,
            description = "roi: only this rectangle can be foreground, as 'x1 y1 x2 y2' with px or % units, "
                    + "e.g. '0% 0% 100% 100%'.")
    private String roi;

    @Parameter(label = "Classification level", choices = {API_DEFAULT, "none", "1", "2", "latest"},
            persist = false, required = false,
            description = "type_level: none, 1 (coarse), 2 (specific) or latest classes for the detected type.")
    private String type_level = API_DEFAULT;

    @Parameter(label = "Scale", persist = false, required = false,
            description = "scale: the subject's size relative to the image, 10% to 100%, or original.")
    private String scale;

    @Parameter(label = "Position", persist = false, required = false,
            description = "position: original, center, or one or two values from 0% to 100% (horizontal, "
                    + "vertical). Empty = original, or center when scale is given.")
    private String position;

    @Parameter(label = "Shadow type", choices = {API_DEFAULT, "auto", "car", "3D", "drop", "none"},
            persist = false, required = false,
            description = "shadow_type for every foreground type; per type, use more_parameters "
                    + "(shadow_type[car]=car).")
    private String shadow_type = API_DEFAULT;

    @Parameter(label = "Shadow opacity", persist = false, required = false,
            description = "shadow_opacity: 0 (lightest) to 100 (darkest), or auto.")
    private String shadow_opacity;

    @Parameter(label = "Semi-transparency", persist = false, required = false,
            description = "semitransparency: keep semi-transparent regions (currently car windows only).")
    private Boolean semitransparency = Boolean.TRUE;

    @Parameter(label = "Add car shadow (deprecated)", persist = false, required = false,
            description = "add_shadow: deprecated by remove.bg; use shadow_type instead.")
    private Boolean add_shadow = Boolean.FALSE;

    @Parameter(label = "Background image URL", persist = false, required = false,
            description = "bg_image_url: a background image downloaded by remove.bg, resized to fill the canvas.")
    private String bg_image_url;

    @Parameter(label = "Background image file", style = FileWidget.OPEN_STYLE, persist = false, required = false,
            description = "bg_image_file: a local background image, uploaded with the image.")
    private File bg_image_file;

    @Parameter(label = "More parameters", style = TextWidget.AREA_STYLE, persist = false, required = false,
            description = "Further API parameters as name=value, separated by ';' or new lines, e.g. "
                    + "shadow_type[car]=car; shadow_opacity[product]=40. Parameters newer than the plugin pass "
                    + "through unchanged.")
    private String more_parameters;

    /**
     * The parameters in the API's vocabulary, as given: blank and default choices left out, booleans only when they
     * differ from the API's default. The map is what {@link RemoveBgOptions#fromParameters(Map)} reads.
     *
     * @throws InvalidParameterException when {@code more_parameters} is not a list of {@code name=value} pairs or
     *     repeats a parameter that has its own field
     */
    protected Map<String, String> apiParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "size", valueOr(size, DEFAULT_SIZE));
        put(parameters, "type", foreground_type);
        put(parameters, "type_level", type_level);
        put(parameters, "format", valueOr(format, DEFAULT_FORMAT));
        put(parameters, "channels", channels);
        put(parameters, "roi", roi);
        if (Boolean.TRUE.equals(crop)) {
            parameters.put("crop", "true");
        }
        put(parameters, "crop_margin", crop_margin);
        put(parameters, "scale", scale);
        put(parameters, "position", position);
        put(parameters, "shadow_type", shadow_type);
        put(parameters, "shadow_opacity", shadow_opacity);
        if (Boolean.FALSE.equals(semitransparency)) {
            parameters.put("semitransparency", "false");
        }
        if (Boolean.TRUE.equals(add_shadow)) {
            parameters.put("add_shadow", "true");
        }
        put(parameters, "bg_color", bg_color);
        put(parameters, "bg_image_url", bg_image_url);
        if (bg_image_file != null && !bg_image_file.getPath().isEmpty()) {
            parameters.put("bg_image_file", bg_image_file.getPath());
        }
        parameters.putAll(MoreParameters.parse("more_parameters", more_parameters, FIELD_PARAMETERS));
        return parameters;
    }

    /**
     * The validated options.
     *
     * @throws InvalidParameterException naming the first parameter that is not valid
     */
    protected RemoveBgOptions options() {
        return RemoveBgOptions.fromParameters(apiParameters());
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isBlank() && !API_DEFAULT.equals(value.strip())) {
            parameters.put(name, value.strip());
        }
    }

    private static String valueOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
