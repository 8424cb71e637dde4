package io.github.removebgsuite.common.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cut-short images are told from complete ones by their structure, at every cut point. */
class ImageCompletenessTest {
    private static final byte[] BASELINE = Encoded.jpeg(picture(), false);
    private static final byte[] PROGRESSIVE = Encoded.jpeg(picture(), true);
    private static final byte[] PNG = Encoded.png(picture());
    private static final byte[] WEBP = webp();

    @TempDir
    Path dir;

    @Test
    void completeImagesPass() {
        assertThat(ImageCompleteness.problem(BASELINE)).isEmpty();
        assertThat(ImageCompleteness.problem(PROGRESSIVE)).isEmpty();
        assertThat(ImageCompleteness.problem(PNG)).isEmpty();
        assertThat(ImageCompleteness.problem(WEBP)).isEmpty();
    }

    @Test
    void theFirst2000BytesOfAJpegAreCutShortByName() throws IOException {
        Path file = dir.resolve("cut.jpg");
        Files.write(file, Arrays.copyOf(BASELINE, 2000));
        assertThat(ImageCompleteness.problem(file)).hasValueSatisfying(why ->
                assertThat(why).contains("JPEG").contains("cut short").contains("end-of-image marker"));
    }

    @Test
    void bytesAfterTheEndOfImageAreAllowedAsDecodersAllowThem() {
        byte[] padded = Arrays.copyOf(BASELINE, BASELINE.length + 300);
        Arrays.fill(padded, BASELINE.length, padded.length, (byte) 0xab);
        assertThat(ImageCompleteness.problem(padded)).isEmpty();
    }

    @Test
    void aThumbnailsEndMarkerEarlyInTheFileDoesNotMakeACutFileComplete() {
        // An EXIF-like APP1 segment holding a whole small JPEG (with its own FF D9) before the main image.
        byte[] thumb = Arrays.copyOf(BASELINE, Math.min(BASELINE.length, 1000));
        thumb[thumb.length - 2] = (byte) 0xff;
        thumb[thumb.length - 1] = (byte) 0xd9;
        ByteArrayOutputStream withApp1 = new ByteArrayOutputStream();
        withApp1.write(0xff);
        withApp1.write(0xd8);
        withApp1.write(0xff);
        withApp1.write(0xe1);
        int length = thumb.length + 2;
        withApp1.write(length >> 8);
        withApp1.write(length & 0xff);
        withApp1.writeBytes(thumb);
        withApp1.write(BASELINE, 2, BASELINE.length - 2);
        byte[] whole = withApp1.toByteArray();
        assertThat(ImageCompleteness.problem(whole)).isEmpty();
        assertThat(ImageCompleteness.problem(Arrays.copyOf(whole, thumb.length + 400))).isPresent();
    }

    @Property(tries = 200)
    void everyCutOfABaselineJpegIsDetected(@ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
        assertCutDetected(BASELINE, 3, cut);
    }

    @Property(tries = 200)
    void everyCutOfAProgressiveJpegIsDetected(@ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
        assertCutDetected(PROGRESSIVE, 3, cut);
    }

    @Property(tries = 200)
    void everyCutOfAPngIsDetected(@ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
        assertCutDetected(PNG, 8, cut);
    }

    @Property(tries = 50)
    void everyCutOfAWebpIsDetected(@ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
        assertCutDetected(WEBP, 12, cut);
    }

    @Test
    void somethingThatIsNotAnImageIsLeftToTheFormatCheck() {
        assertThat(ImageCompleteness.problem("hello, world".getBytes())).isEmpty();
        assertThat(ImageCompleteness.problem(new byte[0])).isEmpty();
    }

    /** {@code recognisable}: the shortest prefix that shows the format; shorter ones the format check refuses. */
    private static void assertCutDetected(byte[] image, int recognisable, int cut) {
        int length = recognisable + cut % (image.length - recognisable); // recognisable .. length-1: a strict prefix
        assertThat(ImageCompleteness.problem(Arrays.copyOf(image, length)))
                .as("first %d of %d bytes", length, image.length).isPresent();
    }

    private static BufferedImage picture() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 320, 240, Color.BLUE));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.fillOval(60, 40, 200, 160);
        g.dispose();
        return image;
    }

    private static byte[] webp() {
        byte[] file = new byte[64];
        System.arraycopy("RIFF".getBytes(), 0, file, 0, 4);
        int riff = file.length - 8;
        file[4] = (byte) riff;
        file[5] = (byte) (riff >> 8);
        System.arraycopy("WEBPVP8L".getBytes(), 0, file, 8, 8);
        return file;
    }
}
