package io.github.removebgsuite.common.request;

/** The {@code type_level} parameter: how specific the detected foreground type reported in {@code X-Type} is. */
public enum TypeLevel implements WireEnum {
    /** {@code none}: no classification, so no {@code X-Type} header. */
    NONE("none"),
    /** {@code 1}: coarse classes (person, product, animal, car, other). */
    ONE("1"),
    /** {@code 2}: specific classes (adds car_interior, car_part, transportation, graphics). */
    TWO("2"),
    /** {@code latest}: always the newest classes available. */
    LATEST("latest");

    private final String wireValue;

    TypeLevel(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent, e.g. {@code 2}. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /**
     * Parses a wire value, ignoring case.
     *
     * @param parameter the parameter name to report in an error, normally {@code type_level}
     * @throws io.github.removebgsuite.common.error.InvalidParameterException when the value is not a level
     */
    public static TypeLevel fromWire(String parameter, String value) {
        return WireText.parseEnum(parameter, value, values());
    }
}
