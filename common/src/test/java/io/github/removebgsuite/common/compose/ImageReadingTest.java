package io.github.removebgsuite.common.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import org.junit.jupiter.api.Test;

/** Which JPEGs the composer streams through a {@link StreamedRaster}, and which it decodes whole. */
class ImageReadingTest {

    private static final byte[] SEQUENTIAL = TestImages.jpeg(TestImages.color(24, 16, 3), 0, 1, 1, false);
    private static final byte[] PROGRESSIVE = TestImages.jpeg(TestImages.color(24, 16, 3), 0, 1, 1, true);

    @Test
    void streamsASequentialColourJpegReadByTheJdksReader() throws IOException {
        assertThat(streamsWithTheJdksReader(SEQUENTIAL)).isTrue();
    }

    @Test
    void decodesAProgressiveJpegWhole() throws IOException {
        assertThat(streamsWithTheJdksReader(PROGRESSIVE)).isFalse();
    }

    private static boolean streamsWithTheJdksReader(byte[] jpeg) throws IOException {
        ImageReader reader = ImageReading.reader("jpeg", jpeg);
        try {
            return ImageReading.streams(reader, JpegHeader.parse(jpeg));
        } finally {
            reader.dispose();
        }
    }

    @Test
    void decodesWholeWhatAnotherJpegPluginReads() {
        // A plugin registered ahead of the JDK's (TwelveMonkeys, in Fiji) may write its destination differently.
        ImageReader other = new OtherReader();

        assertThat(ImageReading.streams(other, JpegHeader.parse(SEQUENTIAL))).isFalse();
    }

    /** A reader of another class that offers the same image type as the JDK's. */
    private static final class OtherReader extends ImageReader {
        OtherReader() {
            super(null);
        }

        @Override
        public int getNumImages(boolean allowSearch) {
            return 1;
        }

        @Override
        public int getWidth(int imageIndex) {
            return 24;
        }

        @Override
        public int getHeight(int imageIndex) {
            return 16;
        }

        @Override
        public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) {
            return List.of(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR)).iterator();
        }

        @Override
        public IIOMetadata getStreamMetadata() {
            return null;
        }

        @Override
        public IIOMetadata getImageMetadata(int imageIndex) {
            return null;
        }

        @Override
        public BufferedImage read(int imageIndex, ImageReadParam param) {
            throw new UnsupportedOperationException("not read in this test");
        }
    }
}
