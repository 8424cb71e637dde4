package io.github.removebgsuite.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.ratelimit.MegapixelRateLimiter.Admission;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limiters that share a state file ({@link MegapixelRateLimiter#sharedThrough}) decide as one limiter. */
class SharedStateFileTest {

    private static final Admission ADMITTED = new Admission(true, Duration.ZERO);
    private static final Duration TEN_S = Duration.ofSeconds(10);
    private static final Runnable NOTHING = () -> { };

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path folder;

    private MegapixelRateLimiter shared() {
        return MegapixelRateLimiter.sharedThrough(folder.resolve("key.ratelimit"), 30, TEN_S, clock);
    }

    @Test
    void aSecondLimiterOnTheFileWaitsForTheFirstOnesProbe() {
        MegapixelRateLimiter first = shared();
        MegapixelRateLimiter second = shared();

        assertThat(first.admit(2, NOTHING)).isEqualTo(ADMITTED);
        // Alone, the second would send a probe of its own; sharing, it is the first's second call and waits. Its
        // wait is a fiftieth of the window, as the first's answer, in another process, would wake nothing here.
        assertThat(second.admit(2, NOTHING)).isEqualTo(new Admission(false, Duration.ofMillis(200)));
        assertThat(new MegapixelRateLimiter(30, TEN_S, clock).admit(2, NOTHING)).isEqualTo(ADMITTED);

        clock.advance(Duration.ofMillis(300));
        first.answered(2, new RateLimitSnapshot(30, 28, clock.instant().plus(TEN_S)), false);

        // The answer to the first's probe placed the windows for both, and the group's spending is one: a quarter of
        // the window's quota of 15 (two users at least in the window of the first answers) less the probe's 2.
        assertThat(second.estimatedSharers()).isEqualTo(2);
        assertThat(second.available()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1)); // the pace: 0.35 of 15 by now
        assertThat(second.admit(2, NOTHING)).isEqualTo(ADMITTED);
        assertThat(first.admit(2, NOTHING).admitted()).isFalse(); // the slow start: 1 answer, 1 call in flight
    }

    @Test
    void theCallsOfAProcessKilledMidFlightStopHoldingTheOthersBackTwoWindowsAfterTheyWent() {
        MegapixelRateLimiter killed = shared();
        assertThat(killed.admit(1, NOTHING)).isEqualTo(ADMITTED);
        clock.advance(Duration.ofMillis(200));
        killed.answered(1, new RateLimitSnapshot(30, 29, clock.instant().plus(TEN_S)), false);
        assertThat(killed.admit(1, NOTHING)).isEqualTo(ADMITTED); // then the process dies: never reported

        MegapixelRateLimiter survivor = shared();
        clock.advance(Duration.ofSeconds(15));
        assertThat(survivor.admit(1, NOTHING).admitted()).as("the slow start waits for the call in flight").isFalse();

        clock.advance(Duration.ofSeconds(6)); // two windows after the dead call was admitted
        assertThat(survivor.admit(1, NOTHING)).isEqualTo(ADMITTED);
    }

    @Test
    void aDamagedStateFileIsReplacedByAFreshState() throws IOException {
        Path file = folder.resolve("key.ratelimit");
        Files.write(file, "not a state".getBytes(StandardCharsets.US_ASCII));

        MegapixelRateLimiter first = shared();
        assertThat(first.admit(2, NOTHING)).isEqualTo(ADMITTED);
        assertThat(shared().admit(2, NOTHING).admitted()).as("the fresh state holds the first's probe").isFalse();
    }

    @Test
    void aStateFileThatCannotBeCreatedIsRefusedWhenTheLimiterIsMade() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("plain-file"), "x");

        assertThatThrownBy(() -> MegapixelRateLimiter.sharedThrough(notAFolder.resolve("key.ratelimit"), 30, TEN_S,
                clock)).isInstanceOf(InvalidParameterException.class).hasMessageContaining("rate_limit_file")
                .hasMessageContaining("plain-file is in the way: it is not a folder");
    }

    @Test
    void theStateFileIsNamedByADigestOfTheCredentialAndTheUrl() {
        Path a = MegapixelRateLimiter.stateFileFor(folder, "secret-key-1", "https://api.remove.bg/v1.0");

        assertThat(a.getParent()).isEqualTo(folder);
        assertThat(a.getFileName().toString()).matches("[0-9a-f]{32}\\.ratelimit").doesNotContain("secret");
        assertThat(MegapixelRateLimiter.stateFileFor(folder, "secret-key-1", "https://api.remove.bg/v1.0"))
                .isEqualTo(a);
        assertThat(MegapixelRateLimiter.stateFileFor(folder, "secret-key-2", "https://api.remove.bg/v1.0"))
                .isNotEqualTo(a);
        assertThat(MegapixelRateLimiter.stateFileFor(folder, "secret-key-1", "http://127.0.0.1:8080"))
                .isNotEqualTo(a);
    }

    @Test
    void aLimiterInAnotherProcessSeesThisOnesCallInFlight() throws Exception {
        Path file = folder.resolve("key.ratelimit");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                SharedStateChild.class.getName(), file.toString())).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("admitted");

            MegapixelRateLimiter here = MegapixelRateLimiter.sharedThrough(file, 500, Duration.ofMinutes(1),
                    Clock.systemUTC());
            Admission admission = here.admit(20, NOTHING); // with the child's 20: over a sixteenth of 500
            assertThat(admission.admitted()).as("the other process's probe is in flight").isFalse();
            assertThat(admission.delay()).isEqualTo(Duration.ofSeconds(1)); // a minute's fiftieth, at most a second
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
