package io.github.removebgsuite.emulator;

import static io.github.removebgsuite.emulator.EmulatorHttp.KEY;
import static io.github.removebgsuite.emulator.EmulatorHttp.header;
import static io.github.removebgsuite.emulator.EmulatorHttp.removeBg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each injectable fault, from Java and over the admin endpoint, with its documented charging. */
class FaultInjectionTest {
    @RegisterExtension
    final RemoveBgEmulatorExtension removeBg = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("10"));

    private RemoveBgEmulator emu() {
        return removeBg.emulator();
    }

    @Test
    void statusBurstsAnswerThenStopAndChargeNothing() {
        emu().faults().enqueue(Fault.status(503), 2).enqueue(Fault.status(500)).enqueue(Fault.status(502));

        assertThat(removeBg(emu()).statusCode()).isEqualTo(503);
        assertThat(removeBg(emu()).statusCode()).isEqualTo(503);
        assertThat(removeBg(emu()).statusCode()).isEqualTo(500);
        HttpResponse<byte[]> bad = removeBg(emu());
        assertThat(bad.statusCode()).isEqualTo(502);
        assertThat(EmulatorHttp.text(bad)).contains("\"errors\"");
        assertThat(emu().credits(KEY)).isEqualByComparingTo("10");
        assertThat(removeBg(emu()).statusCode()).isEqualTo(200);
        assertThat(emu().credits(KEY)).isEqualByComparingTo("9.75");
        assertThat(emu().requestCount()).isEqualTo(5);
    }

    @Test
    void rateLimitedWithAndWithoutRetryAfter() {
        emu().faults().enqueue(Fault.rateLimited(7)).enqueue(Fault.rateLimited(null));

        HttpResponse<byte[]> with = removeBg(emu());
        HttpResponse<byte[]> without = removeBg(emu());
        assertThat(with.statusCode()).isEqualTo(429);
        assertThat(header(with, "Retry-After")).isEqualTo("7");
        assertThat(without.statusCode()).isEqualTo(429);
        assertThat(header(without, "Retry-After")).isNull();
        assertThat(emu().credits(KEY)).isEqualByComparingTo("10");
    }

    @Test
    void delayAnswersNormallyAfterThePause() {
        emu().faults().enqueue(Fault.delay(Duration.ofMillis(300)));
        long start = System.nanoTime();
        HttpResponse<byte[]> r = removeBg(emu());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(emu().credits(KEY)).isEqualByComparingTo("9.75");
    }

    @Test
    void droppedConnectionAndTruncatedBodyFailTheClientButCharge() {
        emu().faults().enqueue(Fault.dropConnection()).enqueue(Fault.truncatedBody());

        assertThatThrownBy(() -> removeBg(emu())).isInstanceOf(UncheckedIOException.class);
        assertThat(emu().credits(KEY)).isEqualByComparingTo("9.75");
        assertThatThrownBy(() -> removeBg(emu())).isInstanceOf(UncheckedIOException.class);
        assertThat(emu().credits(KEY)).isEqualByComparingTo("9.5");
        assertThat(emu().charges()).hasSize(2);
    }

    @Test
    void truncatedBodySendsHalfOfWhatContentLengthPromises() throws IOException {
        emu().faults().enqueue(Fault.truncatedBody());
        EmulatorHttp.Multipart form = new EmulatorHttp.Multipart().file("image_file", "a.jpg", EmulatorHttp.sampleJpg());
        HttpURLConnection c = (HttpURLConnection) URI.create(emu().baseUrl() + "/removebg").toURL().openConnection();
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", form.contentType());
        c.setRequestProperty("X-Api-Key", KEY);
        c.getOutputStream().write(form.bytes());
        assertThat(c.getResponseCode()).isEqualTo(200);
        long promised = c.getContentLengthLong();
        int received = 0;
        try (InputStream in = c.getInputStream()) {
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received += n;
            }
        } catch (IOException expected) {
            // premature EOF: the point of the fault
        }
        assertThat(promised).isPositive();
        assertThat((long) received).isEqualTo(promised / 2);
    }

    @Test
    void malformedZipIsA200ThatIsNotAZip() throws IOException {
        emu().faults().enqueue(Fault.malformedZip());
        HttpResponse<byte[]> r = removeBg(emu(), "format", "zip");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Content-Type")).isEqualTo("application/zip");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            assertThatThrownBy(() -> {
                while (zip.getNextEntry() != null) {
                    zip.readAllBytes();
                }
            }).isInstanceOf(IOException.class);
        }
        assertThat(emu().credits(KEY)).isEqualByComparingTo("9.75");
    }

    @Test
    void htmlBodyIsA200ErrorPageAndChargesNothing() {
        emu().faults().enqueue(Fault.htmlBody());
        HttpResponse<byte[]> r = removeBg(emu());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Content-Type")).startsWith("text/html");
        assertThat(EmulatorHttp.text(r)).contains("<html>");
        assertThat(emu().credits(KEY)).isEqualByComparingTo("10");
    }

    @Test
    void adminEndpointEnqueuesListsAndClears() {
        String admin = emu().baseUrl().replace("/v1.0", "/admin/faults");
        HttpResponse<byte[]> added = EmulatorHttp.call(HttpRequest.newBuilder(URI.create(admin))
                .POST(HttpRequest.BodyPublishers.ofString("{\"fault\": \"503\", \"count\": 2}"))
                .header("Content-Type", "application/json").build());
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(emu().faults().pending()).hasSize(2);
        assertThat(removeBg(emu()).statusCode()).isEqualTo(503);

        HttpResponse<byte[]> bad = EmulatorHttp.call(HttpRequest.newBuilder(URI.create(admin))
                .POST(HttpRequest.BodyPublishers.ofString("{\"fault\": \"gremlins\"}")).build());
        assertThat(bad.statusCode()).isEqualTo(400);
        EmulatorHttp.call(HttpRequest.newBuilder(URI.create(admin)).POST(HttpRequest.BodyPublishers.ofString(
                "{\"fault\": \"rate_limited\", \"retryAfter\": 3}")).build());
        assertThat(new String(EmulatorHttp.call(HttpRequest.newBuilder(URI.create(admin)).GET().build()).body(),
                StandardCharsets.UTF_8)).contains("Fault[503]").contains("Retry-After=3");
        EmulatorHttp.call(HttpRequest.newBuilder(URI.create(admin)).DELETE().build());
        assertThat(emu().faults().pending()).isEmpty();
        assertThat(removeBg(emu()).statusCode()).isEqualTo(200);
    }
}
