package io.github.removebgsuite.common.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory bound of a batch under concurrency (issue #15): sixteen 22 MB inputs of 3 megapixels each, sent 16 at
 * a time for full-size ZIP results that are composed to PNG, in a child JVM whose heap is {@value #HEAP_MB} MB. The
 * uploads stream from disk and the composer's memory budget (half the heap; each composition books what its headers
 * say it will hold, some 30 MB for these results on two cores) lets only as many compose at once as fit: the batch
 * completes, and the compositions never booked more than the budget at once, where sixteen at once would need sixteen
 * bookings. (With the budget lifted, {@code
 * -Dmemory.unbounded=true} for the child, it ran out of memory within seconds in a 96 MB heap; how many compositions
 * overlap then depends on timing, so that is not asserted.) The bound is documented in {@code bench/README.md}.
 */
class ConcurrentBatchMemoryTest {

    static final int HEAP_MB = 192;
    static final int INPUTS = 16;
    static final long INPUT_BYTES = 22_000_000L;

    @TempDir
    Path dir;

    @Test
    void sixteenLargeInputsAtOnceCompleteWithinTheComposersBudget() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        byte[] jpeg = photo(2000, 1500);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            Path file = in.resolve(String.format("large-%02d.jpg", i));
            writePadded(file, jpeg, i);
            inputs.add(file.toString());
        }
        try (RemoveBgEmulator emulator = RemoveBgEmulator.builder().port(0).apiKey("mem-key", new BigDecimal("100"))
                .build().start()) {
            Child bounded = runChild(emulator, inputs, "out", false);
            assertThat(bounded.exited()).as(bounded.output()).isTrue();
            assertThat(bounded.exitValue()).as(bounded.output()).isZero();
            assertThat(bounded.output()).doesNotContain("OutOfMemoryError").contains("done " + INPUTS);
            Matcher peak = Pattern.compile("peak live heap bytes (\\d+)").matcher(bounded.output());
            assertThat(peak.find()).as(bounded.output()).isTrue();
            System.out.println("16 concurrent 22 MB inputs in a " + HEAP_MB + " MB heap: peak heap after a collection "
                    + (Long.parseLong(peak.group(1)) >> 20) + " MB");

            Matcher budget = Pattern.compile("budget bytes (\\d+) peak booked bytes (\\d+)"
                    + " largest booking bytes (\\d+)").matcher(bounded.output());
            assertThat(budget.find()).as(bounded.output()).isTrue();
            long budgetBytes = Long.parseLong(budget.group(1));
            long bookedBytes = Long.parseLong(budget.group(2));
            long largestBooking = Long.parseLong(budget.group(3));
            assertThat(budgetBytes).isLessThanOrEqualTo((long) HEAP_MB << 19); // half the heap
            assertThat(largestBooking).as("one composition's booking").isLessThan(budgetBytes);
            assertThat(bookedBytes).as("compositions at once").isGreaterThanOrEqualTo(largestBooking)
                    .isLessThanOrEqualTo(budgetBytes).isLessThan(INPUTS * largestBooking);
        }
        for (int i = 0; i < INPUTS; i++) {
            Path png = dir.resolve("out").resolve(String.format("large-%02d.png", i));
            BufferedImage result = ImageIO.read(png.toFile());
            assertThat(result.getWidth()).isEqualTo(2000);
            assertThat(result.getColorModel().hasAlpha()).isTrue();
        }
    }

    private record Child(boolean exited, int exitValue, String output) {
    }

    private Child runChild(RemoveBgEmulator emulator, List<String> inputs, String out, boolean unbounded)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + HEAP_MB + "m",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-Dmemory.unbounded=" + unbounded,
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "-cp", System.getProperty("java.class.path"), ConcurrentBatchMemoryMain.class.getName(),
                emulator.baseUrl(), "mem-key", dir.resolve(out).toString()));
        command.addAll(inputs);
        Path log = dir.resolve(out + ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = child.waitFor(300, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor();
        }
        return new Child(exited, exited ? child.exitValue() : -1, Files.readString(log));
    }

    /** A smooth scene with an object, so the emulator finds a foreground quickly. */
    private static byte[] photo(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(235, 235, 240), width, height, new Color(210, 215, 225)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(170, 60, 40));
        g.fillOval(width / 4, height / 5, width / 2, height * 3 / 5);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** The JPEG, then incompressible bytes after its end-of-image marker up to 22 MB, distinct for each copy. */
    private static void writePadded(Path file, byte[] jpeg, long seed) throws Exception {
        Random random = new Random(seed);
        byte[] chunk = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(jpeg);
            long written = jpeg.length;
            while (written < INPUT_BYTES) {
                random.nextBytes(chunk);
                int n = (int) Math.min(chunk.length, INPUT_BYTES - written);
                out.write(chunk, 0, n);
                written += n;
            }
        }
    }
}
