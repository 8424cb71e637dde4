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
 * answers, by mirroring the server's own accounting: a budget of megapixels per fixed window.
 *
 * <p>{@link #reserve(int)} books a call's megapixels in the first window that still has room for them and returns how
 * long the caller must wait for that window to open, so callers are served in the order they reserved and never poll.
 * Every response re-synchronises the limiter through {@link #synchronize(RateLimitSnapshot)}: the server's
 * {@code X-RateLimit-Reset} fixes where the windows lie, {@code X-RateLimit-Limit} their size, and
 * {@code X-RateLimit-Remaining} how much of the current one is really left.
 *
 * <p><b>Sharing a key.</b> Several processes (build agents, Camel routes in different JVMs) may spend one key's budget.
 * The server's count covers all of them, and the limiter reads it from the first answer on:
 * <ul>
 *   <li><b>Before any answer</b> it cannot tell whether it is alone and books as if it were (a window's worth at
 *       once): holding calls back until the first answer would need the caller to ask again when a wait ends, and
 *       a server that sends no {@code X-RateLimit-*} headers would never end the wait.</li>
 *   <li><b>Within a window</b>, every answer's {@code X-RateLimit-Remaining} shows how much of the window all users
 *       have spent; the part this limiter did not spend is the others'. It estimates how many equal users share the
 *       key ({@code server's count / own bookings}, rounded), assumes its own share of the server's count is
 *       counted, and books a call now only if its uncounted calls and the new one fit in its share of what remains.
 *       So processes starting together detect each other on their first answers, not a window later. No call is
 *       booked in a window's last twentieth: sent then, it could reach the server in the next window.</li>
 *   <li><b>For later windows</b> it books at most its share ({@code limit / sharers}) of each, as the others will
 *       book theirs; the estimate is renewed at the end of every window, so a process alone gets the whole budget
 *       back one window after the others stop.</li>
 * </ul>
 *
 * <p>Thread-safe. One instance is meant to be shared by every call of a client, and by every client in a JVM that uses
 * the same API key.
 */
public final class MegapixelRateLimiter {

    /** remove.bg's documented default: 500 megapixels a minute. */
    public static final int DEFAULT_MEGAPIXELS_PER_MINUTE = 500;

    /** remove.bg's documented window: the limit is per minute. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

    /** More sharers than this are not told apart (each still gets at least one image a window). */
    private static final int MAX_SHARERS = 32;

    /**
     * The last 1/n of a window takes no new call: one sent then may reach the server in the next window, which the
     * sharers have already booked.
     */
    private static final int GUARD_FRACTION = 20;

    private final Clock clock;
    private final Duration window;
    private int limit;

    /** The end of the current window; before the first response, one window after the first reservation. */
    private Instant windowEnd;
    /** Whether any answer has been seen (the windows' position and the other users are known from it). */
    private boolean windowKnown;
    /** Whether an answer about the current window has been seen. */
    private boolean reportedInWindow;
    /** Megapixels this limiter booked in the current window. */
    private int booked;
    /** How many calls those are. */
    private int bookedCalls;
    /** How many answers about the current window arrived (each answers one of this limiter's calls). */
    private int answers;
    /** The most of the current window the server reported used, by every user of the key. */
    private int serverUsed;
    /** Of those, booked ahead in an earlier window: they are sent when the window opens, at {@link #pendingUntil}. */
    private int pendingMegapixels;
    private int pendingCalls;
    private Instant pendingUntil;
    /** The calls booked in the windows after the current one (index 0 is the next window). */
    private final List<Slot> later = new ArrayList<>();

    /** Calls booked ahead in one later window, and when the last of them is sent. */
    private static final class Slot {
        int megapixels;
        int calls;
        Instant sentAt;
    }
    /** How many equal users the key seemed to have in the last full window. */
    private int sharers = 1;
    /** How many the answers of the current window show, at least {@link #sharers}. */
    private int windowSharers = 1;

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
     * Books {@code cost} megapixels and returns how long the caller must wait before sending the call (zero when it
     * may go at once). The booking is taken immediately, so the caller must send after the wait and not reserve again
     * for the same attempt.
     *
     * @param cost the call's cost in megapixels (see {@code ImageDimensions.rateLimitCost()}), at least 1
     * @return the wait, never negative
     */
    public synchronized Duration reserve(int cost) {
        if (cost < 1) {
            throw new IllegalArgumentException("cost must be at least 1 megapixel, was " + cost);
        }
        Instant now = clock.instant();
        if (!windowKnown && booked == 0 && later.isEmpty()) {
            windowEnd = now.plus(window); // no response yet: the first window starts with the first call
        }
        roll(now);
        boolean guarded = windowKnown && Duration.between(now, windowEnd).compareTo(window.dividedBy(GUARD_FRACTION)) < 0;
        if (!guarded && (cost <= roomNow() || booked == 0 && serverUsed == 0 && (windowKnown || later.isEmpty()))) {
            booked += cost;
            bookedCalls++;
            return Duration.ZERO;
        }
        int share = share();
        for (int i = 0; ; i++) {
            if (i == later.size()) {
                later.add(new Slot());
            }
            Slot slot = later.get(i);
            if (fits(slot.megapixels, cost, share)) {
                slot.megapixels += cost;
                slot.calls++;
                Instant sendAt = windowEnd.plus(window.multipliedBy(i));
                if (slot.sentAt == null || slot.sentAt.isBefore(sendAt)) {
                    slot.sentAt = sendAt;
                }
                Duration wait = Duration.between(now, sendAt);
                return wait.isNegative() ? Duration.ZERO : wait;
            }
        }
    }

    /**
     * The megapixels that may be booked in the current window now. Before any answer: what is left of the window.
     * Before an answer about this window: what is left of this limiter's share. After one: its share of what
     * the server says remains, less its own calls the server has not counted yet.
     */
    private double roomNow() {
        if (!windowKnown) {
            return limit - booked;
        }
        int n = currentSharers();
        if (!reportedInWindow) {
            return Math.min(share(), limit - serverUsed) - booked;
        }
        // Calls booked ahead and not sent yet are certainly not counted. Of those sent, the ones not answered may not
        // have reached the server: count them as still to come, at their average cost. Alone, the server's count
        // bounds this limiter's counted part exactly; shared, the fair part of it does. The others are assumed to
        // have as much in flight, so this limiter takes 1/n of what remains.
        boolean pending = pendingUntil != null && clock.instant().isBefore(pendingUntil);
        int unsent = pending ? pendingMegapixels : 0;
        int sent = booked - unsent;
        int sentCalls = bookedCalls - (pending ? pendingCalls : 0);
        double answered = sentCalls == 0 ? 0 : (double) sent * Math.min(1, (double) answers / sentCalls);
        double counted = Math.min(answered, (double) serverUsed / n);
        double uncounted = unsent + Math.max(0, sent - counted);
        return (double) (limit - serverUsed) / n - uncounted;
    }

    /** An image dearer than a whole share still goes, alone in its window. */
    private static boolean fits(int alreadyBooked, int cost, int share) {
        return alreadyBooked == 0 || alreadyBooked + cost <= share;
    }

    private int currentSharers() {
        return Math.max(sharers, windowSharers);
    }

    private int share() {
        return Math.max(1, limit / currentSharers());
    }

    /**
     * Re-synchronises from the server's view, which covers every user of the key: the window ends at
     * {@code snapshot.reset()} (the server rounds it up to a whole second, so waiting for it is safe), holds
     * {@code snapshot.limit()}, and has {@code snapshot.remaining()} left; when nothing remains, the calls booked in
     * it move to the next window. The part of the server's count this limiter did not book shows the other users.
     */
    public synchronized void synchronize(RateLimitSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        Instant now = clock.instant();
        roll(now);
        if (snapshot.limit() > 0) {
            limit = snapshot.limit();
        }
        Instant reset = snapshot.reset();
        if (!reset.isAfter(now)) {
            return; // stale: that window is over
        }
        long half = window.toNanos() / 2;
        if (windowKnown && Duration.between(windowEnd, reset).toNanos() < -half) {
            return; // a late answer from a window before the current one
        }
        // The server is in a later window than estimated: move on to it.
        while (Duration.between(windowEnd, reset).toNanos() > half) {
            advance();
        }
        windowEnd = reset;
        windowKnown = true;
        reportedInWindow = true;
        answers++;
        int used = Math.max(0, limit - snapshot.remaining());
        serverUsed = Math.max(serverUsed, used);
        if (answers >= 2 && booked > 0 && serverUsed > booked) {
            // More was spent than this limiter booked: others share the key. From the second answer on (one answer
            // may follow others' calls of an earlier moment); rounded down past a quarter, as early in a window the
            // others' calls may simply have arrived first.
            long estimate = (long) Math.floor((double) serverUsed / booked + 0.25);
            windowSharers = (int) Math.max(windowSharers, Math.min(MAX_SHARERS, estimate));
        }
        if (snapshot.remaining() == 0) {
            // Whatever was booked here and not yet sent cannot go in this window.
            serverUsed = limit;
        }
    }

    private void roll(Instant now) {
        while (!now.isBefore(windowEnd)) {
            advance();
        }
    }

    /** Closes the current window: learns how many share the key, then opens the next. */
    private void advance() {
        if (booked > 0 && serverUsed > 0) {
            // Rounded up past a quarter: the server's count lags the window's last calls, so it tends to be low.
            long estimate = (long) Math.ceil((double) serverUsed / booked - 0.25);
            sharers = (int) Math.max(1, Math.min(MAX_SHARERS, estimate));
        } else if (booked > 0 || serverUsed == 0) {
            sharers = 1;
        }
        windowSharers = sharers;
        Slot next = later.isEmpty() ? new Slot() : later.remove(0);
        booked = next.megapixels;
        bookedCalls = next.calls;
        pendingMegapixels = next.megapixels;
        pendingCalls = next.calls;
        pendingUntil = next.sentAt;
        answers = 0;
        serverUsed = 0;
        reportedInWindow = false;
        windowEnd = windowEnd.plus(window);
    }

    /** The megapixels per window the server allows (updated from {@code X-RateLimit-Limit}). */
    public synchronized int megapixelsPerWindow() {
        return limit;
    }

    /** The megapixels this limiter may still book in the current window without waiting. */
    public synchronized int available() {
        roll(clock.instant());
        return (int) Math.max(0, Math.floor(roomNow()));
    }

    /** How many equal users the key seemed to have in the last window (1 when this limiter is alone). */
    public synchronized int estimatedSharers() {
        roll(clock.instant());
        return currentSharers();
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "MegapixelRateLimiter[limit=%d per %ss, booked=%d, serverUsed=%d, sharers=%d]",
                limit, window.toSeconds(), booked, serverUsed, currentSharers());
    }
}
