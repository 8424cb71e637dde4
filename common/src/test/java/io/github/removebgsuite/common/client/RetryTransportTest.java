package io.github.removebgsuite.common.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.removebgsuite.common.error.ApiConnectionException;
import io.github.removebgsuite.common.error.RateLimitedException;
import io.github.removebgsuite.common.error.ServerException;
import io.github.removebgsuite.common.error.UnexpectedResponseException;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import io.github.removebgsuite.common.retry.RetryPolicy;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The retry policy applied by the transport against a real socket. */
class RetryTransportTest {

    private static final byte[] PNG = Wire.png(4, 3);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(3)
            .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(40)).build();

    private RemoveBgClient client(RetryPolicy policy, Duration readTimeout) {
        return RemoveBgClient.builder().apiKey("k").baseUrl(server.url("/v1.0").toString()).retryPolicy(policy)
                .readTimeout(readTimeout).build();
    }

    private static RemoveBgRequest request() {
        return RemoveBgRequest.builder().imageUrl("https://example.com/a.jpg").build();
    }

    private static MockResponse rateLimited(String retryAfter) {
        return new MockResponse.Builder().code(429).setHeader("Retry-After", retryAfter)
                .setHeader("Content-Type", "application/json")
                .body("{\"errors\":[{\"title\":\"Rate limit exceeded\"}]}").build();
    }

    @Test
    void waitsRetryAfterThenSucceeds() throws Exception {
        server.enqueue(rateLimited("1"));
        server.enqueue(Wire.pngResult(PNG).build());
        try (RemoveBgClient client = client(FAST, Duration.ofSeconds(10))) {
            long start = System.nanoTime();

            RemoveBgResult result = client.removeBackground(request());

            assertThat(result.bytes()).isEqualTo(PNG);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void aRetryAfterBeyondTheBoundIsReportedNotWaited() {
        server.enqueue(rateLimited("3600"));
        try (RemoveBgClient client = client(FAST.toBuilder().maxRateLimitWait(Duration.ofSeconds(5)).build(),
                Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> client.removeBackground(request()))
                    .isInstanceOfSatisfying(RateLimitedException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilSuccess() {
        server.enqueue(Wire.error(503, "{\"errors\":[{\"title\":\"Service Unavailable\"}]}"));
        server.enqueue(Wire.error(502, "{\"errors\":[{\"title\":\"Bad Gateway\"}]}"));
        server.enqueue(Wire.pngResult(PNG).build());
        try (RemoveBgClient client = client(FAST, Duration.ofSeconds(10))) {
            assertThat(client.removeBackground(request()).bytes()).isEqualTo(PNG);
            assertThat(server.getRequestCount()).isEqualTo(3);
        }
    }

    @Test
    void serverErrorsGiveUpAfterMaxAttemptsWithEarlierFailuresSuppressed() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Wire.error(500, "{\"errors\":[{\"title\":\"Internal " + i + "\"}]}"));
        }
        server.enqueue(Wire.pngResult(PNG).build());
        try (RemoveBgClient client = client(FAST, Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> client.removeBackground(request()))
                    .isInstanceOf(ServerException.class).hasMessageContaining("Internal 2")
                    .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
            assertThat(server.getRequestCount()).isEqualTo(3);
        }
    }

    @Test
    void noReSendAfterAReadTimeout() throws Exception {
        server.enqueue(Wire.pngResult(PNG).headersDelay(1, TimeUnit.SECONDS).build());
        server.enqueue(Wire.pngResult(PNG).build());
        try (RemoveBgClient client = client(FAST, Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.removeBackground(request()))
                    .isInstanceOfSatisfying(ApiConnectionException.class, e -> {
                        assertThat(e.requestSent()).isTrue();
                        assertThat(e.getMessage()).contains("timed out").contains("may have processed and charged");
                    });
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void reSendAfterAReadTimeoutOnlyWhenOptedIn() {
        server.enqueue(Wire.pngResult(PNG).headersDelay(1, TimeUnit.SECONDS).build());
        server.enqueue(Wire.pngResult(PNG).build());
        try (RemoveBgClient client = client(FAST.toBuilder().retryAfterRequestSent(true).build(),
                Duration.ofMillis(300))) {
            assertThat(client.removeBackground(request()).bytes()).isEqualTo(PNG);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void noReSendWhenTheConnectionDropsMidResponse() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .body(new Buffer().write(PNG)).onResponseBody(new SocketEffect.CloseSocket(true, true, true))
                .build());
        server.enqueue(Wire.pngResult(PNG).build());
        try (RemoveBgClient client = client(FAST, Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> client.removeBackground(request()))
                    .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("cut off");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionRefusedBeforeSendingIsRetriedAndReportedAsNotSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RemoveBgClient client = RemoveBgClient.builder().apiKey("k")
                .baseUrl("http://127.0.0.1:" + closedPort + "/v1.0").retryPolicy(FAST).build()) {
            assertThatThrownBy(() -> client.removeBackground(request()))
                    .isInstanceOfSatisfying(ApiConnectionException.class, e -> {
                        assertThat(e.requestSent()).isFalse();
                        assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort).contains("nothing was charged");
                        assertThat(e.getSuppressed()).hasSize(2);
                    });
        }
    }
}
