package io.github.removebgsuite.common.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.removebgsuite.common.error.ApiException;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import io.github.removebgsuite.common.retry.RetryPolicy;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The credential never shows: not in any {@code toString()}, not in any exception (message, cause, suppressed), not in
 * any log line, for failing calls of every kind, including an error answer that echoes the key back.
 */
class SecretLeakTest {

    private static final String KEY = "sk_live_S3CRET_9f8e7d6c5b4a";
    private static final String TOKEN = "oauth_T0KEN_0123456789abcdef";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logLines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Logger root;
    private Level rootLevel;
    private Logger clientLogger;

    @BeforeEach
    void captureAllLogging() {
        root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        clientLogger = Logger.getLogger(RemoveBgClient.class.getName());
        clientLogger.setLevel(Level.ALL);
    }

    @AfterEach
    void restoreLogging() {
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        clientLogger.setLevel(null);
    }

    @Test
    void theApiKeyAppearsNowhere() throws Exception {
        check(KEY, b -> b.apiKey(KEY), true);
    }

    @Test
    void theOauthTokenAppearsNowhere() throws Exception {
        check(TOKEN, b -> b.oauthToken(TOKEN), false);
    }

    private void check(String secret, Function<RemoveBgClient.Builder, RemoveBgClient.Builder> credential,
            boolean echoed) throws Exception {
        List<Object> seen = new ArrayList<>();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(10)).build();
        RemoveBgRequest request = RemoveBgRequest.builder().imageUrl("https://example.com/a.jpg").build();
        server.enqueue(Wire.error(403, "{\"errors\":[{\"title\":\"Invalid API Key\",\"detail\":\"The key "
                + secret + " is not valid\"}]}"));
        server.enqueue(Wire.error(400, "{\"errors\":[{\"code\":\"invalid_parameter\",\"title\":\"Bad\"}]}"));
        server.enqueue(Wire.error(503, "{\"errors\":[{\"title\":\"Busy\"}]}"));
        server.enqueue(Wire.error(503, "{\"errors\":[{\"title\":\"Still busy\"}]}"));
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html>login</html>").build());
        server.enqueue(Wire.pngResult(Wire.png(2, 2)).headersDelay(1, TimeUnit.SECONDS).build());
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600")
                .body("{\"errors\":[{\"title\":\"Rate limit exceeded\"}]}").build());

        try (RemoveBgClient client = credential.apply(RemoveBgClient.builder()
                .baseUrl(server.url("/v1.0").toString()).retryPolicy(policy).readTimeout(Duration.ofMillis(200)))
                .build()) {
            seen.add(client);
            seen.add(client.creditLedger());
            seen.add(request);
            for (int i = 0; i < 5; i++) { // 403, 400, 503+503, non-image 200, read timeout
                Throwable failure = catchThrowable(() -> client.removeBackground(request));
                assertThat(failure).isNotNull();
                seen.add(failure);
            }
            seen.add(catchThrowable(() -> client.account())); // 429 beyond the policy's wait
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RemoveBgClient offline = credential.apply(RemoveBgClient.builder()
                .baseUrl("http://127.0.0.1:" + closedPort + "/v1.0").retryPolicy(policy)).build()) {
            seen.add(catchThrowable(() -> offline.removeBackgroundAsync(request).join()));
        }
        seen.add(catchThrowable(() -> RemoveBgClient.builder().apiKey(secret + " x").build()));

        List<String> texts = new ArrayList<>();
        for (Object o : seen) {
            collect(o, texts, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        texts.addAll(logLines);

        assertThat(logLines).as("the failing calls were logged").isNotEmpty();
        assertThat(texts).hasSizeGreaterThan(20).allSatisfy(text -> assertThat(text).doesNotContain(secret));
        if (echoed) {
            ApiException forbidden = (ApiException) seen.get(3);
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.errors().get(0).detail()).isEqualTo("The key [redacted] is not valid");
        }
    }

    /** Every string an object and its exception chain show: toString, messages, causes, suppressed, API errors. */
    private static void collect(Object o, List<String> out, Set<Object> visited) {
        if (o == null || !visited.add(o)) {
            return;
        }
        out.add(String.valueOf(o));
        if (o instanceof Throwable t) {
            out.add(String.valueOf(t.getMessage()));
            out.add(String.valueOf(t.getLocalizedMessage()));
            if (t instanceof ApiException api) {
                api.errors().forEach(e -> out.add(e.toString()));
            }
            collect(t.getCause(), out, visited);
            for (Throwable s : t.getSuppressed()) {
                collect(s, out, visited);
            }
        }
    }
}
