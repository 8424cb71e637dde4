package io.github.removebgsuite.common.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.removebgsuite.common.account.Account;
import io.github.removebgsuite.common.error.ApiError;
import io.github.removebgsuite.common.error.ApiException;
import io.github.removebgsuite.common.error.AuthenticationException;
import io.github.removebgsuite.common.error.InsufficientCreditsException;
import io.github.removebgsuite.common.error.InvalidRequestException;
import io.github.removebgsuite.common.error.KnownErrorCode;
import io.github.removebgsuite.common.error.RateLimitedException;
import io.github.removebgsuite.common.error.ServerException;
import io.github.removebgsuite.common.error.UnexpectedResponseException;
import io.github.removebgsuite.common.ratelimit.RateLimitSnapshot;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import io.github.removebgsuite.common.request.Size;
import io.github.removebgsuite.common.retry.RetryPolicy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results, metadata, the account and every error status, with the API reference's own example bodies. */
class ResponseHandlingTest {

    private static final byte[] PNG = Wire.png(4, 3);
    private static final String ACCOUNT = "{\"data\":{\"attributes\":{\"credits\":{\"total\":200,"
            + "\"subscription\":150,\"payg\":50,\"enterprise\":0},\"api\":{\"free_calls\":50,\"sizes\":\"all\"}}}}";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private RemoveBgClient client;

    @BeforeEach
    void setUp() {
        client = RemoveBgClient.builder().apiKey("k").baseUrl(server.url("/v1.0").toString())
                .retryPolicy(RetryPolicy.none()).maxResponseBytes(1 << 20).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static RemoveBgRequest request() {
        return RemoveBgRequest.builder().imageUrl("https://example.com/a.jpg").build();
    }

    @Test
    void binaryResultCarriesTypedMetadata() {
        server.enqueue(Wire.pngResult(PNG).build());

        RemoveBgResult result = client.removeBackground(request());

        assertThat(result.bytes()).isEqualTo(PNG);
        assertThat(result.format()).isEqualTo(ResultFormat.PNG);
        assertThat(result.contentType()).isEqualTo("image/png");
        ResultMetadata m = result.metadata();
        assertThat(m.detectedType()).contains("product");
        assertThat(m.width()).isEqualTo(4);
        assertThat(m.height()).isEqualTo(3);
        assertThat(m.creditsCharged()).isEqualByComparingTo("0.25");
        assertThat(m.foreground()).contains(new ForegroundBox(1, 2, 3, 1));
        assertThat(m.rateLimit()).contains(new RateLimitSnapshot(500, 499, Instant.ofEpochSecond(1757465959)));
        assertThat(client.creditLedger().spent()).isEqualByComparingTo("0.25");
    }

    @Test
    void formatComesFromContentType() {
        byte[] jpeg = Wire.jpeg(4, 3);
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/jpeg")
                .body(new Buffer().write(jpeg)).build());

        RemoveBgResult result = client.removeBackground(request());

        assertThat(result.format()).isEqualTo(ResultFormat.JPG);
        assertThat(result.metadata().creditsCharged()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(result.metadata().detectedType()).isEmpty();
        assertThat(result.metadata().foreground()).isEmpty();
    }

    @Test
    void jsonResultIsDecodedFromResultB64() {
        try (RemoveBgClient json = RemoveBgClient.builder().apiKey("k").baseUrl(server.url("/v1.0").toString())
                .jsonResults(true).build()) {
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .setHeader("X-Credits-Charged", "1").setHeader("X-Type", "car")
                    .body("{\"data\":{\"result_b64\":\"" + Base64.getEncoder().encodeToString(PNG) + "\","
                            + "\"foreground_top\":5,\"foreground_left\":6,\"foreground_width\":7,"
                            + "\"foreground_height\":8}}").build());

            RemoveBgResult result = json.removeBackground(request());

            assertThat(result.bytes()).isEqualTo(PNG);
            assertThat(result.format()).isEqualTo(ResultFormat.PNG);
            assertThat(result.contentType()).isEqualTo("image/png");
            assertThat(result.metadata().foreground()).contains(new ForegroundBox(5, 6, 7, 8));
            assertThat(result.metadata().detectedType()).contains("car");
            assertThat(result.metadata().creditsCharged()).isEqualByComparingTo("1");
        }
    }

    @Test
    void htmlWithStatus200IsNotAResult() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html><body>Please log in to the hotel Wi-Fi</body></html>").build());

        assertThatThrownBy(() -> client.removeBackground(request()))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("text/html").hasMessageContaining("instead of an image");
    }

    @Test
    void imageContentTypeWithWrongMagicBytesIsRefused() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .body("GIF89a definitely not a png").build());

        assertThatThrownBy(() -> client.removeBackground(request()))
                .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("not a PNG image");
    }

    @Test
    void truncatedImageIsRefused() {
        byte[] cut = Arrays.copyOf(PNG, PNG.length - 12);
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .body(new Buffer().write(cut)).build());

        assertThatThrownBy(() -> client.removeBackground(request()))
                .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("truncated");
    }

    @Test
    void oversizeContentLengthIsRefusedBeforeReading() {
        byte[] big = new byte[(1 << 20) + 1];
        System.arraycopy(PNG, 0, big, 0, 8);
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .body(new Buffer().write(big)).build());

        assertThatThrownBy(() -> client.removeBackground(request()))
                .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("maxResponseBytes")
                .hasMessageContaining("was not read");
    }

    @Test
    void oversizeChunkedBodyStopsBeingRead() {
        byte[] big = new byte[(1 << 20) + 1];
        System.arraycopy(PNG, 0, big, 0, 8);
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .chunkedBody(new Buffer().write(big), 64 * 1024).build());

        assertThatThrownBy(() -> client.removeBackground(request()))
                .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("maxResponseBytes")
                .hasMessageContaining("reading stopped");
    }

    @Test
    void writeToReplacesTheTargetAtomicallyAndLeavesNoTemporaryFile() throws Exception {
        server.enqueue(Wire.pngResult(PNG).build());
        Path target = dir.resolve("out/result.png");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");

        client.removeBackground(request()).writeTo(target);

        assertThat(Files.readAllBytes(target)).isEqualTo(PNG);
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
        Path plain = Files.createFile(dir.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(target)).as("the umask's permissions, not a temporary file's")
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void invalidRequestCarriesEveryError() {
        server.enqueue(Wire.error(400, "{\"errors\":[{\"code\":\"multiple_sources\",\"title\":\"Multiple image "
                + "sources given: Please provide either the image_url, image_file or image_file_b64 parameter.\"},"
                + "{\"code\":\"invalid_bg_color\",\"title\":\"Invalid bg_color\",\"detail\":\"Use hex or a name\"}]}"));

        assertThatThrownBy(() -> client.removeBackground(request()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).containsExactly(
                            new ApiError("multiple_sources", "Multiple image sources given: Please provide either the "
                                    + "image_url, image_file or image_file_b64 parameter.", null),
                            new ApiError("invalid_bg_color", "Invalid bg_color", "Use hex or a name"));
                    assertThat(e.knownCode()).contains(KnownErrorCode.MULTIPLE_SOURCES);
                    assertThat(e.getMessage()).contains("HTTP 400").contains("[multiple_sources]")
                            .contains("Invalid bg_color [invalid_bg_color]: Use hex or a name")
                            .contains("No credits were charged");
                });
    }

    @Test
    void insufficientCreditsSaysWhatIsLeftAndWhatIsNeeded() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"data\":{\"attributes\":{\"credits\":{\"total\":0.25,\"subscription\":0,\"payg\":0.25,"
                        + "\"enterprise\":0},\"api\":{\"free_calls\":0,\"sizes\":\"all\"}}}}").build());
        server.enqueue(Wire.error(402, "{\"errors\":[{\"title\":\"Insufficient credits\"}]}"));
        client.account();

        assertThatThrownBy(() -> client.removeBackground(RemoveBgRequest.builder()
                .imageUrl("https://example.com/a.jpg").size(Size.FULL).build()))
                .isInstanceOfSatisfying(InsufficientCreditsException.class, e -> {
                    assertThat(e.status()).isEqualTo(402);
                    assertThat(e.errors()).containsExactly(new ApiError(null, "Insufficient credits", null));
                    assertThat(e.getMessage()).startsWith(
                            "Insufficient credits: the account has 0.25 left, this call needs 1");
                });
    }

    @Test
    void insufficientCreditsWithoutKnownBalanceStillNamesTheNeed() {
        server.enqueue(Wire.error(402, "{\"errors\":[{\"title\":\"Insufficient credits\"}]}"));

        assertThatThrownBy(() -> client.removeBackground(request()))
                .isInstanceOf(InsufficientCreditsException.class)
                .hasMessageStartingWith("Insufficient credits: the account has fewer than the 0.25 credits");
    }

    @Test
    void authenticationFailure() {
        server.enqueue(Wire.error(403, "{\"errors\":[{\"title\":\"Missing API Key\"}]}"));

        assertThatThrownBy(() -> client.account())
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.errors()).extracting(ApiError::title).containsExactly("Missing API Key");
                    assertThat(e.getMessage()).contains("Missing API Key").contains("Check the API key");
                });
    }

    @Test
    void rateLimitedCarriesRetryAfterAndSnapshot() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Content-Type", "application/json")
                .setHeader("Retry-After", "59").setHeader("X-RateLimit-Limit", "500")
                .setHeader("X-RateLimit-Remaining", "0").setHeader("X-RateLimit-Reset", "1757465959")
                .body("{\"errors\":[{\"title\":\"Rate limit exceeded\"}]}").build());

        assertThatThrownBy(() -> client.removeBackground(request()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(59));
                    assertThat(e.rateLimit()).contains(new RateLimitSnapshot(500, 0,
                            Instant.ofEpochSecond(1757465959)));
                    assertThat(e.errors()).extracting(ApiError::title).containsExactly("Rate limit exceeded");
                    assertThat(e.getMessage()).contains("wait 59 s")
                            .contains("limit 500 megapixels per window, 0 left until 2025-09-10T00:59:19Z");
                });
    }

    @Test
    void serverErrorWithAnHtmlBody() {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Content-Type", "text/html")
                .body("<h1>Service Unavailable</h1>").build());

        assertThatThrownBy(() -> client.removeBackground(request()))
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.errors()).isEmpty();
                    assertThat(e.getMessage()).contains("HTTP 503").contains("no details given");
                });
    }

    @Test
    void redirectIsNotFollowed() {
        server.enqueue(new MockResponse.Builder().code(301).setHeader("Location", "https://elsewhere.example/")
                .build());

        assertThatThrownBy(() -> client.removeBackground(request()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(301))
                .hasMessageContaining("check the base URL");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void accountIsTypedAndStartsTheLedger() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(ACCOUNT).build());
        server.enqueue(Wire.pngResult(PNG).build());

        Account account = client.account();
        client.removeBackground(request());

        assertThat(account).isEqualTo(new Account(new BigDecimal("200"), new BigDecimal("150"),
                new BigDecimal("50"), new BigDecimal("0"), 50));
        assertThat(client.creditLedger().balance()).hasValueSatisfying(
                b -> assertThat(b).isEqualByComparingTo("199.75"));
        assertThat(client.creditLedger().spent()).isEqualByComparingTo("0.25");
    }

    @Test
    void accountAnswerWithoutCreditsIsUnexpected() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"data\":{}}").build());

        assertThatThrownBy(() -> client.account()).isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("credits.total");
    }

    @Test
    void everyDocumentedErrorCodeIsKnown() {
        List<String> documented = List.of("missing_source", "multiple_sources", "multiple_bg_sources",
                "file_too_large", "resolution_too_high", "invalid_file_type", "invalid_dimensions",
                "unknown_foreground", "roi_exceeds_bounds", "roi_region_empty", "invalid_crop_margin",
                "invalid_bg_color", "invalid_bg_image_url", "failed_image_download", "failed_bg_download",
                "invalid_parameter");
        assertThat(documented).allSatisfy(code -> assertThat(KnownErrorCode.fromCode(code))
                .hasValueSatisfying(k -> assertThat(k.code()).isEqualTo(code)));
        assertThat(KnownErrorCode.fromCode("something_new")).isEmpty();
    }
}
