package io.github.removebgsuite.common.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.common.request.RemoveBgRequest;
import io.github.removebgsuite.common.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Many asynchronous calls at once, with retries, none of them blocking the calling thread. */
class AsyncConcurrencyTest {

    private static final byte[] PNG = Wire.png(4, 3);
    private static final int CALLS = 32;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void thirtyTwoConcurrentCallsCompleteWithRetriesWithoutBlockingTheCaller() throws Exception {
        CountDownLatch serverGate = new CountDownLatch(1);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                // Hold every answer until the caller has issued all its calls.
                serverGate.await(20, TimeUnit.SECONDS);
                String image = request.getBody().utf8();
                if (seen.add(image)) {
                    return Wire.error(503, "{\"errors\":[{\"title\":\"Busy\"}]}");
                }
                return Wire.pngResult(PNG).headersDelay(50, TimeUnit.MILLISECONDS).build();
            }
        });
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(100)).build();
        try (RemoveBgClient client = RemoveBgClient.builder().apiKey("k").baseUrl(server.url("/v1.0").toString())
                .retryPolicy(policy).maxConcurrentRequests(CALLS).build()) {
            Thread caller = Thread.currentThread();
            Set<Thread> completionThreads = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<RemoveBgResult>> futures = new ArrayList<>();

            for (int i = 0; i < CALLS; i++) {
                RemoveBgRequest request = RemoveBgRequest.builder().imageUrl("https://example.com/" + i + ".jpg")
                        .build();
                futures.add(client.removeBackgroundAsync(request).whenComplete((r, e) ->
                        completionThreads.add(Thread.currentThread())));
            }
            // Every call was issued while the server still held all answers: the caller never waited for one.
            assertThat(serverGate.getCount()).isEqualTo(1);
            assertThat(futures).noneMatch(CompletableFuture::isDone);
            serverGate.countDown();

            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(futures).allSatisfy(f -> assertThat(f.join().bytes()).isEqualTo(PNG));
            assertThat(server.getRequestCount()).isEqualTo(2 * CALLS); // each call: one 503, then its retry
            assertThat(seen).hasSize(CALLS);
            assertThat(completionThreads).doesNotContain(caller);
        }
    }
}
