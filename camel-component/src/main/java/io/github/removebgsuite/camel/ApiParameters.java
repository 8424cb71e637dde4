package io.github.removebgsuite.camel;

import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.camel.Message;

/**
 * Maps the endpoint options and the message headers onto the API's parameter names, the one vocabulary the core's
 * {@link RemoveBgOptions#fromParameters(Map)} parses and validates. This class only renames: every value rule lives in
 * the core, so the component cannot drift from the CLI, Jenkins or Fiji.
 */
final class ApiParameters {

    /** The single-valued processing parameters: API name, overriding header, endpoint option. */
    private enum Scalar {
        SIZE("size", RemoveBgConstants.SIZE, RemoveBgConfiguration::getSize),
        TYPE("type", RemoveBgConstants.TYPE, RemoveBgConfiguration::getType),
        TYPE_LEVEL("type_level", RemoveBgConstants.TYPE_LEVEL, RemoveBgConfiguration::getTypeLevel),
        FORMAT("format", RemoveBgConstants.FORMAT, RemoveBgConfiguration::getFormat),
        ROI("roi", RemoveBgConstants.ROI, RemoveBgConfiguration::getRoi),
        CROP("crop", RemoveBgConstants.CROP, RemoveBgConfiguration::getCrop),
        CROP_MARGIN("crop_margin", RemoveBgConstants.CROP_MARGIN, RemoveBgConfiguration::getCropMargin),
        SCALE("scale", RemoveBgConstants.SCALE, RemoveBgConfiguration::getScale),
        POSITION("position", RemoveBgConstants.POSITION, RemoveBgConfiguration::getPosition),
        CHANNELS("channels", RemoveBgConstants.CHANNELS, RemoveBgConfiguration::getChannels),
        ADD_SHADOW("add_shadow", RemoveBgConstants.ADD_SHADOW, RemoveBgConfiguration::getAddShadow),
        SHADOW_TYPE("shadow_type", RemoveBgConstants.SHADOW_TYPE, RemoveBgConfiguration::getShadowType),
        SHADOW_OPACITY("shadow_opacity", RemoveBgConstants.SHADOW_OPACITY, RemoveBgConfiguration::getShadowOpacity),
        SEMITRANSPARENCY("semitransparency", RemoveBgConstants.SEMITRANSPARENCY,
                RemoveBgConfiguration::getSemitransparency),
        BG_COLOR("bg_color", RemoveBgConstants.BG_COLOR, RemoveBgConfiguration::getBgColor),
        BG_IMAGE_URL("bg_image_url", RemoveBgConstants.BG_IMAGE_URL, RemoveBgConfiguration::getBgImageUrl),
        BG_IMAGE_FILE("bg_image_file", RemoveBgConstants.BG_IMAGE_FILE, RemoveBgConfiguration::getBgImageFile);

        private final String apiName;
        private final String header;
        private final Function<RemoveBgConfiguration, Object> option;

        Scalar(String apiName, String header, Function<RemoveBgConfiguration, Object> option) {
            this.apiName = apiName;
            this.header = header;
            this.option = option;
        }
    }

    /** The per-type families and the passthrough: how a map entry's key becomes an API name. */
    private enum Family {
        SHADOW_TYPE(RemoveBgConstants.SHADOW_TYPE_PER_TYPE, RemoveBgConfiguration::getShadowTypePerType,
                key -> "shadow_type[" + key + "]"),
        SHADOW_OPACITY(RemoveBgConstants.SHADOW_OPACITY_PER_TYPE, RemoveBgConfiguration::getShadowOpacityPerType,
                key -> "shadow_opacity[" + key + "]"),
        ADDITIONAL(RemoveBgConstants.ADDITIONAL_PARAMETERS, RemoveBgConfiguration::getAdditionalParameters,
                key -> key);

        private final String header;
        private final Function<RemoveBgConfiguration, Map<String, Object>> option;
        private final Function<String, String> apiName;

        Family(String header, Function<RemoveBgConfiguration, Map<String, Object>> option,
                Function<String, String> apiName) {
            this.header = header;
            this.option = option;
            this.apiName = apiName;
        }
    }

    private ApiParameters() {
    }

    /** The endpoint's processing parameters by API name (image sources and improve fields excluded). */
    static Map<String, String> of(RemoveBgConfiguration configuration) {
        Map<String, String> parameters = new TreeMap<>();
        for (Family family : Family.values()) {
            family.option.apply(configuration).forEach((key, value) ->
                    parameters.put(family.apiName.apply(key), text(value)));
        }
        for (Scalar scalar : Scalar.values()) {
            Object value = scalar.option.apply(configuration);
            if (value != null) {
                parameters.put(scalar.apiName, text(value));
            }
        }
        return parameters;
    }

    /**
     * The endpoint's parameters with the message's override headers applied, or empty when the message has none (so
     * the endpoint's already validated options can be reused). A header with an empty value clears the option.
     *
     * @throws InvalidParameterException when a map header is not a map
     */
    static Optional<Map<String, String>> overriddenBy(Map<String, String> endpointParameters, Message in) {
        Map<String, String> parameters = null;
        for (Family family : Family.values()) {
            Object raw = in.getHeader(family.header);
            if (raw == null) {
                continue;
            }
            if (!(raw instanceof Map<?, ?> entries)) {
                throw new InvalidParameterException(family.apiName.apply("<name>"), raw.getClass().getName(),
                        "a java.util.Map in header " + family.header);
            }
            parameters = parameters == null ? new TreeMap<>(endpointParameters) : parameters;
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                parameters.put(family.apiName.apply(String.valueOf(entry.getKey())), text(entry.getValue()));
            }
        }
        for (Scalar scalar : Scalar.values()) {
            if (in.getHeader(scalar.header) == null) {
                continue;
            }
            parameters = parameters == null ? new TreeMap<>(endpointParameters) : parameters;
            parameters.put(scalar.apiName, text(in.getHeader(scalar.header, String.class)));
        }
        return Optional.ofNullable(parameters);
    }

    /** Parses and validates parameters named as in the API into the core's options. */
    static RemoveBgOptions toOptions(Map<String, String> parameters) {
        return RemoveBgOptions.fromParameters(parameters);
    }

    /** A header or option value as its wire text; null (no value) becomes blank, which the core reads as "not set". */
    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
