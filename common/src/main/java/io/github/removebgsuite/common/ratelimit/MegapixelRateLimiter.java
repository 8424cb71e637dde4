package io.github.removebgsuite.common.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Paces calls below remove.bg's rate limit (500 megapixel images a minute by default) instead of running into 429
 * answers, by following the server's own accounting: a budget of megapixels per fixed window, shared by every user of
 * the key.
 *
 * <p><b>Protocol.</b> Before sending a call, the caller asks {@link #admit(int, Runnable)}. The limiter either admits it
 * (send now) or holds it without booking anything: the caller asks again when the returned wait ends or, sooner, when
 * the limiter runs the callback it was given because an answer arrived (each answer changes what the limiter knows).
 * Every admitted call is then reported once, with {@link #answered(int, RateLimitSnapshot, boolean)} or
 * {@link #unanswered(int)}; answers to calls that were not admitted (the free {@code /account}) may still be reported
 * through {@link #synchronize(RateLimitSnapshot)}. Nothing is booked ahead, so a call decided on is decided on what is
 * known when it really goes.
 *
 * <p><b>How the budget is shared.</b> Several processes (build agents, Camel routes in different JVMs) may spend one
 * key, each with its own limiter and no channel between them but the server's {@code X-RateLimit-*} headers:
 * <ul>
 *   <li><b>Before any answer</b> one call goes, as a probe (or a sixteenth of the budget in calls, when they are
 *       that cheap); the rest wait for its answer, which places the windows
 *       ({@code X-RateLimit-Reset}) and shows what the others have spent ({@code X-RateLimit-Remaining}). Then there
 *       are never more calls in flight than answers so far (a slow start), and until that window ends the limiter
 *       counts at least two users, so processes starting together see each other before they spend the window. A server that sends no such headers releases every call for good (the documented budget
 *       still paces them); so does a probe that gets no answer within a window.</li>
 *   <li><b>Its share.</b> Each answer shows the server's count for the window (everyone's calls) and the limiter knows
 *       its own counted calls; their ratio (over this window and the previous one) is the number of equal users, and
 *       its quota for a window is the budget divided by it. A call that does not fit waits; what a waiting process could not use at the end of a window (its
 *       calls come in whole images) is carried into the next, up to the dearest call waiting, so shares of a few
 *       megapixels are used in full on average.</li>
 *   <li><b>Paced, not at once.</b> A quarter of the quota may go at the window's start, the rest evenly over the
 *       window. Every user therefore has answers all through the window (the ratio stays true to the end), the
 *       window's start is no stampede of held calls, and a process that starts in the middle finds the budget spent
 *       only in proportion.</li>
 *   <li><b>Never past the count.</b> Whatever the quota says, a call goes only if it and this limiter's calls in flight
 *       fit in its part of what the server last reported remaining: an equal part, with a quarter more left to each
 *       other user, whose calls in flight the count does not show yet.</li>
 * </ul>
 * When the others stop, the ratio falls to one on the next answers and the whole budget is this limiter's again.
 *
 * <p>Thread-safe. One instance is meant to be shared by every call of a client, and by every client in a JVM that uses
 * the same API key.
 */
public final class MegapixelRateLimiter {

    /** remove.bg's documented default: 500 megapixels a minute. */
    public static final int DEFAULT_MEGAPIXELS_PER_MINUTE = 500;

    /** remove.bg's documented window: the limit is per minute. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

    /** More sharers than this are not told apart. */
    private static final double MAX_SHARERS = 32;

    /** The part of its quota a limiter may spend as soon as a window opens; the rest comes evenly over the window. */
    private static final double BURST = 0.25;

    /** Before any answer, at most this fraction of a window's budget is in flight (and always one call). */
    private static final int BLIND_FRACTION = 16;

    /**
     * In the window of its first answers a limiter cannot tell whether it is alone (the others' first calls may
     * arrive after its own), so it counts at least this many users there.
     */
    private static final double FIRST_WINDOW_SHARERS = 2;

    /**
     * How much of what the server reports remaining a limiter leaves to each other user (1 would be an equal share):
     * their calls in flight are not in the count yet, and a few more held back makes 429s rare at a window's end.
     */
    private static final double OTHERS_WEIGHT = 1.25;

    /**
     * What {@link #admit(int, Runnable)} decided for a call.
     *
     * @param admitted whether the call may be sent now; it must then be reported once, answered or unanswered
     * @param delay when not admitted, how long to wait before asking again (or until the callback runs, whichever comes
     *     first); zero when admitted
     */
    public record Admission(boolean admitted, Duration delay) {
        /** Checks the wait. */
        public Admission {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
        }
    }

    private static final Admission ADMITTED = new Admission(true, Duration.ZERO);

    private final Clock clock;
    private final Duration window;
    private int limit;

    /** The end of the current window (the server's once an answer told it; before that, a guess). */
    private Instant windowEnd;
    /** Whether an answer with {@code X-RateLimit-*} headers placed the windows. */
    private boolean windowKnown;
    /** Whether the server answers without those headers (or not in time): then the budget is paced alone. */
    private boolean alone;
    /** Before the first answer: until when the other calls wait for the probe's answer. */
    private Instant probeDeadline;
    /** Whether the current window is the one of the first answers (or before it). */
    private boolean firstWindow = true;

    /** Megapixels admitted in the current window. */
    private int spent;
    /** Of this limiter's calls, the megapixels the server counted in the current window (answered, not refused). */
    private int counted;
    /** The least the server reported remaining in the current window; negative before an answer about it. */
    private int remaining = -1;
    /** The sharers this window's answers showed (see {@link #measuredSharers()}); 0 before one. */
    private double windowRatio;
    /** The dearest call the quota held in the current window (0 when none was held by it). */
    private int dearestHeld;
    /** The server's count and this limiter's counted part at the last answer about the previous window. */
    private int previousUsed;
    private int previousCounted;
    /** Quota carried from the previous window (megapixels a waiting process could not use there). */
    private double carried;
    /** How many equal users the key had at the end of the last window with answers. */
    private double sharers = 1;

    private int inFlight;
    private int inFlightCalls;
    private long answers;
    private final List<Runnable> waiting = new ArrayList<>();

    /** A limiter for remove.bg's default 500 megapixels a minute, on the system clock. */
    public MegapixelRateLimiter() {
        this(DEFAULT_MEGAPIXELS_PER_MINUTE, Clock.systemUTC());
    }

    /**
     * A limiter for a custom rate (high-volume accounts have higher limits), on the system clock.
     *
     * @param megapixelsPerMinute megapixels allowed per minute, at least 1
     */
    public MegapixelRateLimiter(int megapixelsPerMinute) {
        this(megapixelsPerMinute, Clock.systemUTC());
    }

    /**
     * A limiter on the given clock (tests use a fake one).
     *
     * @param megapixelsPerMinute megapixels allowed per minute, at least 1
     * @param clock the clock that measures the windows
     */
    public MegapixelRateLimiter(int megapixelsPerMinute, Clock clock) {
        this(megapixelsPerMinute, DEFAULT_WINDOW, clock);
    }

    /**
     * A limiter for a server whose window is not a minute (a remove.bg-compatible server, or the emulator with a
     * shortened window in tests and benchmarks).
     *
     * @param megapixelsPerWindow megapixels allowed per window, at least 1
     * @param window the length of the server's rate-limit window, positive
     * @param clock the clock that measures the windows
     */
    public MegapixelRateLimiter(int megapixelsPerWindow, Duration window, Clock clock) {
        if (megapixelsPerWindow < 1) {
            throw new IllegalArgumentException("megapixelsPerWindow must be at least 1, was " + megapixelsPerWindow);
        }
        if (window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = window;
        this.limit = megapixelsPerWindow;
        this.windowEnd = clock.instant().plus(window);
    }

    /**
     * Decides whether a call of {@code cost} megapixels may be sent now. When it may not, nothing is booked: the caller
     * asks again after the returned delay, or sooner when the limiter runs {@code onChange} (once, after an answer, on
     * the thread reporting it and outside the limiter's lock; it should only schedule the new question).
     *
     * @param cost the call's cost in megapixels (see {@code ImageDimensions.rateLimitCost()}), at least 1
     * @param onChange run when an answer arrives while the call is held
     * @return admitted, or held with the longest wait before asking again
     */
    public synchronized Admission admit(int cost, Runnable onChange) {
        if (cost < 1) {
            throw new IllegalArgumentException("cost must be at least 1 megapixel, was " + cost);
        }
        Objects.requireNonNull(onChange, "onChange");
        Instant now = clock.instant();
        if (!windowKnown && !alone) {
            if (probeDeadline == null) {
                probeDeadline = now.plus(window);
                windowEnd = now.plus(window);
            } else if (!now.isBefore(probeDeadline)) {
                alone = true; // a whole window without an answer that tells the server's count
            }
            if (!alone) {
                if (inFlightCalls > 0 && inFlight + cost > limit / BLIND_FRACTION) {
                    return hold(onChange, now, probeDeadline);
                }
                return admitted(cost);
            }
        }
        roll(now);
        if (alone) {
            return spent == 0 || spent + cost <= limit ? admitted(cost) : hold(onChange, now, windowEnd);
        }
        if (cost > limit) {
            // Dearer than any window: only alone in one (the server decides).
            return spent == 0 && inFlight == 0 ? admitted(cost) : hold(onChange, now, windowEnd);
        }
        double quota = quota();
        if (spent + cost > quota + 1e-9) {
            dearestHeld = Math.max(dearestHeld, cost);
            return hold(onChange, now, windowEnd);
        }
        // The slow start, and this limiter's part of what the server counts remaining: until an answer.
        if (inFlightCalls >= answers || remaining >= 0 && inFlight + cost > partOfRemaining()) {
            return hold(onChange, now, windowEnd);
        }
        double elapsed = elapsed(now);
        if (spent + cost <= quota * Math.min(1, elapsed + BURST) + 1e-9) {
            return admitted(cost);
        }
        // Fits later in this window: when the even pace reaches it.
        double at = (spent + cost) / quota - BURST;
        Instant due = windowEnd.minus(window).plusNanos((long) Math.ceil(at * window.toNanos()));
        return hold(onChange, now, due.isAfter(windowEnd) ? windowEnd : due);
    }

    /** How much of the current window has passed by {@code now}, from 0 to 1. */
    private double elapsed(Instant now) {
        return 1 - (double) Duration.between(now, windowEnd).toNanos() / window.toNanos();
    }

    /** Of what the server reported remaining, the part this limiter may have in flight. */
    private double partOfRemaining() {
        return remaining / (1 + (currentSharers() - 1) * OTHERS_WEIGHT);
    }

    private Admission admitted(int cost) {
        spent += cost;
        inFlight += cost;
        inFlightCalls++;
        return ADMITTED;
    }

    /** Held until {@code until} or the next answer; at least a millisecond ahead, so a caller cannot spin. */
    private Admission hold(Runnable onChange, Instant now, Instant until) {
        waiting.add(onChange);
        Duration wait = Duration.between(now, until);
        return new Admission(false, wait.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : wait);
    }

    /** This window's quota: the budget over the users, with what the previous window could not use. */
    private double quota() {
        return limit / currentSharers() + carried;
    }

    /** How many equal users this limiter counts on: what the answers show, at least two in its first window. */
    private double currentSharers() {
        return Math.max(firstWindow ? FIRST_WINDOW_SHARERS : 1, measuredSharers());
    }

    /**
     * How many equal users the answers show: the server's count over this limiter's counted part, over this window and
     * the previous one (a single window holds few calls of each user, so its ratio alone swings).
     */
    private double measuredSharers() {
        if (counted == 0 || remaining < 0) {
            return sharers;
        }
        double ratio = (double) (limit - remaining + previousUsed) / (counted + previousCounted);
        return Math.min(MAX_SHARERS, Math.max(1, ratio));
    }

    /**
     * Reports the answer to an admitted call.
     *
     * @param cost the call's cost, as admitted
     * @param snapshot what the answer's {@code X-RateLimit-*} headers said, or {@code null} when it had none
     * @param refused whether the server refused the call for the rate limit (HTTP 429): it is not in the server's count
     */
    public void answered(int cost, RateLimitSnapshot snapshot, boolean refused) {
        updateThenWake(() -> {
            ended(cost);
            if (snapshot != null) {
                answers++;
                if (observe(snapshot) && !refused) {
                    counted += cost;
                    windowRatio = measuredSharers();
                }
            } else if (!windowKnown) {
                alone = true; // the server does not tell its count
                answers++;
            }
        });
    }

    /**
     * Reports that an admitted call got no answer (the connection failed, or it was cancelled before it went): a held
     * call may go in its place.
     *
     * @param cost the call's cost, as admitted
     */
    public void unanswered(int cost) {
        updateThenWake(() -> ended(cost));
    }

    /**
     * Re-synchronises from an answer to a call this limiter did not admit (one that costs no megapixels): the window
     * ends at {@code snapshot.reset()}, holds {@code snapshot.limit()} and has {@code snapshot.remaining()} left.
     *
     * @param snapshot what the answer's {@code X-RateLimit-*} headers said
     */
    public void synchronize(RateLimitSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        updateThenWake(() -> observe(snapshot));
    }

    /** Applies what an answer told under the lock, then wakes the held calls outside it. */
    private void updateThenWake(Runnable update) {
        List<Runnable> wake;
        synchronized (this) {
            update.run();
            wake = drainWaiting();
        }
        wake.forEach(Runnable::run);
    }

    private void ended(int cost) {
        inFlight = Math.max(0, inFlight - cost);
        inFlightCalls = Math.max(0, inFlightCalls - 1);
    }

    /** Adopts the server's view; returns whether the snapshot is about the current window. */
    private boolean observe(RateLimitSnapshot snapshot) {
        Instant now = clock.instant();
        roll(now);
        if (snapshot.limit() > 0 && snapshot.limit() != limit) {
            limit = snapshot.limit();
            remaining = -1; // counted against another limit
        }
        Instant reset = snapshot.reset();
        if (!reset.isAfter(now)) {
            return false; // stale: that window is over
        }
        long half = window.toNanos() / 2;
        if (windowKnown && Duration.between(windowEnd, reset).toNanos() < -half) {
            return false; // a late answer from a window before the current one
        }
        if (!windowKnown) {
            windowKnown = true;
            alone = false;
        } else {
            while (Duration.between(windowEnd, reset).toNanos() > half) {
                advance(); // the server is in a later window than estimated
            }
        }
        windowEnd = reset;
        remaining = remaining < 0 ? snapshot.remaining() : Math.min(remaining, snapshot.remaining());
        return true;
    }

    private List<Runnable> drainWaiting() {
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<Runnable> wake = List.copyOf(waiting);
        waiting.clear();
        return wake;
    }

    private void roll(Instant now) {
        while (!now.isBefore(windowEnd)) {
            advance();
        }
    }

    /** Closes the current window: keeps what it showed about the sharers and the unused quota, then opens the next. */
    private void advance() {
        if (windowKnown) {
            firstWindow = false;
        }
        if (!alone) {
            double quota = quota();
            if (windowRatio > 0) {
                sharers = windowRatio;
                previousUsed = limit - remaining;
                previousCounted = counted;
            } else {
                previousUsed = 0;
                previousCounted = 0;
            }
            // Only a process that had to wait carries its unused quota (an idle one banks nothing), and only up to its
            // dearest waiting call: enough for it to go in the next window.
            carried = dearestHeld > 0 ? Math.max(0, Math.min(dearestHeld, quota - spent)) : 0;
        }
        spent = 0;
        counted = 0;
        remaining = -1;
        windowRatio = 0;
        dearestHeld = 0;
        windowEnd = windowEnd.plus(window);
    }

    /** The megapixels per window the server allows (updated from {@code X-RateLimit-Limit}). */
    public synchronized int megapixelsPerWindow() {
        return limit;
    }

    /** The megapixels this limiter would admit now without waiting (its paced quota, within the server's count). */
    public synchronized int available() {
        Instant now = clock.instant();
        roll(now);
        if (!windowKnown || alone) {
            return Math.max(0, limit - spent);
        }
        double elapsed = elapsed(now);
        double room = quota() * Math.min(1, elapsed + BURST) - spent;
        if (remaining >= 0) {
            room = Math.min(room, partOfRemaining() - inFlight);
        }
        return (int) Math.max(0, Math.floor(room + 1e-9));
    }

    /** How many equal users the key seems to have (1 when this limiter is alone). */
    public synchronized int estimatedSharers() {
        roll(clock.instant());
        return (int) Math.round(currentSharers());
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "MegapixelRateLimiter[limit=%d per %ss, spent=%d, remaining=%d, sharers=%.1f]",
                limit, window.toSeconds(), spent, remaining, currentSharers());
    }
}
