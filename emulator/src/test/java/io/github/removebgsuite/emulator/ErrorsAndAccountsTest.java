package io.github.removebgsuite.emulator;

import static io.github.removebgsuite.emulator.EmulatorHttp.KEY;
import static io.github.removebgsuite.emulator.EmulatorHttp.header;
import static io.github.removebgsuite.emulator.EmulatorHttp.removeBg;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The documented error codes and statuses, credits, {@code /account}, {@code /improve} and the rate limit. */
class ErrorsAndAccountsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private RemoveBgEmulator emu = RemoveBgEmulator.builder().apiKey(KEY, new BigDecimal("3"))
            .oauthToken("token-abc", new BigDecimal("1")).build().start();

    @AfterEach
    void stop() {
        emu.close();
    }

    private static JsonNode firstError(HttpResponse<byte[]> r) throws IOException {
        return JSON.readTree(r.body()).get("errors").get(0);
    }

    private void assertError(HttpResponse<byte[]> r, int status, String code) throws IOException {
        assertThat(r.statusCode()).as(EmulatorHttp.text(r)).isEqualTo(status);
        assertThat(firstError(r).get("code").asText()).isEqualTo(code);
        assertThat(firstError(r).get("title").asText()).isNotBlank();
        assertThat(header(r, "X-RateLimit-Limit")).isEqualTo("500");
        assertThat(emu.credits(KEY)).as("errors charge nothing").isEqualByComparingTo("3");
    }

    private HttpResponse<byte[]> multipart(EmulatorHttp.Multipart form) {
        return EmulatorHttp.post(emu, "/removebg", form, EmulatorHttp.auth());
    }

    private HttpResponse<byte[]> json(String body) {
        return EmulatorHttp.send(emu, "/removebg", "application/json", body.getBytes(StandardCharsets.UTF_8),
                EmulatorHttp.auth());
    }

    @Test
    void sourceErrors() throws IOException {
        assertError(json("{\"size\": \"preview\"}"), 400, "missing_source");
        String b64 = Base64.getEncoder().encodeToString(EmulatorHttp.sampleJpg());
        assertError(multipart(new EmulatorHttp.Multipart().file("image_file", "a.jpg", EmulatorHttp.sampleJpg())
                .field("image_file_b64", b64)), 400, "multiple_sources");
        assertError(multipart(new EmulatorHttp.Multipart().file("image_file", "a.txt",
                "hello".getBytes(StandardCharsets.UTF_8))), 400, "invalid_file_type");
        assertError(multipart(new EmulatorHttp.Multipart().file("image_file", "big.jpg",
                new byte[22_000_001])), 400, "file_too_large");
        assertError(json("{\"image_url\": \"http://127.0.0.1:1/missing.jpg\"}"), 400, "failed_image_download");
        assertError(json("{\"image_url\": \"http://192.0.2.1/remote.jpg\"}"), 400, "failed_image_download");
    }

    @Test
    void resolutionTooHighIsReadFromTheHeaderOnly() throws IOException {
        // an 8000x6300 PNG header (50.4 MP) with a bogus body: refused before decoding
        byte[] png = pngHeaderOnly(8000, 6300);
        assertError(multipart(new EmulatorHttp.Multipart().file("image_file", "huge.png", png)), 400,
                "resolution_too_high");
        assertError(multipart(new EmulatorHttp.Multipart().file("image_file", "empty.png", pngHeaderOnly(0, 10))),
                400, "invalid_dimensions");
    }

    /** A PNG signature and IHDR chunk (valid CRC) announcing the given size, with no image data. */
    private static byte[] pngHeaderOnly(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }

    @Test
    void parameterErrors() throws IOException {
        String b64 = Base64.getEncoder().encodeToString(EmulatorHttp.samplePng());
        String src = "\"image_file_b64\": \"" + b64 + "\"";
        assertError(json("{" + src + ", \"bg_color\": \"fff\", \"bg_image_url\": \"http://127.0.0.1/x.png\"}"), 400,
                "multiple_bg_sources");
        assertError(json("{" + src + ", \"roi\": \"0 0 200px 50px\"}"), 400, "roi_exceeds_bounds");
        assertError(json("{" + src + ", \"roi\": \"50% 0% 50% 100%\"}"), 400, "roi_region_empty");
        assertError(json("{" + src + ", \"crop\": true, \"crop_margin\": \"60%\"}"), 400, "invalid_crop_margin");
        assertError(json("{" + src + ", \"bg_color\": \"notacolor\"}"), 400, "invalid_bg_color");
        assertError(json("{" + src + ", \"bg_image_url\": \"ftp://127.0.0.1/bg.png\"}"), 400, "invalid_bg_image_url");
        assertError(json("{" + src + ", \"bg_image_url\": \"http://127.0.0.1:1/bg.png\"}"), 400, "failed_bg_download");
        HttpResponse<byte[]> size = json("{" + src + ", \"size\": \"huge\"}");
        assertError(size, 400, "invalid_parameter");
        assertThat(firstError(size).get("detail").asText()).contains("size").contains("preview");
        assertError(json("{" + src + ", \"scale\": \"5%\"}"), 400, "invalid_parameter");
        assertError(json("{" + src + ", \"shadow_opacity\": 101}"), 400, "invalid_parameter");
        assertError(json("{" + src + ", \"shadow_type\": {\"boat\": \"drop\"}}"), 400, "invalid_parameter");
    }

    @Test
    void unknownForegroundWhenTheImageIsAllBackground() throws IOException {
        byte[] blank = EmulatorHttp.encode(EmulatorHttp.solid(60, 40, Color.WHITE), "png");
        assertError(multipart(new EmulatorHttp.Multipart().file("image_file", "blank.png", blank)), 400,
                "unknown_foreground");
    }

    @Test
    void authentication() throws IOException {
        HttpResponse<byte[]> missing = EmulatorHttp.post(emu, "/removebg",
                new EmulatorHttp.Multipart().file("image_file", "a.jpg", EmulatorHttp.sampleJpg()), Map.of());
        HttpResponse<byte[]> invalid = EmulatorHttp.post(emu, "/removebg",
                new EmulatorHttp.Multipart().file("image_file", "a.jpg", EmulatorHttp.sampleJpg()),
                Map.of("X-Api-Key", "wrong-key"));
        assertError(missing, 403, "missing_api_key");
        assertThat(firstError(missing).get("title").asText()).isEqualTo("Missing API Key");
        assertError(invalid, 403, "invalid_api_key");
        assertThat(firstError(invalid).get("title").asText()).isEqualTo("Invalid API Key");
        assertThat(EmulatorHttp.text(invalid)).doesNotContain("wrong-key");
    }

    @Test
    void creditsAreChargedAndReportedAndRunOut() throws IOException {
        assertThat(removeBg(emu, "size", "full").statusCode()).isEqualTo(200);
        assertThat(removeBg(emu).statusCode()).isEqualTo(200);
        assertThat(emu.credits(KEY)).isEqualByComparingTo("1.75");
        HttpResponse<byte[]> account = EmulatorHttp.get(emu, "/account", EmulatorHttp.auth());
        JsonNode credits = JSON.readTree(account.body()).at("/data/attributes/credits");
        assertThat(credits.get("total").decimalValue()).isEqualByComparingTo("1.75");
        assertThat(JSON.readTree(account.body()).at("/data/attributes/api/sizes").asText()).isEqualTo("all");
        assertThat(header(account, "X-RateLimit-Remaining")).isEqualTo("498");

        assertThat(removeBg(emu, "size", "full").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> auto = removeBg(emu, "size", "auto");
        assertThat(header(auto, "X-Credits-Charged")).as("auto falls back to preview").isEqualTo("0.25");
        assertThat(emu.credits(KEY)).isEqualByComparingTo("0.5");
        HttpResponse<byte[]> broke = removeBg(emu, "size", "full");
        assertThat(broke.statusCode()).isEqualTo(402);
        assertThat(firstError(broke).get("title").asText()).isEqualTo("Insufficient credits");
        assertThat(emu.credits(KEY)).isEqualByComparingTo("0.5");
        assertThat(emu.charges()).hasSize(4).allSatisfy(c -> {
            assertThat(c.imageSha256()).isEqualTo(ApiHandler.sha256(EmulatorHttp.sampleJpg()));
            assertThat(c.toString()).doesNotContain(KEY);
        });
    }

    @Test
    void accountWritesWholeBalancesAsPlainNumbers() {
        try (RemoveBgEmulator twenty = RemoveBgEmulator.builder().apiKey("k20", new BigDecimal("20.00")).build()
                .start()) {
            String body = EmulatorHttp.text(EmulatorHttp.get(twenty, "/account", Map.of("X-Api-Key", "k20")));
            assertThat(body).contains("\"total\":20,");
        }
    }

    @Test
    void oauthTokensAuthenticateAndHaveTheirOwnBalance() {
        HttpResponse<byte[]> r = EmulatorHttp.post(emu, "/removebg", new EmulatorHttp.Multipart()
                .file("image_file", "a.jpg", EmulatorHttp.sampleJpg()), Map.of("Authorization", "Bearer token-abc"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(emu.credits("token-abc")).isEqualByComparingTo("0.75");
        assertThat(emu.credits(KEY)).isEqualByComparingTo("3");
    }

    @Test
    void improveKeepsTheSubmission() throws IOException {
        HttpResponse<byte[]> r = EmulatorHttp.post(emu, "/improve", new EmulatorHttp.Multipart()
                .file("image_file", "a.jpg", EmulatorHttp.sampleJpg()).field("image_filename", "mug.jpg")
                .field("tag", "mugs"), EmulatorHttp.auth());

        assertThat(r.statusCode()).isEqualTo(200);
        String id = JSON.readTree(r.body()).get("id").asText();
        assertThat(emu.improvements()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(id);
            assertThat(i.imageFilename()).contains("mug.jpg");
            assertThat(i.tag()).contains("mugs");
            assertThat(i.imageSize()).isEqualTo(EmulatorHttp.sampleJpg().length);
        });
        assertThat(emu.credits(KEY)).isEqualByComparingTo("3");
        assertThat(header(r, "X-RateLimit-Limit")).isEqualTo("500");
    }

    @Test
    void rateLimitAnswers429WithRetryAfterAndRecoversNextWindow() {
        emu.close();
        // A hand-moved clock: windows are aligned to the epoch, so this one starts at 3000 s and ends at 3003 s.
        HandClock clock = new HandClock(Instant.ofEpochSecond(3000).plusMillis(20));
        emu = RemoveBgEmulator.builder().apiKey(KEY, new BigDecimal("100")).rateLimit(2, Duration.ofSeconds(3))
                .clock(clock).build().start();
        HttpResponse<byte[]> first = removeBg(emu);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "X-RateLimit-Limit")).isEqualTo("2");
        assertThat(header(first, "X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(header(first, "X-RateLimit-Reset")).isEqualTo("3003");
        assertThat(removeBg(emu).statusCode()).isEqualTo(200);
        clock.now = clock.now.plusMillis(1500);
        HttpResponse<byte[]> limited = removeBg(emu);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(header(limited, "Retry-After")).isEqualTo("2"); // 1.48 s left, rounded up to whole seconds
        assertThat(header(limited, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(emu.credits(KEY)).isEqualByComparingTo("99.5");
        clock.now = clock.now.plusSeconds(2);
        HttpResponse<byte[]> next = removeBg(emu);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(header(next, "X-RateLimit-Reset")).isEqualTo("3006");
        assertThat(emu.rateLimitUsage(KEY)).as("the refused call is not counted")
                .containsExactly(Map.entry(Instant.ofEpochSecond(3000), 2), Map.entry(Instant.ofEpochSecond(3003), 1));
        assertThat(emu.rateLimitUsage("token-abc")).isEmpty();
    }

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private volatile Instant now; // read by the server's threads

        HandClock(Instant now) {
            this.now = now;
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
}
