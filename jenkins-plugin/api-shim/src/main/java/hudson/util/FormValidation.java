package hudson.util;

import java.io.IOException;

/**
 * Shim of jenkins-core {@code hudson.util.FormValidation} (without the Stapler response): the answer of a
 * {@code doCheck…} method. As in Jenkins, {@link #error(String)} and {@link #warning(String)} HTML-escape their text,
 * {@link #ok()} carries no message, and {@link #renderHtml()} outside a request returns the bare message.
 */
public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;

    /** Singleton instance that represents "OK". */
    private static final FormValidation OK = new Markup(Kind.OK, null, "<div/>");

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

    private FormValidation(Kind kind) {
        this.kind = kind;
    }

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** Valid, with nothing to say. */
    public static FormValidation ok() {
        return OK;
    }

    /** Valid, with a remark (plain text, escaped); {@code ok(null)} is {@link #ok()}. */
    public static FormValidation ok(String message) {
        return message == null ? ok() : new Markup(Kind.OK, escape(message), escape(message));
    }

    /** A warning (plain text, escaped); {@code warning(null)} is {@link #ok()}. */
    public static FormValidation warning(String message) {
        return message == null ? ok() : new Markup(Kind.WARNING, escape(message), escape(message));
    }

    /** An error (plain text, escaped); {@code error(null)} is {@link #ok()}. */
    public static FormValidation error(String message) {
        return message == null ? ok() : new Markup(Kind.ERROR, escape(message), escape(message));
    }

    /** The HTML sent to the form. */
    public abstract String renderHtml();

    /** {@code Util.escape}: the escaping Jenkins applies to plain-text messages. */
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

    /** The anonymous subclasses of the real factory methods, as one private type. */
    private static final class Markup extends FormValidation {
        private static final long serialVersionUID = 1L;
        private final String html;

        Markup(Kind kind, String message, String html) {
            super(kind, message);
            this.html = html;
        }

        @Override
        public String renderHtml() {
            return html;
        }

        @Override
        public String toString() {
            return kind + ": " + html;
        }
    }
}
