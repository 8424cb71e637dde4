package io.github.removebgsuite.common.ratelimit;

import java.time.Clock;
import java.time.Duration;

/**
 * The other process of {@code SharedStateFileTest}: sends a probe through a limiter that shares the state file named
 * by its argument, says so, and then waits, its call in flight, until the test ends it.
 */
public final class SharedStateChild {
    private SharedStateChild() {
    }

    public static void main(String[] args) throws Exception {
        MegapixelRateLimiter limiter = MegapixelRateLimiter.sharedThrough(java.nio.file.Path.of(args[0]), 500,
                Duration.ofMinutes(1), Clock.systemUTC());
        if (!limiter.admit(20, () -> { }).admitted()) {
            System.out.println("held");
            return;
        }
        System.out.println("admitted");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
