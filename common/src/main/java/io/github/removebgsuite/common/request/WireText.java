package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The small text rules every parameter shares, kept in one place so the builder, {@code fromParameters} and the value
 * types parse alike: blank means "not set", enums match their wire value case-insensitively, booleans are
 * {@code true}/{@code false} only.
 */
final class WireText {

    private WireText() {
    }

    /** The value trimmed, or null when it is null or blank (a blank value means "not set"). */
    static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Whether the value is null or blank. */
    static boolean isBlank(String value) {
        return trimToNull(value) == null;
    }

    /** Finds the constant whose wire value matches, ignoring case and surrounding blanks. */
    static <E extends Enum<E> & WireEnum> E parseEnum(String parameter, String value, E[] allowed) {
        String trimmed = value == null ? "" : value.strip();
        for (E constant : allowed) {
            if (constant.wireValue().equalsIgnoreCase(trimmed)) {
                return constant;
            }
        }
        throw new InvalidParameterException(parameter, value, "one of " + list(allowed));
    }

    /** The wire values, comma separated, e.g. {@code preview, full, 50MP}. */
    static String list(WireEnum[] values) {
        return Arrays.stream(values).map(WireEnum::wireValue).collect(Collectors.joining(", "));
    }

    /** {@code true} or {@code false}, case-insensitive; nothing else, so a typo never silently means false. */
    static boolean parseBoolean(String parameter, String value) {
        String trimmed = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        switch (trimmed) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new InvalidParameterException(parameter, value, "true or false");
        }
    }

    /**
     * Checks that a value is an absolute {@code http} or {@code https} URL with a host, and returns it trimmed.
     */
    static String httpUrl(String parameter, String value) {
        String trimmed = value == null ? "" : value.strip();
        String allowed = "an absolute http or https URL, e.g. https://example.com/image.jpg";
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new InvalidParameterException(parameter, redactUrl(value), allowed);
            }
        } catch (URISyntaxException e) {
            throw new InvalidParameterException(parameter, redactUrl(value), allowed);
        }
        return trimmed;
    }

    /**
     * A URL fit for logs: user info, query and fragment (where signed URLs carry their tokens) are replaced by
     * {@code ...}. Text that is not a URL is shortened the same way at its first {@code ?} or {@code #}.
     */
    static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String shown = url;
        int at = shown.indexOf('@');
        int schemeEnd = shown.indexOf("://");
        if (schemeEnd >= 0 && at > schemeEnd) {
            int pathStart = shown.indexOf('/', schemeEnd + 3);
            if (pathStart < 0 || at < pathStart) {
                shown = shown.substring(0, schemeEnd + 3) + "...@" + shown.substring(at + 1);
            }
        }
        int cut = -1;
        for (char c : new char[] {'?', '#'}) {
            int i = shown.indexOf(c);
            if (i >= 0 && (cut < 0 || i < cut)) {
                cut = i;
            }
        }
        return cut < 0 ? shown : shown.substring(0, cut + 1) + "...";
    }

    /**
     * Checks standard base64 (RFC 4648 section 4, padded, line breaks allowed) without decoding it, so a 30 MB
     * string is not copied to check it.
     *
     * @return the number of bytes it decodes to
     */
    static long checkBase64(String parameter, String value) {
        String allowed = "standard base64 (A-Z, a-z, 0-9, +, / and = padding) of an image, without a data: prefix";
        long chars = 0;
        int padding = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == ' ' || c == '\t') {
                continue;
            }
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/';
            if (c == '=') {
                padding++;
            } else if (!alphabet || padding > 0) {
                throw new InvalidParameterException(parameter, abbreviated(value), allowed);
            }
            chars++;
        }
        if (chars == 0 || chars % 4 != 0 || padding > 2) {
            throw new InvalidParameterException(parameter, abbreviated(value), allowed);
        }
        return chars / 4 * 3 - padding;
    }

    /** The start of a long value, for an error message that must not carry a whole image. */
    static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    /**
     * Adds (or, for a blank value, removes) a pass-through parameter, refusing a blank name or one the model types,
     * so that a known parameter is never sent unchecked.
     */
    static void putExtra(java.util.Map<String, String> extras, String name, String value, boolean known) {
        java.util.Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new InvalidParameterException(name, value, "a parameter name");
        }
        if (known) {
            throw new InvalidParameterException(name, value, "its own setter: " + name
                    + " is a known parameter, not an extra one");
        }
        if (isBlank(value)) {
            extras.remove(name);
        } else {
            extras.put(name, value);
        }
    }
}
