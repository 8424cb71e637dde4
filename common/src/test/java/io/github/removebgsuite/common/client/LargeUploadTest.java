package io.github.removebgsuite.common.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of about 22 MB goes through the client in a separate JVM whose heap is limited to 64 MB. The child uploads it
 * three times concurrently, so a client that buffered uploads would need at least 66 MB and fail with an
 * OutOfMemoryError; a streaming one needs a few kilobytes per upload.
 */
class LargeUploadTest {

    static final long SIZE = 22_000_000L;
    static final int UPLOADS = 3;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    @Test
    void twentyTwoMegabytesStreamFromDiskInA64MegabyteHeap() throws Exception {
        Path image = dir.resolve("large.jpg");
        writeLargeJpeg(image);
        server.setBodyLimit(0); // record only the size in this JVM, not the 66 MB of bodies
        for (int i = 0; i < UPLOADS; i++) {
            server.enqueue(Wire.pngResult(Wire.png(4, 3)).build());
        }

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                LargeUploadMain.class.getName(), server.url("/v1.0").toString(), image.toString(),
                String.valueOf(UPLOADS)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        boolean exited = child.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("child.log"));

        assertThat(exited).as("child finished; log:%n%s", log).isTrue();
        assertThat(child.exitValue()).as("child exit code; log:%n%s", log).isZero();
        assertThat(log).contains("uploaded " + UPLOADS);
        for (int i = 0; i < UPLOADS; i++) {
            RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(recorded).isNotNull();
            assertThat(recorded.getBodySize()).isGreaterThan(SIZE).isLessThan(SIZE + 4096);
        }
    }

    /**
     * A real (small) JPEG followed by 22 MB of incompressible padding after its end-of-image marker: large, and still
     * a JPEG by its header, which is all the client reads before uploading.
     */
    private static void writeLargeJpeg(Path path) throws IOException {
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "jpg", jpeg);
        Random random = new Random(1);
        byte[] chunk = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(path)) {
            out.write(jpeg.toByteArray());
            long written = jpeg.size();
            while (written < SIZE) {
                random.nextBytes(chunk);
                int n = (int) Math.min(chunk.length, SIZE - written);
                out.write(chunk, 0, n);
                written += n;
            }
        }
    }
}
