package io.github.removebgsuite.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The megapixel bucket on a hand-moved clock. */
class MegapixelRateLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void beforeAnyAnswerAWindowsWorthGoesAtOnce() {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(500, clock);

        for (int i = 0; i < 20; i++) {
            assertThat(limiter.reserve(25)).isZero();
        }
        assertThat(limiter.reserve(25)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aloneOnTheKeyAWindowsWorthGoesAtOnceAfterTheFirstAnswer() {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(500, clock);
        assertThat(limiter.reserve(25)).isZero();
        limiter.synchronize(new RateLimitSnapshot(500, 475, clock.instant().plusSeconds(60))); // only its own call

        for (int i = 0; i < 19; i++) {
            assertThat(limiter.reserve(25)).isZero(); // 20 images of 25 MP a minute, as the reference's table says
        }
        assertThat(limiter.reserve(25)).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(45));
        assertThat(limiter.reserve(25)).isEqualTo(Duration.ofSeconds(15)); // the same next window still has room
        assertThat(limiter.available()).isZero();
    }

    @Test
    void othersSpendingShowInTheFirstAnswersAndTheLimiterTakesItsShareOfWhatRemains() {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(30, Duration.ofSeconds(10), clock);
        assertThat(limiter.reserve(2)).isZero();
        assertThat(limiter.reserve(2)).isZero();

        // Its two answers: 6, then 12 of 30 spent, of which this limiter booked 4: two others share the key.
        limiter.synchronize(new RateLimitSnapshot(30, 24, clock.instant().plusSeconds(10)));
        assertThat(limiter.estimatedSharers()).isEqualTo(1); // one answer is not enough to tell
        limiter.synchronize(new RateLimitSnapshot(30, 18, clock.instant().plusSeconds(10)));

        assertThat(limiter.estimatedSharers()).isEqualTo(3);
        assertThat(limiter.available()).isEqualTo(6); // a third of the 18 left
        assertThat(limiter.reserve(4)).isZero();
        assertThat(limiter.reserve(2)).isZero();
        assertThat(limiter.reserve(1)).isEqualTo(Duration.ofSeconds(10)); // its 6 are in flight, uncounted
    }

    @Test
    void theServersResetPlacesTheWindows() {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(500, clock);
        limiter.reserve(10);

        // This window ends in 20 s, not in the 60 s guessed from the first call.
        limiter.synchronize(new RateLimitSnapshot(500, 490, clock.instant().plusSeconds(20)));
        assertThat(limiter.reserve(480)).isZero();
        assertThat(limiter.reserve(10)).isZero();
        assertThat(limiter.reserve(1)).isEqualTo(Duration.ofSeconds(20));

        limiter.synchronize(new RateLimitSnapshot(500, 0, clock.instant().plusSeconds(20)));
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.reserve(1)).isZero(); // a new window: room again
    }

    @Test
    void nothingRemainingMovesTheNextCallToTheReset() {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(500, clock);

        limiter.synchronize(new RateLimitSnapshot(500, 0, clock.instant().plusSeconds(12)));

        assertThat(limiter.reserve(1)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void synchronizeAdoptsTheServersLimit() {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(500, clock);

        limiter.synchronize(new RateLimitSnapshot(2000, 1990, clock.instant().plusSeconds(30)));

        assertThat(limiter.megapixelsPerWindow()).isEqualTo(2000);
        assertThat(limiter.available()).isEqualTo(1990);
    }

    @Test
    void keySharersAreEstimatedAfterAWindowAndEachTakesItsShare() {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(30, Duration.ofSeconds(10), clock);
        Instant firstEnd = clock.instant().plusSeconds(10);
        assertThat(limiter.reserve(1)).isZero();
        limiter.synchronize(new RateLimitSnapshot(30, 29, firstEnd)); // alone so far
        for (int i = 0; i < 9; i++) {
            assertThat(limiter.reserve(1)).isZero();
        }
        // Two other processes spent as much as this one: the server counts 30.
        limiter.synchronize(new RateLimitSnapshot(30, 0, firstEnd));
        clock.advance(Duration.ofSeconds(10));

        assertThat(limiter.estimatedSharers()).isEqualTo(3);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.reserve(1)).isZero();
        }
        assertThat(limiter.reserve(1)).isEqualTo(Duration.ofSeconds(10)); // its third is used up

        // Alone again: the server counts only this limiter's 10, so the next window is whole again.
        limiter.synchronize(new RateLimitSnapshot(30, 20, firstEnd.plusSeconds(10)));
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.estimatedSharers()).isEqualTo(1);
    }

    @Test
    void noNewCallInTheLastTwentiethOfAWindow() {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(100, Duration.ofSeconds(20), clock);
        limiter.reserve(1);
        limiter.synchronize(new RateLimitSnapshot(100, 99, clock.instant().plusSeconds(20)));
        clock.advance(Duration.ofMillis(19_100)); // 0.9 s left, under a twentieth of 20 s

        // Sent now, it might reach the server in the next window, which the others may have booked in full.
        assertThat(limiter.reserve(1)).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aLateAnswerFromAnEarlierWindowIsIgnored() {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(100, Duration.ofSeconds(10), clock);
        limiter.synchronize(new RateLimitSnapshot(100, 100, clock.instant().plusSeconds(10)));
        clock.advance(Duration.ofSeconds(11));
        limiter.synchronize(new RateLimitSnapshot(100, 95, clock.instant().plusSeconds(9)));

        limiter.synchronize(new RateLimitSnapshot(100, 0, clock.instant().minusSeconds(1)));

        assertThat(limiter.available()).isEqualTo(95);
    }

    @Test
    void anImageDearerThanTheWindowGoesAloneInItsWindow() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(10, new ManualClock());

        assertThat(limiter.reserve(50)).isZero();
        assertThat(limiter.reserve(1)).isPositive();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new MegapixelRateLimiter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MegapixelRateLimiter().reserve(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MegapixelRateLimiter(10, Duration.ZERO, new ManualClock()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }

    @Test
    void concurrentReservationsNeverOversubscribe() throws Exception {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(100, clock);
        limiter.synchronize(new RateLimitSnapshot(100, 100, clock.instant().plusSeconds(60)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Duration>> waits = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            waits.add(pool.submit(() -> {
                go.await();
                return limiter.reserve(1);
            }));
        }
        go.countDown();
        int immediate = 0;
        int nextWindow = 0;
        int secondWindow = 0;
        for (Future<Duration> w : waits) {
            Duration wait = w.get();
            if (wait.isZero()) {
                immediate++;
            } else if (wait.equals(Duration.ofMinutes(1))) {
                nextWindow++;
            } else if (wait.equals(Duration.ofMinutes(2))) {
                secondWindow++;
            }
        }
        pool.shutdown();

        assertThat(immediate).isEqualTo(100);
        assertThat(nextWindow).isEqualTo(100);
        assertThat(secondWindow).isZero();
    }
}
