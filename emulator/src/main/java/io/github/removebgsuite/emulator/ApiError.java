package io.github.removebgsuite.emulator;

/**
 * An error answer of the API: HTTP status plus one {@code {"code", "title", "detail"}} entry. Thrown inside the
 * emulator and turned into the documented error body by {@link ApiHandler}; never charges credits.
 */
final class ApiError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String title;
    private final String detail;

    ApiError(int status, String code, String title, String detail) {
        super(title + (detail == null ? "" : ": " + detail), null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    /** A 400 with one of the documented codes. */
    static ApiError badRequest(String code, String title, String detail) {
        return new ApiError(400, code, title, detail);
    }

    /** A 400 {@code invalid_parameter} naming the parameter, the value given and what is allowed. */
    static ApiError invalidParameter(String parameter, String value, String allowed) {
        return badRequest("invalid_parameter", "Invalid parameter value",
                "Invalid value '" + shorten(value) + "' for parameter " + parameter + ": allowed are " + allowed + ".");
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }

    String detail() {
        return detail;
    }
}
