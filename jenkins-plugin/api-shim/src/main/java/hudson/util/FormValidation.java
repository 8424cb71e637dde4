package hudson.util;

import java.io.IOException;

/**
 * Shim of jenkins-core {@code hudson.util.FormValidation} (without rendering): the answer of a {@code doCheck…} method.
 * As in Jenkins, the message is HTML-escaped plain text.
 */
public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;
    private static final FormValidation OK = new Plain(Kind.OK, "<div/>");

    /** The severity of a validation answer. */
    public enum Kind {
        /** Valid. */
        OK,
        /** Valid, with a remark. */
        WARNING,
        /** Invalid. */
        ERROR
    }

    /** The severity. */
    public final Kind kind;

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** Valid, with nothing to say. */
    public static FormValidation ok() {
        return OK;
    }

    /** A warning (plain text, escaped). */
    public static FormValidation warning(String message) {
        return message == null ? ok() : new Plain(Kind.WARNING, escape(message));
    }

    /** An error (plain text, escaped). */
    public static FormValidation error(String message) {
        return message == null ? ok() : new Plain(Kind.ERROR, escape(message));
    }

    @Override
    public String toString() {
        return kind + ": " + getMessage();
    }

    private static String escape(String text) {
        StringBuilder buf = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> buf.append("&lt;");
                case '>' -> buf.append("&gt;");
                case '&' -> buf.append("&amp;");
                case '"' -> buf.append("&quot;");
                case '\'' -> buf.append("&#039;");
                case '\n' -> buf.append("<br>");
                default -> buf.append(c);
            }
        }
        return buf.toString();
    }

    private static final class Plain extends FormValidation {
        private static final long serialVersionUID = 1L;

        Plain(Kind kind, String html) {
            super(kind, html);
        }
    }
}
