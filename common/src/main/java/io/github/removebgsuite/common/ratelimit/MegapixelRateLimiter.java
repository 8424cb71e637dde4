package io.github.removebgsuite.common.ratelimit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

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
 * <p><b>Sharing one state.</b> Limiters that can share more than the headers pace best as one: one instance for every
 * client in a JVM that uses the key, and {@link #sharedThrough} for processes that can share a file (those on one
 * machine, or on machines that mount one folder). What this limiter knows is then the state in that file, and the
 * rules above apply to the group's calls as to one limiter's.
 *
 * <p>Thread-safe. One instance is meant to be shared by every call of a client, and by every client in a JVM that uses
 * the same API key.
 */
public final class MegapixelRateLimiter {

    /** remove.bg's documented default: 500 megapixels a minute. */
    public static final int DEFAULT_MEGAPIXELS_PER_MINUTE = 500;

    /** remove.bg's documented window: the limit is per minute. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

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
    /** This limiter's own state; null when it shares one through {@link #stateFile}. */
    private final WindowState own;
    /** The file whose state this limiter shares; null when it keeps its own. */
    private final StateFile stateFile;
    /** Tells this limiter's calls from the others' in a shared state. */
    private final long sender = ThreadLocalRandom.current().nextLong();
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
        this(megapixelsPerWindow, window, clock, null);
    }

    private MegapixelRateLimiter(int megapixelsPerWindow, Duration window, Clock clock, Path file) {
        if (megapixelsPerWindow < 1) {
            throw new IllegalArgumentException("megapixelsPerWindow must be at least 1, was " + megapixelsPerWindow);
        }
        if (window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        Instant now = clock.instant();
        this.stateFile = file == null ? null : new StateFile(file, megapixelsPerWindow, window, now);
        this.own = file == null ? new WindowState(megapixelsPerWindow, window, now) : null;
    }

    /**
     * A limiter that shares what it knows and spends, through {@code stateFile}, with every limiter that names the same
     * file: processes on one machine (parallel CI jobs, a shell loop, several JVMs), or on machines that mount one
     * folder whose file locks work. Together they pace as one limiter: one probe, one count of the key's spending, no
     * guess of each other's share, so they neither run into 429s nor leave the budget unused. Users of the key that
     * do not share the file are still seen through the server's headers, as by any limiter.
     *
     * <p>Each decision locks the file for well under a millisecond. A call held here asks again at least every
     * fiftieth of a window (at most every second), since another process's answer wakes no thread in this one. The
     * state forgets a call two windows after it was admitted, so a process killed with calls in flight holds back no
     * one for longer.
     *
     * @param stateFile the file to share (created, with its folder, if missing); see {@link #stateFileFor}
     * @param megapixelsPerWindow megapixels allowed per window, at least 1 (until an answer tells the server's)
     * @param window the length of the server's rate-limit window, positive; every sharer must use the same
     * @param clock the clock that measures the windows
     * @return the limiter
     * @throws io.github.removebgsuite.common.error.InvalidParameterException naming {@code rate_limit_file} when the
     *     file cannot be created, read, written or locked
     */
    public static MegapixelRateLimiter sharedThrough(Path stateFile, int megapixelsPerWindow, Duration window,
            Clock clock) {
        return new MegapixelRateLimiter(megapixelsPerWindow, window, clock, Objects.requireNonNull(stateFile,
                "stateFile"));
    }

    /**
     * The state file for one credential at one API URL in {@code folder}: named by a SHA-256 digest of both, so the
     * file name reveals neither, and two keys (or two servers) never share a budget.
     *
     * @param folder the folder the sharers agree on
     * @param credential the API key or OAuth token
     * @param baseUrl the API's base URL
     * @return {@code folder/<digest>.ratelimit}
     */
    public static Path stateFileFor(Path folder, String credential, String baseUrl) {
        Objects.requireNonNull(folder, "folder");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((Objects.requireNonNull(credential,
                    "credential") + '\n' + Objects.requireNonNull(baseUrl, "baseUrl")).getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".ratelimit");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Applies one step to the state: this limiter's own, or the shared file's. Called under this limiter's lock. */
    private <T> T step(Instant now, Function<WindowState, T> step) {
        return stateFile == null ? step.apply(own) : stateFile.update(now, step);
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
        Instant until = step(now, state -> state.decide(sender, cost, now));
        if (until == null) {
            return ADMITTED;
        }
        waiting.add(onChange);
        Duration wait = Duration.between(now, until);
        if (stateFile != null && wait.compareTo(stateFile.pollInterval()) > 0) {
            wait = stateFile.pollInterval();
        }
        // At least a millisecond ahead, so a caller cannot spin.
        return new Admission(false, wait.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : wait);
    }

    /**
     * Reports the answer to an admitted call.
     *
     * @param cost the call's cost, as admitted
     * @param snapshot what the answer's {@code X-RateLimit-*} headers said, or {@code null} when it had none
     * @param refused whether the server refused the call for the rate limit (HTTP 429): it is not in the server's count
     */
    public void answered(int cost, RateLimitSnapshot snapshot, boolean refused) {
        updateThenWake(now -> state -> {
            state.ended(sender, cost);
            state.answered(cost, snapshot, refused, now);
            return null;
        });
    }

    /**
     * Reports that an admitted call got no answer (the connection failed, or it was cancelled before it went): a held
     * call may go in its place.
     *
     * @param cost the call's cost, as admitted
     */
    public void unanswered(int cost) {
        updateThenWake(now -> state -> {
            state.ended(sender, cost);
            return null;
        });
    }

    /**
     * Re-synchronises from an answer to a call this limiter did not admit (one that costs no megapixels): the window
     * ends at {@code snapshot.reset()}, holds {@code snapshot.limit()} and has {@code snapshot.remaining()} left.
     *
     * @param snapshot what the answer's {@code X-RateLimit-*} headers said
     */
    public void synchronize(RateLimitSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        updateThenWake(now -> state -> state.observe(snapshot, now));
    }

    /** Applies what an answer told under the lock, then wakes the held calls outside it. */
    private void updateThenWake(Function<Instant, Function<WindowState, ?>> update) {
        List<Runnable> wake;
        synchronized (this) {
            Instant now = clock.instant();
            step(now, update.apply(now));
            if (waiting.isEmpty()) {
                return;
            }
            wake = List.copyOf(waiting);
            waiting.clear();
        }
        wake.forEach(Runnable::run);
    }

    /** The megapixels per window the server allows (updated from {@code X-RateLimit-Limit}). */
    public synchronized int megapixelsPerWindow() {
        return step(clock.instant(), state -> state.limit);
    }

    /** The megapixels this limiter would admit now without waiting (its paced quota, within the server's count). */
    public synchronized int available() {
        Instant now = clock.instant();
        return step(now, state -> state.available(now));
    }

    /** How many equal users the key seems to have (1 when this limiter is alone). */
    public synchronized int estimatedSharers() {
        Instant now = clock.instant();
        return step(now, state -> {
            state.roll(now);
            return (int) Math.round(state.currentSharers());
        });
    }

    @Override
    public synchronized String toString() {
        WindowState state = stateFile == null ? own : stateFile.last();
        return String.format(Locale.ROOT, "MegapixelRateLimiter[limit=%d per %ss, spent=%d, remaining=%d, sharers=%.1f%s]",
                state.limit, state.window.toSeconds(), state.spent, state.remaining, state.currentSharers(),
                stateFile == null ? "" : ", shared through " + stateFile);
    }
}
