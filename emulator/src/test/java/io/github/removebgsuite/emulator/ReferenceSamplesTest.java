package io.github.removebgsuite.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API reference's own examples, sent as written except for the host. */
class ReferenceSamplesTest {
    private static final String API_KEY = "INSERT_YOUR_API_KEY_HERE";

    /**
     * The "Sample Code" (Node): {@code FormData} with {@code size=auto} and {@code image_file} as a Blob from
     * {@code fs.openAsBlob}, which Node sends as a part named {@code image_file} with file name {@code blob} and type
     * {@code application/octet-stream}; the body is written to {@code no-bg.png}.
     */
    @Test
    void nodeSampleWithMultipartSizeAuto(@TempDir Path dir) throws IOException {
        try (RemoveBgEmulator emu = RemoveBgEmulator.builder().apiKey(API_KEY, new BigDecimal("5")).build().start()) {
            String boundary = "----formdata-undici-032512418945";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"size\"\r\n\r\nauto\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image_file\"; filename=\"blob\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(EmulatorHttp.sampleJpg());
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

            HttpResponse<byte[]> response = EmulatorHttp.call(HttpRequest.newBuilder(
                    URI.create(emu.baseUrl() + "/removebg"))
                    .header("X-Api-Key", API_KEY)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());

            assertThat(response.statusCode()).as("response.ok").isBetween(200, 299);
            Path out = dir.resolve("no-bg.png");
            Files.write(out, response.body());
            BufferedImage result = EmulatorHttp.decode(Files.readAllBytes(out));
            assertThat(result.getWidth()).isEqualTo(100);
            assertThat(result.getColorModel().hasAlpha()).isTrue();
            assertThat(emu.credits(API_KEY)).as("size=auto with credits available is full: 1 credit")
                    .isEqualByComparingTo("4");
        }
    }

    /**
     * The rate-limit section's curl call: {@code curl -i -s -X POST ".../removebg" -H "Content-Type: application/json"
     * -d '{"image_url":"https://www.remove.bg/example.jpg"}'}, with the image served from loopback. It sends no key,
     * so the emulator is configured to take key-less requests as a demo key.
     */
    @Test
    void curlJsonSampleWithImageUrl() throws IOException {
        HttpServer images = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] example = EmulatorHttp.sampleJpg();
        images.createContext("/example.jpg", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, example.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(example);
            }
        });
        images.start();
        try (RemoveBgEmulator emu = RemoveBgEmulator.builder().apiKey("demo", new BigDecimal("5"))
                .anonymousRequestsAs("demo").build().start()) {
            String url = "http://127.0.0.1:" + images.getAddress().getPort() + "/example.jpg";
            HttpResponse<byte[]> response = EmulatorHttp.call(HttpRequest.newBuilder(
                    URI.create(emu.baseUrl() + "/removebg"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"image_url\":\"" + url + "\"}")).build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(EmulatorHttp.header(response, "Content-Type")).isEqualTo("image/png");
            assertThat(EmulatorHttp.header(response, "X-RateLimit-Remaining")).isEqualTo("499");
            assertThat(emu.charges()).singleElement()
                    .satisfies(c -> assertThat(c.imageSha256()).isEqualTo(ApiHandler.sha256(example)));
        } finally {
            images.stop(0);
        }
    }
}
