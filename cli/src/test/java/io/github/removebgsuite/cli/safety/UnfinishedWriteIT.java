package io.github.removebgsuite.cli.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.cli.UnfinishedWriteMain;
import io.github.removebgsuite.cli.ZipResults;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGTERM that ends the JVM mid-write (as it ends {@code removebg zip2png}) leaves no temporary file: the CLI's
 * shutdown hook deletes it, since the writer's {@code finally} block never runs. Nothing depends on timing: the first
 * test's child says when it is mid-write, and the second accepts either outcome of a race it cannot control.
 */
class UnfinishedWriteIT {
    @TempDir
    Path dir;

    @Test
    void aSigtermMidWriteLeavesNeitherTheTargetNorItsTemporaryFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path target = out.resolve("result.png");
        try (CliProcess child = CliProcess.startMain(dir, UnfinishedWriteMain.class, target.toString())) {
            child.awaitLine("writing"::equals);
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("the write is under way in a temporary file").singleElement().asString()
                        .startsWith(".result.png.").endsWith(".tmp");
            }
            child.terminate();
            assertThat(child.awaitExit()).as(child.output()).isEqualTo(143);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aSigtermToZip2pngLeavesTheWholePngOrNothing() throws Exception {
        Path zip = dir.resolve("result.zip");
        writeZipResult(zip, 4000, 3000);
        Path out = Files.createDirectories(dir.resolve("png"));
        Path target = out.resolve("result.png");
        boolean midWrite = false;
        try (CliProcess child = CliProcess.start(dir, "zip2png", zip.toString(), target.toString())) {
            // Signal as soon as the temporary file exists, or after the run if it was quicker than this loop.
            long deadline = System.nanoTime() + CliProcess.WAIT.toNanos();
            while (child.isAlive() && !midWrite && System.nanoTime() < deadline) {
                midWrite = listing(out).stream().anyMatch(name -> name.endsWith(".tmp"));
                Thread.sleep(1);
            }
            child.terminate();
            int exit = child.awaitExit();
            assertThat(exit).as(child.output()).isIn(0, 143);
        }
        List<String> left = listing(out);
        if (left.isEmpty()) {
            assertThat(midWrite).as("an empty folder only when the signal landed mid-write").isTrue();
        } else {
            assertThat(left).containsExactly("result.png");
            BufferedImage png = ImageIO.read(target.toFile());
            assertThat(png.getWidth()).isEqualTo(4000);
            assertThat(png.getColorModel().hasAlpha()).isTrue();
        }
        System.out.println("zip2png SIGTERM landed " + (midWrite ? "mid-write" : "after the run") + "; left: " + left);
    }

    /** A remove.bg ZIP result: a noisy colour JPEG and a matte that is opaque in its left half. */
    private static void writeZipResult(Path zip, int width, int height) throws IOException {
        BufferedImage color = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) color.getRaster().getDataBuffer()).getData();
        new Random(42).nextBytes(pixels);
        BufferedImage alpha = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] matte = ((DataBufferByte) alpha.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            Arrays.fill(matte, y * width, y * width + width / 2, (byte) 255);
        }
        ZipResults.write(zip, color, alpha);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
