package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.util.Set;

/**
 * The one image source of a request being built, shared by the {@code /removebg} and {@code /improve} builders. A
 * typed setter replaces the source (as any builder setter replaces its value); the API-named parameters
 * {@code image_file}, {@code image_file_b64} and {@code image_url} refuse a second, different source, as the API
 * does ({@code multiple_sources}), because a host that passes two of them has a configuration error to report.
 */
final class ImageSourceSlot {

    static final Set<String> NAMES = Set.of("image_file", "image_file_b64", "image_url");
    private static final String ALLOWED = "exactly one image source: image_file, image_file_b64 or image_url";

    private ImageSource source;
    private String setByParameter;

    /** Replaces the source. */
    void set(ImageSource image) {
        if (image instanceof ImageSource.Url url) {
            image = ImageSource.url(WireText.httpUrl("image_url", url.url()));
        }
        source = image;
        setByParameter = null;
    }

    /** Sets the source from an API parameter ({@code image_file} is a local path); a blank value unsets it. */
    void parameter(String name, String value) {
        if (WireText.isBlank(value)) {
            if (name.equals(setByParameter)) {
                source = null;
                setByParameter = null;
            }
            return;
        }
        ImageSource parsed;
        switch (name) {
            case "image_file":
                parsed = ImageSourceCheck.localPath(name, value);
                break;
            case "image_file_b64":
                WireText.checkBase64(name, value);
                parsed = ImageSource.base64(value.strip());
                break;
            default:
                parsed = ImageSource.url(WireText.httpUrl(name, value));
                break;
        }
        if (setByParameter != null && !setByParameter.equals(name)) {
            throw new InvalidParameterException(name, ImageSourceCheck.describe(parsed),
                    ALLOWED + " (also given: " + setByParameter + ")");
        }
        source = parsed;
        setByParameter = name;
    }

    /** The source, checked against the documented limits. */
    ImageSource require() {
        if (source == null) {
            throw new InvalidParameterException("image_file", null, ALLOWED);
        }
        return source;
    }

    /** The API name of the parameter a source travels as. */
    static String nameOf(ImageSource source) {
        if (source instanceof ImageSource.Base64) {
            return "image_file_b64";
        }
        return source instanceof ImageSource.Url ? "image_url" : "image_file";
    }
}
