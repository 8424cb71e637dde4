package io.github.removebgsuite.common.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JpegHeaderTest {

    @Test
    void readsTheFrameAndTheJfifDensityInDotsPerInchOrPerCentimetre() {
        assertThat(JpegHeader.parse(TestImages.jpeg(TestImages.color(40, 30, 1), 1, 300, 150)))
                .isEqualTo(new JpegHeader(true, 40, 30, 3, PixelDensity.ofDpi(300, 150)));
        assertThat(JpegHeader.parse(TestImages.jpeg(TestImages.color(8, 8, 1), 2, 118, 59)).density())
                .isEqualTo(new PixelDensity(11800, 5900));
    }

    @Test
    void countsTheComponentsOfAGreyFrame() {
        BufferedImage grey = new BufferedImage(16, 9, BufferedImage.TYPE_BYTE_GRAY);

        assertThat(JpegHeader.parse(TestImages.jpeg(grey, 0, 1, 1)))
                .isEqualTo(new JpegHeader(true, 16, 9, 1, null));
    }

    @Test
    void anAspectRatioOrAZeroDensityIsNoDensity() {
        assertThat(JpegHeader.parse(TestImages.jpeg(TestImages.color(8, 8, 1), 0, 1, 1)).density()).isNull();
        byte[] zeroWidth = TestImages.jpeg(TestImages.color(8, 8, 1), 1, 72, 72);
        assertThat(zeroWidth[6]).isEqualTo((byte) 'J'); // APP0 right after SOI: X density at bytes 14 and 15
        zeroWidth[14] = 0;
        zeroWidth[15] = 0;
        assertThat(JpegHeader.parse(zeroWidth).density()).isNull();
    }

    @Test
    void tellsProgressiveFramesFromSequentialOnes() {
        byte[] progressive = TestImages.jpeg(TestImages.color(16, 12, 3), 1, 72, 72, true);

        assertThat(JpegHeader.parse(progressive))
                .isEqualTo(new JpegHeader(false, 16, 12, 3, PixelDensity.ofDpi(72, 72)));
    }

    @Test
    void aJpegWithoutJfifHasNoDensity() {
        // SOI, an Exif APP1 segment, then a baseline frame header: 8 bits, 1 x 2 pixels, 1 component.
        byte[] exifOnly = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 8, 'E', 'x', 'i', 'f', 0, 0,
            (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0, 2, 0, 1, 1, 1, 0x11, 0};

        assertThat(JpegHeader.parse(exifOnly)).isEqualTo(new JpegHeader(true, 1, 2, 1, null));
    }

    @Test
    void aHeaderCutShortHasNoFrame() {
        byte[] jpeg = TestImages.jpeg(TestImages.color(8, 8, 1), 1, 300, 300);

        assertThat(JpegHeader.parse(Arrays.copyOf(jpeg, 12))).isEqualTo(new JpegHeader(false, 0, 0, 0, null));
        assertThat(JpegHeader.parse(new byte[] {(byte) 0xFF, (byte) 0xD8}))
                .isEqualTo(new JpegHeader(false, 0, 0, 0, null));
    }
}
