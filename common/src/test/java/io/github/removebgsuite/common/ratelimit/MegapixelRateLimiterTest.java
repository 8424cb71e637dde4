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
    void aFullBucketLetsAMinutesWorthThroughThenMakesCallersWait() {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(500, clock);

        for (int i = 0; i < 20; i++) {
            assertThat(limiter.reserve(25)).isZero(); // 20 images of 25 MP a minute, as the reference's table says
        }
        // The next 25 MP image must wait until 25 MP have refilled: 25/500 of a minute = 3 s.
        assertThat(limiter.reserve(25)).isEqualTo(Duration.ofSeconds(3));
        // And the one after it queues behind: 6 s.
        assertThat(limiter.reserve(25)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void theBucketRefillsWithTime() {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(60, clock);
        limiter.reserve(60);

        clock.advance(Duration.ofSeconds(10));

        assertThat(limiter.available()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(limiter.reserve(10)).isZero();
        assertThat(limiter.reserve(1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void synchronizeAdoptsTheServersRemainingAndWaitsForTheReset() {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(500, clock);

        limiter.synchronize(new RateLimitSnapshot(500, 40, clock.instant().plusSeconds(50)));
        assertThat(limiter.available()).isEqualTo(40.0);

        limiter.synchronize(new RateLimitSnapshot(500, 0, clock.instant().plusSeconds(12)));
        Duration wait = limiter.reserve(1);
        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(12)).isLessThan(Duration.ofSeconds(13));
    }

    @Test
    void synchronizeAdoptsAHigherLimit() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(500, new ManualClock());

        limiter.synchronize(new RateLimitSnapshot(2000, 1990, Instant.parse("2026-01-01T00:01:00Z")));

        assertThat(limiter.megapixelsPerWindow()).isEqualTo(2000);
        assertThat(limiter.available()).isEqualTo(500.0); // never more than was available locally
    }

    @Test
    void anImageDearerThanTheBucketIsAdmittedOnceItIsFull() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(10, new ManualClock());

        assertThat(limiter.reserve(50)).isZero();
        assertThat(limiter.reserve(1)).isPositive();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new MegapixelRateLimiter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MegapixelRateLimiter().reserve(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentReservationsNeverOversubscribe() throws Exception {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(100, clock);
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
        for (Future<Duration> w : waits) {
            if (w.get().isZero()) {
                immediate++;
            }
        }
        pool.shutdown();

        assertThat(immediate).isEqualTo(100);
        assertThat(limiter.available()).isEqualTo(-100.0);
    }

    @Test
    void aShorterWindowRefillsProportionallyFaster() {
        ManualClock clock = new ManualClock();
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(10, Duration.ofSeconds(1), clock);

        assertThat(limiter.reserve(10)).isZero();
        assertThat(limiter.reserve(5)).isEqualTo(Duration.ofMillis(500));
        clock.advance(Duration.ofSeconds(2));
        assertThat(limiter.available()).isEqualTo(10.0);
        assertThatThrownBy(() -> new MegapixelRateLimiter(10, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }
}
