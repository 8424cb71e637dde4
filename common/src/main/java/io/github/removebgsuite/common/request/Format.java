package io.github.removebgsuite.common.request;

/** The {@code format} parameter: the result image format. */
public enum Format implements WireEnum {
    /** {@code auto} (the API's default): PNG when the result has transparent regions, otherwise JPG. */
    AUTO("auto"),
    /** {@code png}: PNG with alpha, up to 10 megapixels. */
    PNG("png"),
    /** {@code webp}: WebP with alpha, up to 50 megapixels. */
    WEBP("webp"),
    /** {@code jpg}: JPG without transparency, up to 50 megapixels, the smallest files. */
    JPG("jpg"),
    /** {@code zip}: a colour JPG and an alpha PNG to compose, up to 50 megapixels, the fastest. */
    ZIP("zip");

    private final String wireValue;

    Format(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent, e.g. {@code zip}. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /**
     * Parses a wire value, ignoring case.
     *
     * @param parameter the parameter name to report in an error, normally {@code format}
     * @throws io.github.removebgsuite.common.error.InvalidParameterException when the value is not a format
     */
    public static Format fromWire(String parameter, String value) {
        return WireText.parseEnum(parameter, value, values());
    }
}
