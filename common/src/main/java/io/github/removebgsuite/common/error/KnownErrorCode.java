package io.github.removebgsuite.common.error;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code code} values remove.bg documents for its 400 answers. An unknown code is still reported verbatim through
 * {@link ApiError#code()}; this enum only lets callers branch on the documented ones.
 */
public enum KnownErrorCode {
    /** No image source was given. */
    MISSING_SOURCE("missing_source"),
    /** More than one of {@code image_file}, {@code image_file_b64}, {@code image_url} was given. */
    MULTIPLE_SOURCES("multiple_sources"),
    /** More than one of {@code bg_color}, {@code bg_image_url}, {@code bg_image_file} was given. */
    MULTIPLE_BG_SOURCES("multiple_bg_sources"),
    /** The input file is over the 22 MB limit. */
    FILE_TOO_LARGE("file_too_large"),
    /** The input image is over the 50 megapixel limit. */
    RESOLUTION_TOO_HIGH("resolution_too_high"),
    /** The input is not a JPG, PNG or WebP image. */
    INVALID_FILE_TYPE("invalid_file_type"),
    /** The input image's dimensions cannot be processed. */
    INVALID_DIMENSIONS("invalid_dimensions"),
    /** No foreground could be found in the image. */
    UNKNOWN_FOREGROUND("unknown_foreground"),
    /** The {@code roi} lies outside the image. */
    ROI_EXCEEDS_BOUNDS("roi_exceeds_bounds"),
    /** The {@code roi} region is empty. */
    ROI_REGION_EMPTY("roi_region_empty"),
    /** The {@code crop_margin} is invalid. */
    INVALID_CROP_MARGIN("invalid_crop_margin"),
    /** The {@code bg_color} is invalid. */
    INVALID_BG_COLOR("invalid_bg_color"),
    /** The {@code bg_image_url} is invalid. */
    INVALID_BG_IMAGE_URL("invalid_bg_image_url"),
    /** The service could not download {@code image_url}. */
    FAILED_IMAGE_DOWNLOAD("failed_image_download"),
    /** The service could not download {@code bg_image_url}. */
    FAILED_BG_DOWNLOAD("failed_bg_download"),
    /** Some parameter is invalid. */
    INVALID_PARAMETER("invalid_parameter");

    private final String code;

    KnownErrorCode(String code) {
        this.code = code;
    }

    /** The code exactly as the API sends it, e.g. {@code file_too_large}. */
    public String code() {
        return code;
    }

    /** The documented code matching {@code code} (case-insensitively), or empty for an unknown or null code. */
    public static Optional<KnownErrorCode> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (KnownErrorCode known : values()) {
            if (known.code.equals(wanted)) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }
}
