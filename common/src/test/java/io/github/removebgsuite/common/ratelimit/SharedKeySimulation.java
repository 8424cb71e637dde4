package io.github.removebgsuite.common.ratelimit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A discrete-event simulation of several processes, each with its own {@link MegapixelRateLimiter}, sharing one key on
 * a server that counts megapixels per fixed window as remove.bg does (windows aligned to whole seconds, a 429 when a
 * call does not fit). Time is simulated: no sleeps, no threads, the same seed gives the same run.
 *
 * <p>Each process sends its calls with a fixed concurrency; a call takes a seeded random latency (half before it
 * reaches the server, half after); every answer synchronises the process's limiter; a 429 is retried at the server's
 * reset, as the client's retry policy does with {@code Retry-After}.
 */
final class SharedKeySimulation {

    /** What a run did, from the simulated server's own count. */
    record Outcome(int calls, int done, int requests, int tooMany, double budgetUse) {
        double tooManyShare() {
            return requests == 0 ? 0 : (double) tooMany / requests;
        }
    }

    private record Event(long atMillis, long sequence, Runnable action) {
    }

    private final int limit;
    private final long windowMillis;
    private final int processes;
    private final int concurrency;
    private final long seed;
    private final int minLatencyMillis;
    private final int maxLatencyMillis;
    /** The state file the processes' limiters share, or null when they share nothing but the server's headers. */
    private Path stateFile;

    SharedKeySimulation(int limit, Duration window, int processes, int concurrency, int minLatencyMillis,
            int maxLatencyMillis, long seed) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.processes = processes;
        this.concurrency = concurrency;
        this.minLatencyMillis = minLatencyMillis;
        this.maxLatencyMillis = maxLatencyMillis;
        this.seed = seed;
    }

    /** Lets every process's limiter share {@code file} ({@link MegapixelRateLimiter#sharedThrough}). */
    SharedKeySimulation sharingStateFile(Path file) {
        this.stateFile = file;
        return this;
    }

    /** Runs {@code costs} (megapixels per call, dealt round-robin to the processes) to completion. */
    Outcome run(int[] costs) {
        Random random = new Random(seed);
        // Start a little after a whole second, so the limiters' first guess of the window is wrong, as in life.
        long startMillis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() + 137 + random.nextInt(500);
        ManualClock clock = new ManualClock(Instant.ofEpochMilli(startMillis));
        PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.atMillis != b.atMillis
                ? Long.compare(a.atMillis, b.atMillis) : Long.compare(a.sequence, b.sequence));
        long[] sequence = {0};
        Map<Long, Integer> charged = new HashMap<>();
        Map<Long, Integer> usedByWindow = new HashMap<>();
        int[] requests = {0};
        int[] tooMany = {0};
        int[] done = {0};

        List<Deque<Integer>> queues = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            queues.add(new ArrayDeque<>());
        }
        for (int i = 0; i < costs.length; i++) {
            queues.get(i % processes).add(costs[i]);
        }
        for (int p = 0; p < processes; p++) {
            MegapixelRateLimiter limiter = stateFile == null
                    ? new MegapixelRateLimiter(limit, Duration.ofMillis(windowMillis), clock)
                    : MegapixelRateLimiter.sharedThrough(stateFile, limit, Duration.ofMillis(windowMillis), clock);
            Deque<Integer> queue = queues.get(p);
            long jitter = random.nextInt(40);
            class Process {

                void next(long now) {
                    Integer cost = queue.poll();
                    if (cost != null) {
                        attempt(cost, now);
                    }
                }

                void attempt(int cost, long now) {
                    boolean[] asked = {false}; // a held call asks again once: at the answer or the wait's end
                    Runnable again = () -> {
                        if (!asked[0]) {
                            asked[0] = true;
                            long at = clock.millis();
                            schedule(at, () -> attempt(cost, at));
                        }
                    };
                    clock.set(Instant.ofEpochMilli(now));
                    MegapixelRateLimiter.Admission admission = limiter.admit(cost, again);
                    long delay = (admission.delay().toNanos() + 999_999) / 1_000_000;
                    if (!admission.admitted()) {
                        schedule(now + delay, again);
                        return;
                    }
                    long sendAt = now;
                    int latency = minLatencyMillis + random.nextInt(maxLatencyMillis - minLatencyMillis + 1);
                    long arriveAt = sendAt + latency / 2;
                    schedule(arriveAt, () -> arrive(cost, arriveAt, sendAt + latency));
                }

                void arrive(int cost, long at, long answerAt) {
                    requests[0]++;
                    long index = Math.floorDiv(at, windowMillis);
                    int used = usedByWindow.getOrDefault(index, 0);
                    boolean allowed = used + cost <= limit;
                    if (allowed) {
                        used += cost;
                        usedByWindow.put(index, used);
                        charged.merge(index, cost, Integer::sum);
                    } else {
                        tooMany[0]++;
                    }
                    long resetMillis = (index + 1) * windowMillis;
                    RateLimitSnapshot snapshot = new RateLimitSnapshot(limit, limit - used,
                            Instant.ofEpochSecond((resetMillis + 999) / 1000));
                    schedule(answerAt, () -> {
                        clock.set(Instant.ofEpochMilli(answerAt));
                        limiter.answered(cost, snapshot, !allowed);
                        if (allowed) {
                            done[0]++;
                            next(answerAt);
                        } else {
                            long retryAt = Math.max(answerAt, resetMillis);
                            schedule(retryAt, () -> attempt(cost, retryAt));
                        }
                    });
                }

                void schedule(long at, Runnable action) {
                    events.add(new Event(at, sequence[0]++, action));
                }
            }
            Process process = new Process();
            for (int c = 0; c < concurrency; c++) {
                process.schedule(startMillis + jitter, () -> process.next(startMillis + jitter));
            }
        }
        while (!events.isEmpty()) {
            Event event = events.poll();
            clock.set(Instant.ofEpochMilli(event.atMillis()));
            event.action().run();
        }
        long first = Math.floorDiv(startMillis, windowMillis);
        long last = charged.keySet().stream().mapToLong(Long::longValue).max().orElse(first);
        long used = 0;
        long full = 0;
        for (long w = first + 1; w < last; w++) {
            used += charged.getOrDefault(w, 0);
            full++;
        }
        double use = full == 0 ? Double.NaN : (double) used / (full * (double) limit);
        return new Outcome(costs.length, done[0], requests[0], tooMany[0], use);
    }

    /** {@code count} calls of 1, 2 and 4 megapixels in the benchmark's proportions (60:25:10), shuffled by seed. */
    static int[] benchmarkCosts(int count, long seed) {
        int[] costs = new int[count];
        for (int i = 0; i < count; i++) {
            int slot = i % 95;
            costs[i] = slot < 60 ? 1 : slot < 85 ? 2 : 4;
        }
        Random random = new Random(seed);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = costs[i];
            costs[i] = costs[j];
            costs[j] = t;
        }
        return costs;
    }
}
