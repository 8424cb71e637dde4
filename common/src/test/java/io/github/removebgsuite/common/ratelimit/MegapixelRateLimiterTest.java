package io.github.removebgsuite.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.removebgsuite.common.ratelimit.MegapixelRateLimiter.Admission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The limiter's admissions on a hand-moved clock, with the answers a server would give. */
class MegapixelRateLimiterTest {

    /** A clock the test moves by hand. */
    private static final Admission ADMITTED = new Admission(true, Duration.ZERO);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Instant start = clock.instant();
    private final AtomicInteger woken = new AtomicInteger();
    private final Runnable wake = woken::incrementAndGet;

    /** What the server answers about the window that ends {@code resetAfter} after the test's start. */
    private RateLimitSnapshot left(int limit, int remaining, Duration resetAfter) {
        return new RateLimitSnapshot(limit, remaining, start.plus(resetAfter));
    }

    private static final Duration TEN_S = Duration.ofSeconds(10);

    @Test
    void beforeAnyAnswerOneCallGoesAndTheOthersWaitForItsAnswer() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(30, TEN_S, clock);

        assertThat(limiter.admit(2, wake)).isEqualTo(ADMITTED);
        Admission second = limiter.admit(2, wake);
        Admission third = limiter.admit(1, wake);

        assertThat(second).isEqualTo(new Admission(false, TEN_S)); // at the latest a window: never for ever
        assertThat(third.admitted()).isFalse();
        assertThat(woken).hasValue(0);

        clock.advance(Duration.ofMillis(300));
        limiter.answered(2, left(30, 28, TEN_S), false); // alone: only its own 2 counted

        assertThat(woken).hasValue(2); // both held calls ask again at once, not a window later
        assertThat(limiter.admit(2, wake)).isEqualTo(ADMITTED);
    }

    @Test
    void beforeAnyAnswerCheapCallsGoUpToASixteenthOfTheBudget() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(500, clock);
        for (int i = 0; i < 31; i++) {
            assertThat(limiter.admit(1, wake)).as("call %d", i).isEqualTo(ADMITTED);
        }
        assertThat(limiter.admit(1, wake).admitted()).isFalse(); // 32 would be more than 500 / 16
    }

    @Test
    void aServerWithoutRateLimitHeadersIsPacedByTheDocumentedBudgetAlone() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(30, TEN_S, clock);
        assertThat(limiter.admit(1, wake).admitted()).isTrue();
        assertThat(limiter.admit(1, wake).admitted()).isFalse();

        limiter.answered(1, null, false);

        assertThat(woken).hasValue(1);
        for (int i = 0; i < 29; i++) {
            assertThat(limiter.admit(1, wake)).as("call %d", i).isEqualTo(ADMITTED);
        }
        assertThat(limiter.admit(1, wake)).isEqualTo(new Admission(false, TEN_S)); // the budget is spent
        clock.advance(TEN_S);
        assertThat(limiter.admit(1, wake)).isEqualTo(ADMITTED);
    }

    @Test
    void aProbeThatGotNoAnswerLetsAHeldCallGoInstead() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(30, TEN_S, clock);
        assertThat(limiter.admit(1, wake).admitted()).isTrue();
        assertThat(limiter.admit(1, wake).admitted()).isFalse();

        limiter.unanswered(1);

        assertThat(woken).hasValue(1);
        assertThat(limiter.admit(1, wake).admitted()).isTrue(); // the new probe
        assertThat(limiter.admit(1, wake).admitted()).isFalse();
    }

    @Test
    void withoutAnyAnswerForAWholeWindowHeldCallsGoAsIfAlone() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(30, TEN_S, clock);
        assertThat(limiter.admit(1, wake).admitted()).isTrue();
        Admission held = limiter.admit(1, wake);

        clock.advance(held.delay());

        assertThat(limiter.admit(1, wake)).isEqualTo(ADMITTED);
        assertThat(limiter.admit(1, wake)).isEqualTo(ADMITTED);
    }

    @Test
    void slowStartNoMoreCallsInFlightThanAnswersSoFar() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(60, TEN_S, clock);
        assertThat(limiter.admit(1, wake).admitted()).isTrue();
        limiter.answered(1, left(60, 59, TEN_S), false);

        assertThat(limiter.admit(1, wake).admitted()).isTrue(); // one answer: one call in flight
        assertThat(limiter.admit(1, wake).admitted()).isFalse();
        limiter.answered(1, left(60, 58, TEN_S), false);

        assertThat(limiter.admit(1, wake).admitted()).isTrue(); // two answers: two in flight
        assertThat(limiter.admit(1, wake).admitted()).isTrue();
        assertThat(limiter.admit(1, wake).admitted()).isFalse();
    }

    @Test
    void inTheWindowOfItsFirstAnswersALimiterCountsAtLeastTwoUsers() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(40, TEN_S, clock);
        assertThat(limiter.admit(1, wake).admitted()).isTrue();
        limiter.answered(1, left(40, 39, TEN_S), false); // alone, as far as one answer can tell

        assertThat(limiter.estimatedSharers()).isEqualTo(2); // others' first calls may still be on their way
        assertThat(limiter.available()).isEqualTo(4); // a quarter of half the budget, less its 1
        clock.advance(TEN_S);
        assertThat(limiter.estimatedSharers()).isEqualTo(1);
        assertThat(limiter.available()).isEqualTo(10); // a quarter of the whole budget
    }

    @Test
    void aQuarterOfTheQuotaGoesAtTheWindowsStartAndTheRestEvenlyOverIt() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(40, TEN_S, clock);
        assertThat(limiter.admit(1, wake).admitted()).isTrue();
        limiter.answered(1, left(40, 39, TEN_S), false);
        clock.advance(TEN_S); // the next window: alone, the whole 40 is its quota
        Duration reset = Duration.ofSeconds(20);
        for (int spent = 0; spent < 10; spent++) {
            assertThat(limiter.admit(1, wake)).as("MP %d", spent + 1).isEqualTo(ADMITTED);
            limiter.answered(1, left(40, 39 - spent, reset), false);
        }

        Admission eleventh = limiter.admit(1, wake);

        assertThat(eleventh.admitted()).isFalse();
        assertThat(eleventh.delay()).isBetween(Duration.ofMillis(250), Duration.ofMillis(251)); // 11/40 less 1/4
        clock.advance(eleventh.delay());
        assertThat(limiter.admit(1, wake)).isEqualTo(ADMITTED);
        assertThat(limiter.estimatedSharers()).isEqualTo(1);
    }

    @Test
    void othersSpendingShowsInTheAnswersAndShrinksTheQuota() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(30, TEN_S, clock);
        assertThat(limiter.admit(2, wake).admitted()).isTrue();

        limiter.answered(2, left(30, 24, TEN_S), false); // 6 counted, 2 its own: three users

        assertThat(limiter.estimatedSharers()).isEqualTo(3);
        assertThat(limiter.available()).isZero(); // a quarter of its 10 at once: 2.5, and 2 are spent
        clock.advance(Duration.ofSeconds(5));
        assertThat(limiter.available()).isEqualTo(5); // three quarters of its 10 by the middle
    }

    @Test
    void neverMoreThanItsPartOfWhatTheServerSaysRemains() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(30, TEN_S, clock);
        assertThat(limiter.admit(10, wake).admitted()).isTrue();
        limiter.answered(10, left(30, 10, TEN_S), false); // two users; its quota of 15 allows 5 more by the end
        clock.advance(Duration.ofSeconds(9));

        // Of the 10 left, the other user may have calls in flight: each call must fit in 10 / (1 + 1.25).
        assertThat(limiter.admit(5, wake).admitted()).isFalse();
        assertThat(limiter.admit(4, wake)).isEqualTo(ADMITTED);
        assertThat(limiter.admit(1, wake).admitted()).isFalse(); // 4 in flight and 1 more would not fit either
    }

    @Test
    void aWaitingLimiterCarriesWhatItCouldNotUseUpToItsDearestCall() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(30, TEN_S, clock);
        assertThat(limiter.admit(1, wake).admitted()).isTrue();
        limiter.answered(1, left(30, 20, TEN_S), false); // ten users: a quota of 3
        clock.advance(Duration.ofMillis(9900));
        assertThat(limiter.admit(4, wake).admitted()).isFalse(); // 1 + 4 is more than its 3
        assertThat(limiter.admit(1, wake)).isEqualTo(ADMITTED);
        limiter.answered(1, left(30, 10, TEN_S), false); // still ten: 20 counted, 2 its own

        clock.advance(Duration.ofMillis(7600)); // three quarters into the next window: its whole quota is due
        assertThat(limiter.estimatedSharers()).isEqualTo(10);
        assertThat(limiter.admit(4, wake)).isEqualTo(ADMITTED); // 3, and the 1 it could not use before
    }

    @Test
    void whenTheOthersStopTheWholeBudgetComesBack() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(30, TEN_S, clock);
        assertThat(limiter.admit(3, wake).admitted()).isTrue();
        limiter.answered(3, left(30, 0, TEN_S), false); // ten users
        assertThat(limiter.estimatedSharers()).isEqualTo(10);

        clock.advance(Duration.ofSeconds(18)); // late in the next window
        assertThat(limiter.admit(3, wake)).isEqualTo(ADMITTED);
        limiter.answered(3, left(30, 27, Duration.ofSeconds(20)), false); // only its own 3 counted
        assertThat(limiter.estimatedSharers()).isEqualTo(6); // (30 + 3) / (3 + 3), over the two windows

        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.admit(3, wake)).isEqualTo(ADMITTED);
        limiter.answered(3, left(30, 27, Duration.ofSeconds(30)), false);
        assertThat(limiter.estimatedSharers()).isEqualTo(1);
        assertThat(limiter.available()).isEqualTo(27); // late in the window: the whole 30, less its 3
    }

    @Test
    void aRefusedCallIsNotCountedAsItsOwn() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(30, TEN_S, clock);
        assertThat(limiter.admit(5, wake).admitted()).isTrue();
        limiter.answered(5, left(30, 25, TEN_S), false);
        clock.advance(Duration.ofSeconds(9));
        assertThat(limiter.admit(5, wake).admitted()).isTrue();

        limiter.answered(5, left(30, 0, TEN_S), true); // the others spent 25

        assertThat(limiter.estimatedSharers()).isEqualTo(6); // 30 counted, 5 its own (with the refused 5: 3)
    }

    @Test
    void theServersResetPlacesTheWindows() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(10, Duration.ofMinutes(1), clock);
        assertThat(limiter.admit(10, wake).admitted()).isTrue();
        limiter.answered(10, left(10, 0, Duration.ofSeconds(20)), false);

        assertThat(limiter.admit(1, wake)).isEqualTo(new Admission(false, Duration.ofSeconds(20)));
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.admit(1, wake)).isEqualTo(ADMITTED);
    }

    @Test
    void synchronizeAdoptsTheServersLimitAndCountFromAFreeCall() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(500, clock);
        assertThat(limiter.admit(10, wake).admitted()).isTrue();
        limiter.answered(10, left(500, 490, Duration.ofSeconds(60)), false);

        limiter.synchronize(left(500, 400, Duration.ofSeconds(60))); // an /account answer: others spent 90

        assertThat(limiter.estimatedSharers()).isEqualTo(10);
        limiter.synchronize(left(2000, 1000, Duration.ofSeconds(60))); // a higher limit, and others spent 990
        assertThat(limiter.megapixelsPerWindow()).isEqualTo(2000);
        assertThat(limiter.estimatedSharers()).isEqualTo(32); // 1000 counted, 10 its own: as many as it tells apart
        assertThat(woken).hasValue(0);
    }

    @Test
    void anAnswerAboutAWindowThatIsOverChangesNothing() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(100, TEN_S, clock);
        assertThat(limiter.admit(5, wake).admitted()).isTrue();
        limiter.answered(5, left(100, 95, TEN_S), false);
        assertThat(limiter.admit(5, wake).admitted()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        int before = limiter.available();

        limiter.answered(5, left(100, 0, TEN_S), false); // reset in the past: a late answer

        assertThat(limiter.available()).isEqualTo(before).isEqualTo(25);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new MegapixelRateLimiter(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("megapixelsPerWindow");
        assertThatThrownBy(() -> new MegapixelRateLimiter().admit(0, wake))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost");
        assertThatThrownBy(() -> new MegapixelRateLimiter(10, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }

    @Test
    void concurrentAdmissionsNeverExceedTheBudget() throws Exception {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(100, TEN_S, clock);
        assertThat(limiter.admit(1, wake).admitted()).isTrue();
        limiter.answered(1, null, false); // no headers: the documented budget alone
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return limiter.admit(1, wake).admitted();
                }));
            }
            go.countDown();
            int admitted = 0;
            for (Future<Boolean> result : results) {
                admitted += result.get() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(99);
        } finally {
            pool.shutdownNow();
        }
    }
}
