package io.github.removebgsuite.common.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.ratelimit.ManualClock;
import io.github.removebgsuite.common.ratelimit.MegapixelRateLimiter;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import io.github.removebgsuite.common.retry.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The megapixel limiter as the client uses it, and what closing the client does to calls still pending. */
class PacingAndLifecycleTest {

    private static final byte[] PNG = Wire.png(4, 3);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private RemoveBgClient client(MegapixelRateLimiter limiter) {
        return RemoveBgClient.builder().apiKey("k").baseUrl(server.url("/v1.0").toString())
                .retryPolicy(RetryPolicy.none()).rateLimiter(limiter).build();
    }

    private static RemoveBgRequest urlRequest() {
        return RemoveBgRequest.builder().imageUrl("https://example.com/a.jpg").build();
    }

    private static MockResponse plainPng() {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .body(new Buffer().write(PNG)).build();
    }

    @Test
    void aLocalFileIsPricedByItsMegapixels() throws Exception {
        Path image = Files.write(dir.resolve("three-mp.png"), Wire.png(2000, 1500));
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(100,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        server.enqueue(plainPng());
        try (RemoveBgClient client = client(limiter)) {
            client.removeBackground(RemoveBgRequest.builder().imageFile(image).build());
        }
        assertThat(limiter.available()).isEqualTo(97);
    }

    @Test
    void everyAnswerResynchronisesTheLimiter() {
        MegapixelRateLimiter limiter = new MegapixelRateLimiter();
        Instant reset = Instant.now().plusSeconds(60);
        server.enqueue(new MockResponse.Builder(plainPng()).setHeader("X-RateLimit-Limit", "2000")
                .setHeader("X-RateLimit-Remaining", "0")
                .setHeader("X-RateLimit-Reset", String.valueOf(reset.getEpochSecond()))
                .build());
        try (RemoveBgClient client = client(limiter)) {
            client.removeBackground(urlRequest());
        }
        assertThat(limiter.megapixelsPerWindow()).isEqualTo(2000); // X-RateLimit-Limit
        assertThat(limiter.available()).isZero(); // X-RateLimit-Remaining
        MegapixelRateLimiter.Admission next = limiter.admit(1, () -> { });
        assertThat(next.admitted()).isFalse();
        assertThat(next.delay()).isLessThanOrEqualTo(Duration.ofSeconds(61)) // X-RateLimit-Reset
                .isGreaterThan(Duration.ofSeconds(50));
    }

    @Test
    void anAsyncCallWaitsForTheLimiterOnTheSchedulerNotTheCaller() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(60, Duration.ofSeconds(1), clock);
        // A server without rate-limit headers answered a call that used the whole window: the next call is held
        // until the limiter's clock reaches the next window, and that clock stands still until the test moves it.
        assertThat(limiter.admit(60, () -> { }).admitted()).isTrue();
        limiter.answered(60, null, false);
        server.enqueue(plainPng());
        try (RemoveBgClient client = client(limiter)) {
            // Had the caller waited for the limiter, it would wait for ever: the call must return at once.
            CompletableFuture<RemoveBgResult> future = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> client.removeBackgroundAsync(urlRequest()));

            assertThat(future).isNotDone();
            assertThat(server.getRequestCount()).isZero();
            clock.advance(Duration.ofSeconds(1)); // the next window
            assertThat(future.get(10, TimeUnit.SECONDS).bytes()).isEqualTo(PNG);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void closingFailsCallsWaitingForTheLimiterAndCallsInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(10, TimeUnit.SECONDS);
                return plainPng();
            }
        });
        MegapixelRateLimiter limiter = new MegapixelRateLimiter(16);
        RemoveBgClient client = client(limiter);
        CompletableFuture<RemoveBgResult> inFlight = client.removeBackgroundAsync(urlRequest());
        server.takeRequest(5, TimeUnit.SECONDS);
        // Before any answer only one call (or a sixteenth of the budget) is in flight: the next waits for its answer.
        CompletableFuture<RemoveBgResult> waiting = client.removeBackgroundAsync(urlRequest());

        client.close();
        release.countDown();

        for (CompletableFuture<RemoveBgResult> f : List.of(inFlight, waiting)) {
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(RemoveBgException.class).hasMessageContaining("closed");
        }
        assertThatThrownBy(() -> client.removeBackground(urlRequest())).isInstanceOf(RemoveBgException.class)
                .hasMessageContaining("closed");
        client.close(); // idempotent
    }
}
