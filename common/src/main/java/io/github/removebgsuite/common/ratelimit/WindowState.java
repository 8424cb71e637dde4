package io.github.removebgsuite.common.ratelimit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link MegapixelRateLimiter} knows: where the server's windows lie, what its calls spent in the current one,
 * what the answers showed about the others, and its calls in flight; and the rules that decide a call on it. One
 * limiter holds it in memory; limiters that share a state file ({@link MegapixelRateLimiter#sharedThrough}) load it,
 * apply one step and store it again, so that they decide as one limiter.
 *
 * <p>Not thread-safe: the limiter's lock, and the state file's, guard it.
 */
final class WindowState {

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

    /** Identifies the stored form, and its version. */
    private static final int MAGIC = 0x52424731; // "RBG1"

    /** A call admitted and not reported yet: which limiter sent it, its cost, and when it was admitted. */
    record Call(long sender, int cost, Instant admitted) {
    }

    final Duration window;
    int limit;

    /** The end of the current window (the server's once an answer told it; before that, a guess). */
    Instant windowEnd;
    /** Whether an answer with {@code X-RateLimit-*} headers placed the windows. */
    boolean windowKnown;
    /** Whether the server answers without those headers (or not in time): then the budget is paced alone. */
    boolean alone;
    /** Before the first answer: until when the other calls wait for the probe's answer. */
    Instant probeDeadline;
    /** Whether the current window is the one of the first answers (or before it). */
    boolean firstWindow = true;

    /** Megapixels admitted in the current window. */
    int spent;
    /** Of this limiter's calls, the megapixels the server counted in the current window (answered, not refused). */
    int counted;
    /** The least the server reported remaining in the current window; negative before an answer about it. */
    int remaining = -1;
    /** The sharers this window's answers showed (see {@link #measuredSharers()}); 0 before one. */
    double windowRatio;
    /** The dearest call the quota held in the current window (0 when none was held by it). */
    int dearestHeld;
    /** The server's count and this limiter's counted part at the last answer about the previous window. */
    int previousUsed;
    int previousCounted;
    /** Quota carried from the previous window (megapixels a waiting process could not use there). */
    double carried;
    /** How many equal users the key had at the end of the last window with answers. */
    double sharers = 1;
    /** Answers with rate-limit headers (or a first answer without them) so far. */
    long answers;
    /** The calls admitted and not yet reported, oldest first. */
    final List<Call> inFlight = new ArrayList<>();

    WindowState(int limit, Duration window, Instant now) {
        this.limit = limit;
        this.window = window;
        this.windowEnd = now.plus(window);
    }

    /**
     * Decides a call of {@code cost} megapixels from {@code sender} at {@code now}: admits it (and returns null) or
     * returns until when it waits at most.
     */
    Instant decide(long sender, int cost, Instant now) {
        if (!windowKnown && !alone) {
            if (probeDeadline == null) {
                probeDeadline = now.plus(window);
                windowEnd = now.plus(window);
            } else if (!now.isBefore(probeDeadline)) {
                alone = true; // a whole window without an answer that tells the server's count
            }
            if (!alone) {
                if (!inFlight.isEmpty() && inFlightMegapixels() + cost > limit / BLIND_FRACTION) {
                    return probeDeadline;
                }
                return admit(sender, cost, now);
            }
        }
        roll(now);
        if (alone) {
            return spent == 0 || spent + cost <= limit ? admit(sender, cost, now) : windowEnd;
        }
        if (cost > limit) {
            // Dearer than any window: only alone in one (the server decides).
            return spent == 0 && inFlight.isEmpty() ? admit(sender, cost, now) : windowEnd;
        }
        double quota = quota();
        if (spent + cost > quota + 1e-9) {
            dearestHeld = Math.max(dearestHeld, cost);
            return windowEnd;
        }
        // The slow start, and this limiter's part of what the server counts remaining: until an answer.
        if (inFlight.size() >= answers || remaining >= 0 && inFlightMegapixels() + cost > partOfRemaining()) {
            return windowEnd;
        }
        double elapsed = elapsed(now);
        if (spent + cost <= quota * Math.min(1, elapsed + BURST) + 1e-9) {
            return admit(sender, cost, now);
        }
        // Fits later in this window: when the even pace reaches it.
        double at = (spent + cost) / quota - BURST;
        Instant due = windowEnd.minus(window).plusNanos((long) Math.ceil(at * window.toNanos()));
        return due.isAfter(windowEnd) ? windowEnd : due;
    }

    private Instant admit(long sender, int cost, Instant now) {
        spent += cost;
        inFlight.add(new Call(sender, cost, now));
        return null;
    }

    /** The end of an admitted call, answered or not. */
    void ended(long sender, int cost) {
        for (int i = 0; i < inFlight.size(); i++) {
            Call call = inFlight.get(i);
            if (call.sender() == sender && call.cost() == cost) {
                inFlight.remove(i);
                return;
            }
        }
    }

    /** The answer to an admitted call (after {@link #ended}); {@code snapshot} is null when it had no headers. */
    void answered(int cost, RateLimitSnapshot snapshot, boolean refused, Instant now) {
        if (snapshot != null) {
            answers++;
            if (observe(snapshot, now) && !refused) {
                counted += cost;
                windowRatio = measuredSharers();
            }
        } else if (!windowKnown) {
            alone = true; // the server does not tell its count
            answers++;
        }
    }

    int inFlightMegapixels() {
        int sum = 0;
        for (Call call : inFlight) {
            sum += call.cost();
        }
        return sum;
    }

    /** How much of the current window has passed by {@code now}, from 0 to 1. */
    private double elapsed(Instant now) {
        return 1 - (double) Duration.between(now, windowEnd).toNanos() / window.toNanos();
    }

    /** Of what the server reported remaining, the part this limiter may have in flight. */
    private double partOfRemaining() {
        return remaining / (1 + (currentSharers() - 1) * OTHERS_WEIGHT);
    }

    /** This window's quota: the budget over the users, with what the previous window could not use. */
    private double quota() {
        return limit / currentSharers() + carried;
    }

    /** How many equal users this limiter counts on: what the answers show, at least two in its first window. */
    double currentSharers() {
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

    /** Adopts the server's view; returns whether the snapshot is about the current window. */
    boolean observe(RateLimitSnapshot snapshot, Instant now) {
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

    void roll(Instant now) {
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

    /** The megapixels that would be admitted now without waiting (the paced quota, within the server's count). */
    int available(Instant now) {
        roll(now);
        if (!windowKnown || alone) {
            return Math.max(0, limit - spent);
        }
        double room = quota() * Math.min(1, elapsed(now) + BURST) - spent;
        if (remaining >= 0) {
            room = Math.min(room, partOfRemaining() - inFlightMegapixels());
        }
        return (int) Math.max(0, Math.floor(room + 1e-9));
    }

    /**
     * Forgets what no longer holds when the state is loaded at {@code now} by a limiter that shares it: calls admitted
     * two windows ago or more (the server counted them in a window that is over; their sender may have died before it
     * could report them), and, once a whole window has passed since the last one ended with no call in flight,
     * everything.
     *
     * @return whether the state is as good as new (a fresh one should replace it)
     */
    boolean expire(Instant now) {
        Instant horizon = now.minus(window.multipliedBy(2));
        inFlight.removeIf(call -> call.admitted().isBefore(horizon));
        return inFlight.isEmpty() && windowEnd.isBefore(horizon.plus(window));
    }

    /** The stored form: a few dozen bytes, plus 20 a call in flight. */
    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + 20 * inFlight.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeLong(window.toNanos());
            out.writeInt(limit);
            writeInstant(out, windowEnd);
            out.writeBoolean(windowKnown);
            out.writeBoolean(alone);
            out.writeBoolean(firstWindow);
            out.writeBoolean(probeDeadline != null);
            if (probeDeadline != null) {
                writeInstant(out, probeDeadline);
            }
            out.writeInt(spent);
            out.writeInt(counted);
            out.writeInt(remaining);
            out.writeDouble(windowRatio);
            out.writeInt(dearestHeld);
            out.writeInt(previousUsed);
            out.writeInt(previousCounted);
            out.writeDouble(carried);
            out.writeDouble(sharers);
            out.writeLong(answers);
            out.writeInt(inFlight.size());
            for (Call call : inFlight) {
                out.writeLong(call.sender());
                out.writeInt(call.cost());
                writeInstant(out, call.admitted());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The state stored in {@code bytes}, or null when they hold none for this window length (an empty or damaged
     * file, another version, another server's window).
     */
    static WindowState fromBytes(byte[] bytes, Duration window) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (bytes.length == 0 || in.readInt() != MAGIC || in.readLong() != window.toNanos()) {
                return null;
            }
            int limit = in.readInt();
            if (limit < 1) {
                return null;
            }
            WindowState state = new WindowState(limit, window, Instant.EPOCH);
            state.windowEnd = readInstant(in);
            state.windowKnown = in.readBoolean();
            state.alone = in.readBoolean();
            state.firstWindow = in.readBoolean();
            state.probeDeadline = in.readBoolean() ? readInstant(in) : null;
            state.spent = in.readInt();
            state.counted = in.readInt();
            state.remaining = in.readInt();
            state.windowRatio = in.readDouble();
            state.dearestHeld = in.readInt();
            state.previousUsed = in.readInt();
            state.previousCounted = in.readInt();
            state.carried = in.readDouble();
            state.sharers = in.readDouble();
            state.answers = in.readLong();
            int calls = in.readInt();
            if (calls < 0 || calls > bytes.length / 20) {
                return null;
            }
            for (int i = 0; i < calls; i++) {
                state.inFlight.add(new Call(in.readLong(), in.readInt(), readInstant(in)));
            }
            return in.available() == 0 ? state : null;
        } catch (IOException | RuntimeException e) {
            return null; // damaged: start again, as a limiter that just started would
        }
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
