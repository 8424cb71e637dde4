package io.github.removebgsuite.imagej;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code more_parameters} text: API parameters as {@code name=value}, separated by {@code ;} or new lines
 * ({@code shadow_type[car]=car; shadow_opacity[car]=90}). Only the syntax is checked here; names and values are
 * checked by the core like every other parameter.
 */
final class MoreParameters {

    private static final Pattern SEPARATOR = Pattern.compile("[;\\r\\n]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+(\\[[A-Za-z0-9_]+])?");

    private MoreParameters() {
    }

    /**
     * @param field the field's name, for messages
     * @param text the text (null or blank gives an empty map)
     * @param reserved names that have a field of their own and so may not be given here
     * @return the pairs in the order given
     * @throws InvalidParameterException naming {@code field} when a pair is malformed, repeated or reserved
     */
    static Map<String, String> parse(String field, String text, Set<String> reserved) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return parameters;
        }
        for (String pair : SEPARATOR.split(text)) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair.strip() : pair.substring(0, equals).strip();
            if (equals < 0 || !NAME.matcher(name).matches()) {
                throw new InvalidParameterException(field, pair.strip(),
                        "API parameters as name=value separated by ';', e.g. shadow_type[car]=car");
            }
            if (reserved.contains(name)) {
                throw new InvalidParameterException(field, pair.strip(),
                        "parameters without a field of their own; set " + name + " in its field");
            }
            if (parameters.put(name, pair.substring(equals + 1).strip()) != null) {
                throw new InvalidParameterException(field, pair.strip(), "each parameter once; " + name
                        + " is repeated");
            }
        }
        return parameters;
    }
}
