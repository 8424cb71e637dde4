package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;

/**
 * A foreground type: the value of the {@code type} parameter (which also accepts {@link #AUTO}) and the key of the
 * per-type maps {@code shadow_type[<type>]} and {@code shadow_opacity[<type>]} (which also accept {@link #OTHER}).
 */
public enum ForegroundType implements WireEnum {
    /** {@code auto}: detect the type (the API's recommendation); only as the value of {@code type}. */
    AUTO("auto"),
    /** {@code car}. */
    CAR("car"),
    /** {@code product}. */
    PRODUCT("product"),
    /** {@code person}. */
    PERSON("person"),
    /** {@code animal}. */
    ANIMAL("animal"),
    /** {@code graphic}. */
    GRAPHIC("graphic"),
    /** {@code transportation}. */
    TRANSPORTATION("transportation"),
    /** {@code other}: everything else; only as a per-type map key, never as the value of {@code type}. */
    OTHER("other");

    private static final ForegroundType[] TYPE_VALUES = {AUTO, CAR, PRODUCT, PERSON, ANIMAL, GRAPHIC, TRANSPORTATION};
    private static final ForegroundType[] MAP_KEYS = {CAR, PRODUCT, PERSON, ANIMAL, GRAPHIC, TRANSPORTATION, OTHER};

    private final String wireValue;

    ForegroundType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent, e.g. {@code transportation}. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /**
     * Parses the value of the {@code type} parameter, ignoring case ({@code other} is not a value {@code type} takes).
     *
     * @param parameter the parameter name to report in an error, normally {@code type}
     * @throws InvalidParameterException when the value is not a foreground type
     */
    public static ForegroundType fromWire(String parameter, String value) {
        return WireText.parseEnum(parameter, value, TYPE_VALUES);
    }

    /**
     * Parses the key of a per-type map, the {@code car} of {@code shadow_type[car]}, ignoring case.
     *
     * @param parameter the whole parameter name to report in an error, e.g. {@code shadow_type[car]}
     * @throws InvalidParameterException when the key is not a foreground type a map accepts
     */
    public static ForegroundType fromMapKey(String parameter, String key) {
        String trimmed = key == null ? "" : key.strip();
        for (ForegroundType type : MAP_KEYS) {
            if (type.wireValue.equalsIgnoreCase(trimmed)) {
                return type;
            }
        }
        throw new InvalidParameterException(parameter, key, "a foreground type in brackets, one of "
                + WireText.list(MAP_KEYS));
    }

    /** Refuses {@link #AUTO} as a map key. */
    static void requireMapKey(String family, ForegroundType type) {
        if (type == AUTO) {
            throw new InvalidParameterException(family + "[auto]", "auto", "a foreground type in brackets, one of "
                    + WireText.list(MAP_KEYS));
        }
    }
}
