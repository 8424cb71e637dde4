package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13 item 4: three image files of 22 MB each go through a {@code file:} route in a child JVM whose heap is
 * 64 MB, all three in flight at once, and each ZIP answer is composed into a PNG inside the route. A route that held
 * the uploads in memory would need 66 MB for the bodies alone and die of an OutOfMemoryError (checked by making
 * ImageBodies read files whole: the child dies); the component streams each file from disk, and composing a 1200x900
 * answer on one thread (composeThreads=1, the default) needs a few megabytes per exchange.
 */
class RemoveBgLargeFileRouteTest {

    private static final String KEY = "large-key";
    private static final long SIZE = 22_000_000L;
    private static final int FILES = 3;

    @RegisterExtension
    static final RemoveBgEmulatorExtension EMULATOR = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("50"));

    @TempDir
    Path tmp;

    @Test
    void twentyTwoMegabyteFilesStreamThroughTheRouteInA64MegabyteHeap() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path out = tmp.resolve("out");
        for (int i = 0; i < FILES; i++) {
            writeLargeJpeg(in.resolve("large-" + i + ".jpg"), i);
        }
        BigDecimal before = EMULATOR.emulator().credits(KEY);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                LargeFileRouteMain.class.getName(), EMULATOR.emulator().baseUrl(), KEY, in.toString(), out.toString(),
                String.valueOf(FILES)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        boolean exited = child.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            child.destroyForcibly().waitFor();
        }
        String log = Files.readString(tmp.resolve("child.log"));

        assertThat(exited).as("child finished; log:%n%s", log).isTrue();
        assertThat(child.exitValue()).as("child exit code; log:%n%s", log).isZero();
        assertThat(log).contains("routed " + FILES);
        for (int i = 0; i < FILES; i++) {
            byte[] png = Files.readAllBytes(out.resolve("large-" + i + ".png"));
            assertThat(TestImages.isTransparentPng(png)).isTrue();
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(1200);
            assertThat(image.getHeight()).isEqualTo(900);
        }
        assertThat(EMULATOR.emulator().charges()).filteredOn(c -> c.key().equals(KEY)).hasSize(FILES);
        assertThat(before.subtract(EMULATOR.emulator().credits(KEY))).isEqualByComparingTo(String.valueOf(FILES));
    }

    /**
     * A real 1200x900 JPEG followed by incompressible padding after its end-of-image marker up to 22 MB: as large as
     * remove.bg accepts, and still a JPEG of that size to every decoder.
     */
    private static void writeLargeJpeg(Path path, int seed) throws IOException {
        BufferedImage picture = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 1200, 900);
            g.setColor(new Color(60 + seed * 40, 30, 120));
            g.fillOval(300, 200, 600, 500);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpg", jpeg);
        Random random = new Random(seed);
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
