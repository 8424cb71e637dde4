package io.github.removebgsuite.common.error;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the {@code errors} array remove.bg answers with, e.g.
 * {@code {"code": "multiple_sources", "title": "Multiple image sources given: ...", "detail": "..."}}. The reference's
 * examples always carry a {@code title}; {@code code} and {@code detail} are optional.
 *
 * @param code the machine-readable code (e.g. {@code file_too_large}), or null when the API sent none
 * @param title the human-readable title; never null (empty when the API sent none)
 * @param detail further detail, or null when the API sent none
 */
public record ApiError(String code, String title, String detail) {

    /** Normalises a missing title to the empty string. */
    public ApiError {
        title = Objects.requireNonNullElse(title, "");
    }

    /** The code as a documented {@link KnownErrorCode}, when it is one. */
    public Optional<KnownErrorCode> knownCode() {
        return KnownErrorCode.fromCode(code);
    }

    /** A one-line description: {@code title [code]: detail}, leaving out what is missing. */
    public String describe() {
        StringBuilder sb = new StringBuilder(title.isEmpty() ? "(no title)" : title);
        if (code != null && !code.isEmpty()) {
            sb.append(" [").append(code).append(']');
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }
}
