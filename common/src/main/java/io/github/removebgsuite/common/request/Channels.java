package io.github.removebgsuite.common.request;

/** The {@code channels} parameter: the finished image or only its alpha mask. */
public enum Channels implements WireEnum {
    /** {@code rgba} (the API's default and its recommendation): the finished image with edge colour corrections. */
    RGBA("rgba"),
    /** {@code alpha}: only the alpha mask. */
    ALPHA("alpha");

    private final String wireValue;

    Channels(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent, e.g. {@code alpha}. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /**
     * Parses a wire value, ignoring case.
     *
     * @param parameter the parameter name to report in an error, normally {@code channels}
     * @throws io.github.removebgsuite.common.error.InvalidParameterException when the value is not a channel choice
     */
    public static Channels fromWire(String parameter, String value) {
        return WireText.parseEnum(parameter, value, values());
    }
}
