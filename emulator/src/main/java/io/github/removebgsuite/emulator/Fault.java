package io.github.removebgsuite.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A failure the emulator produces instead of (or while) answering an API call, for reliability tests. Enqueue with
 * {@link FaultInjector#enqueue(Fault, int)} or {@code POST /admin/faults}. Whether the call still charges credits
 * follows what the real service would have done:
 * <ul>
 *   <li>{@link #status(int)} (500/502/503…): answered before any work; <b>charges nothing</b>.</li>
 *   <li>{@link #rateLimited(Integer)}: a 429 with or without {@code Retry-After}; <b>charges nothing</b>.</li>
 *   <li>{@link #delay(Duration)}: waits, then answers normally; <b>charges</b> like a normal call.</li>
 *   <li>{@link #dropConnection()}: processes the call, then closes the connection mid-response; <b>charges</b>
 *       (the work was done, the client just never got it).</li>
 *   <li>{@link #truncatedBody()}: processes the call and sends only half the body under a {@code Content-Length}
 *       promising all of it; <b>charges</b>.</li>
 *   <li>{@link #malformedZip()}: processes the call and answers 200 {@code application/zip} with bytes that are not
 *       a ZIP; <b>charges</b>.</li>
 *   <li>{@link #htmlBody()}: a 200 {@code text/html} page, as a misconfigured proxy sends; <b>charges nothing</b>.</li>
 *   <li>{@link #hold()}: processes and charges the call, then holds the answer back until
 *       {@link FaultInjector#releaseHeld()}: a call that is certainly in flight, for stop and kill tests that must
 *       not depend on timing; <b>charges</b>.</li>
 * </ul>
 * Faults apply to the API endpoints under {@code /v1.0} only, one per call, in the order enqueued.
 */
public final class Fault {
    /** The kinds of fault. */
    public enum Kind {
        /** An HTTP error status with a JSON error body. */
        STATUS,
        /** A 429 "Rate limit exceeded", with or without {@code Retry-After}. */
        RATE_LIMITED,
        /** A pause before a normal answer. */
        DELAY,
        /** The connection closed after the headers and part of the body. */
        DROP_CONNECTION,
        /** A body shorter than its {@code Content-Length}. */
        TRUNCATED_BODY,
        /** A 200 {@code application/zip} whose bytes are not a ZIP archive. */
        MALFORMED_ZIP,
        /** A 200 {@code text/html} error page. */
        HTML_BODY,
        /** A normal answer held back until the test releases it. */
        HOLD
    }

    private final Kind kind;
    private final int status;
    private final Integer retryAfterSeconds;
    private final Duration delay;

    private Fault(Kind kind, int status, Integer retryAfterSeconds, Duration delay) {
        this.kind = kind;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.delay = delay;
    }

    /** Answers with this HTTP status (400..599) and a JSON error body; charges nothing. */
    public static Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599, got " + status);
        }
        return new Fault(Kind.STATUS, status, null, Duration.ZERO);
    }

    /**
     * Answers 429 "Rate limit exceeded"; charges nothing.
     *
     * @param retryAfterSeconds the {@code Retry-After} value, or null to send none
     */
    public static Fault rateLimited(Integer retryAfterSeconds) {
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
        return new Fault(Kind.RATE_LIMITED, 429, retryAfterSeconds, Duration.ZERO);
    }

    /** Waits this long, then answers normally (and charges normally). */
    public static Fault delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return new Fault(Kind.DELAY, 200, null, delay);
    }

    /** Processes and charges the call, then drops the connection mid-response. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 200, null, Duration.ZERO);
    }

    /** Processes and charges the call, then sends half the body under a full {@code Content-Length}. */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, 200, null, Duration.ZERO);
    }

    /** Processes and charges the call, then answers 200 {@code application/zip} with garbage bytes. */
    public static Fault malformedZip() {
        return new Fault(Kind.MALFORMED_ZIP, 200, null, Duration.ZERO);
    }

    /**
     * Processes and charges the call, then holds the answer back until {@link FaultInjector#releaseHeld()} (or the
     * emulator closes); {@link FaultInjector#awaitHeld(int, Duration)} waits until calls are held.
     */
    public static Fault hold() {
        return new Fault(Kind.HOLD, 200, null, Duration.ZERO);
    }

    /** Answers 200 {@code text/html} with an error page; charges nothing. */
    public static Fault htmlBody() {
        return new Fault(Kind.HTML_BODY, 200, null, Duration.ZERO);
    }

    /**
     * Parses the admin endpoint's names: {@code status} (with {@code status}), {@code 500}/{@code 502}/{@code 503},
     * {@code rate_limited} (optional {@code retryAfter}), {@code delay} ({@code millis}), {@code drop_connection},
     * {@code truncated_body}, {@code malformed_zip}, {@code html_body}, {@code hold}.
     */
    static Fault parse(String name, Integer status, Integer retryAfter, Long millis) {
        String n = name.toLowerCase(Locale.ROOT).replace('-', '_');
        if (n.matches("\\d{3}")) {
            return status(Integer.parseInt(n));
        }
        switch (n) {
            case "status": return status(Objects.requireNonNull(status, "status is required for fault 'status'"));
            case "rate_limited": case "429": return rateLimited(retryAfter);
            case "delay": return delay(Duration.ofMillis(Objects.requireNonNull(millis, "millis is required")));
            case "drop_connection": return dropConnection();
            case "truncated_body": return truncatedBody();
            case "malformed_zip": return malformedZip();
            case "html_body": return htmlBody();
            case "hold": return hold();
            default: throw new IllegalArgumentException("unknown fault '" + name + "'");
        }
    }

    /** What this fault does. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status answered (200 for the faults that answer "successfully"). */
    public int status() {
        return status;
    }

    /** The {@code Retry-After} seconds of a {@link Kind#RATE_LIMITED} fault, when it sends one. */
    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds == null ? OptionalInt.empty() : OptionalInt.of(retryAfterSeconds);
    }

    /** The pause of a {@link Kind#DELAY} fault (zero for the others). */
    public Duration delay() {
        return delay;
    }

    /** Whether a call hit by this fault still does the work and charges credits. */
    public boolean charges() {
        return kind == Kind.DELAY || kind == Kind.DROP_CONNECTION || kind == Kind.TRUNCATED_BODY
                || kind == Kind.MALFORMED_ZIP || kind == Kind.HOLD;
    }

    @Override
    public String toString() {
        switch (kind) {
            case STATUS: return "Fault[" + status + "]";
            case RATE_LIMITED: return "Fault[429, Retry-After=" + (retryAfterSeconds == null ? "none" : retryAfterSeconds) + "]";
            case DELAY: return "Fault[delay " + delay.toMillis() + " ms]";
            default: return "Fault[" + kind.name().toLowerCase(Locale.ROOT) + "]";
        }
    }
}
