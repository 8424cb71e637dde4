package io.github.removebgsuite.common.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The header readers agree with ImageIO's decoders on every size, and give nothing for what is not an image. */
class ImageDimensionsTest {

    @Property(tries = 60)
    void jpegAndPngSizesAreThoseImageIoReads(@ForAll @IntRange(min = 1, max = 700) int width,
            @ForAll @IntRange(min = 1, max = 700) int height, @ForAll boolean grey, @ForAll boolean progressive) {
        BufferedImage image = new BufferedImage(width, height,
                grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        for (byte[] encoded : new byte[][] {Encoded.jpeg(image, progressive), Encoded.png(image)}) {
            assertThat(ImageDimensions.probe(encoded)).contains(imageIoSize(encoded))
                    .contains(new ImageDimensions(width, height));
        }
    }

    @Test
    void aFrameHeaderAfterLargeApplicationSegmentsIsFound() throws IOException {
        byte[] jpeg = Encoded.jpeg(new BufferedImage(321, 123, BufferedImage.TYPE_3BYTE_BGR), false);
        // Three 60 KB APP1 segments and a comment between SOI and the rest (as an Exif thumbnail or ICC profile would).
        ByteArrayOutputStream withSegments = new ByteArrayOutputStream();
        withSegments.write(jpeg, 0, 2);
        for (int i = 0; i < 3; i++) {
            segment(withSegments, 0xE1, new byte[60_000]);
        }
        segment(withSegments, 0xFE, "made by a test".getBytes(StandardCharsets.US_ASCII));
        withSegments.write(jpeg, 2, jpeg.length - 2);

        assertThat(ImageDimensions.probe(withSegments.toByteArray())).contains(new ImageDimensions(321, 123));
        assertThat(ImageDimensions.probe(new ByteArrayInputStream(withSegments.toByteArray())))
                .contains(new ImageDimensions(321, 123));
    }

    @Test
    void aJpegCutBeforeItsFrameHeaderHasNoSize() {
        byte[] jpeg = Encoded.jpeg(new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR), false);
        int frame = indexOfMarker(jpeg, 0xC0);

        assertThat(ImageDimensions.probe(Arrays.copyOf(jpeg, frame + 4))).isEmpty();
        assertThat(ImageDimensions.probe(Arrays.copyOf(jpeg, frame + 9))).contains(new ImageDimensions(40, 30));
        assertThat(ImageDimensions.probe(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    }

    @Test
    void aJpegWhoseHeightComesLaterInADnlMarkerHasNoSize() {
        byte[] jpeg = Encoded.jpeg(new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR), false);
        int frame = indexOfMarker(jpeg, 0xC0);
        jpeg[frame + 5] = 0;
        jpeg[frame + 6] = 0;

        assertThat(ImageDimensions.probe(jpeg)).isEmpty();
    }

    @Test
    void aPngWithoutItsHeaderChunkOrWithANegativeWidthHasNoSize() {
        byte[] png = Encoded.png(new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY));
        byte[] renamed = png.clone();
        renamed[12] = 'X';
        byte[] negative = png.clone();
        negative[16] = (byte) 0x80;

        assertThat(ImageDimensions.probe(renamed)).isEmpty();
        assertThat(ImageDimensions.probe(negative)).isEmpty();
        assertThat(ImageDimensions.probe(Arrays.copyOf(png, 20))).isEmpty();
    }

    @Test
    void otherFormatsImageIoReadsAreMeasuredByIt() throws IOException {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(17, 9, BufferedImage.TYPE_BYTE_INDEXED), "gif", gif);

        assertThat(ImageDimensions.probe(gif.toByteArray())).contains(new ImageDimensions(17, 9));
        assertThat(ImageDimensions.probe("not an image at all, just text".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(ImageDimensions.probe(new byte[0])).isEmpty();
    }

    private static ImageDimensions imageIoSize(byte[] encoded) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            return new ImageDimensions(reader.getWidth(0), reader.getHeight(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xff);
        out.write(payload, 0, payload.length);
    }

    /** Where the first {@code FF marker} of the header is (the tables before it hold no FF bytes of their own). */
    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(marker));
    }
}
