package io.github.removebgsuite.common.request;

/**
 * The {@code size} parameter: the maximum output resolution. The legacy aliases are constants of their own so that a
 * request sends exactly what its author wrote ({@code hd} stays {@code hd}).
 */
public enum Size implements WireEnum {
    /** {@code preview} (the API's default): resized to 0.25 megapixels, 0.25 credits. */
    PREVIEW("preview", false, false),
    /** {@code full}: the original resolution up to 25 megapixels (10 with PNG), 1 credit. */
    FULL("full", true, false),
    /** {@code 50MP}: the original resolution up to 50 megapixels (10 with PNG), 1 credit. */
    MP50("50MP", true, false),
    /** {@code auto}: the highest resolution available, up to 25 megapixels, depending on the image and credits. */
    AUTO("auto", true, false),
    /** {@code small}: legacy alias of {@code preview}. */
    SMALL("small", false, true),
    /** {@code regular}: legacy alias of {@code preview} (renamed {@code small} in 2019). */
    REGULAR("regular", false, true),
    /** {@code medium}: legacy size, up to 1.5 megapixels, 1 credit. */
    MEDIUM("medium", false, true),
    /** {@code hd}: legacy size, up to 4 megapixels, 1 credit. */
    HD("hd", false, true),
    /** {@code 4k}: legacy alias of {@code full}. */
    FOUR_K("4k", true, true);

    private final String wireValue;
    private final boolean keepsOriginalResolution;
    private final boolean legacy;

    Size(String wireValue, boolean keepsOriginalResolution, boolean legacy) {
        this.wireValue = wireValue;
        this.keepsOriginalResolution = keepsOriginalResolution;
        this.legacy = legacy;
    }

    /** The value as sent, e.g. {@code 50MP}. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /**
     * Whether this size can keep an input's own resolution above 10 megapixels ({@code full}, {@code 4k},
     * {@code 50MP}, {@code auto}), which PNG output does not support.
     */
    public boolean keepsOriginalResolution() {
        return keepsOriginalResolution;
    }

    /** Whether this is one of the backwards-compatible names ({@code small, regular, medium, hd, 4k}). */
    public boolean isLegacy() {
        return legacy;
    }

    /**
     * Parses a wire value, ignoring case.
     *
     * @param parameter the parameter name to report in an error, normally {@code size}
     * @throws io.github.removebgsuite.common.error.InvalidParameterException when the value is not a size
     */
    public static Size fromWire(String parameter, String value) {
        return WireText.parseEnum(parameter, value, values());
    }
}
