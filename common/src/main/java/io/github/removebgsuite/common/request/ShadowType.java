package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;

/**
 * The {@code shadow_type} parameter, given for every foreground type at once ({@code shadow_type}) or per foreground
 * type ({@code shadow_type[car]}). {@link #AUTO} is only meaningful globally: it picks the default per type.
 */
public enum ShadowType implements WireEnum {
    /** {@code auto}: the API's default shadow for each foreground type (car: car, person: 3D, others: drop). */
    AUTO("auto"),
    /** {@code car}: the car shadow. */
    CAR("car"),
    /** {@code 3D}: a 3D shadow. */
    THREE_D("3D"),
    /** {@code drop}: a drop shadow. */
    DROP("drop"),
    /** {@code none}: no shadow. */
    NONE("none");

    private static final ShadowType[] PER_TYPE = {CAR, THREE_D, DROP, NONE};

    private final String wireValue;

    ShadowType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent, e.g. {@code 3D}. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /**
     * Parses a wire value, ignoring case. A per-type parameter ({@code shadow_type[<type>]}) does not accept
     * {@code auto}: leaving the type out is how the API's default is asked for there.
     *
     * @param parameter the parameter name to report in an error: {@code shadow_type} or {@code shadow_type[car]}
     * @throws InvalidParameterException when the value is not a shadow type allowed for that parameter
     */
    public static ShadowType fromWire(String parameter, String value) {
        return WireText.parseEnum(parameter, value, parameter.indexOf('[') >= 0 ? PER_TYPE : values());
    }

    static void requirePerTypeValue(String parameter, ShadowType shadow) {
        if (shadow == AUTO) {
            throw new InvalidParameterException(parameter, shadow.wireValue(), "one of " + WireText.list(PER_TYPE)
                    + " (auto is only allowed for shadow_type itself)");
        }
    }
}
