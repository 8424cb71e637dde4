package io.github.removebgsuite.common.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

class ZipComposerTest {

    private static final int WIDTH = 61;
    private static final int HEIGHT = 47;

    @TempDir
    Path temp;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(8, PngFilter.SUB, 1, 1),
                Arguments.of(8, PngFilter.SUB, 2, 3),
                Arguments.of(16, PngFilter.SUB, 2, 1),
                Arguments.of(16, PngFilter.PAETH, 3, 9),
                Arguments.of(8, PngFilter.NONE, 2, 0),
                Arguments.of(8, PngFilter.UP, 2, 6),
                Arguments.of(8, PngFilter.AVERAGE, 2, 1));
    }

    @ParameterizedTest(name = "{0}-bit alpha, {1}, {2} threads, level {3}")
    @MethodSource("variants")
    void composesPixelExactAgainstAnIndependentReference(int alphaBits, PngFilter filter, int threads, int level)
            throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.color(WIDTH, HEIGHT, alphaBits * 31L + level), 1, 72, 72);
        byte[] alpha = TestImages.png(TestImages.alpha(WIDTH, HEIGHT, alphaBits), 0);
        ZipComposer composer = ZipComposer.builder().filter(filter).threads(threads).deflateLevel(level)
                .stripBytes(WIDTH * 4 * 5) // about five rows a strip: many strips even on a small image
                .build();

        byte[] png = composer.compose(TestImages.zip(TestImages.entries(jpeg, alpha)));

        BufferedImage actual = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(actual.getColorModel().hasAlpha()).isTrue();
        assertThat(actual.getColorModel().getComponentSize()).containsOnly(8);
        assertPixelsEqual(actual, referenceComposite(jpeg, alpha));
    }

    @ParameterizedTest(name = "{0}-bit alpha, {1}, {2} threads")
    @MethodSource("ringVariants")
    void streamsWideImagesThroughRingsOfRowsPixelExact(int alphaBits, PngFilter filter, int threads)
            throws IOException {
        int width = 2000; // a row of 8001 filtered bytes: the deflate dictionary spans five rows, not the image
        int height = 60;
        int stripBytes = (width * 4 + 1) * 3;
        int rowsHeld = PngEncoder.builder().threads(threads).stripBytes(stripBytes).build()
                .rowsHeld(width, height, true);
        assertThat(rowsHeld).as("rows held at once").isLessThan(height / 2);
        byte[] jpeg = TestImages.jpeg(TestImages.color(width, height, threads), 1, 72, 72);
        byte[] alpha = TestImages.png(TestImages.alpha(width, height, alphaBits), 0);
        ZipComposer composer = ZipComposer.builder().filter(filter).threads(threads).stripBytes(stripBytes).build();

        byte[] png = composer.compose(TestImages.zip(TestImages.entries(jpeg, alpha)));

        assertPixelsEqual(ImageIO.read(new ByteArrayInputStream(png)), referenceComposite(jpeg, alpha));
    }

    static Stream<Arguments> ringVariants() {
        return Stream.of(
                Arguments.of(8, PngFilter.UP, 2),       // the usual case: both rings, rows filtered straight from them
                Arguments.of(8, PngFilter.PAETH, 3),    // both rings, rows copied out and filtered
                Arguments.of(8, PngFilter.UP, 1),       // one strip at a time
                Arguments.of(16, PngFilter.UP, 2));     // a matte ImageIO decodes whole, the colours in a ring
    }

    @Test
    void composesAProgressiveJpegPixelExact() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.color(WIDTH, HEIGHT, 12), 1, 72, 72, true);
        byte[] alpha = TestImages.png(TestImages.alpha(WIDTH, HEIGHT, 8), 0);
        assertThat(JpegHeader.parse(jpeg).sequential()).isFalse();

        byte[] png = ZipComposer.builder().threads(2).stripBytes(WIDTH * 4 * 4).build()
                .compose(TestImages.zip(TestImages.entries(jpeg, alpha)));

        assertPixelsEqual(ImageIO.read(new ByteArrayInputStream(png)), referenceComposite(jpeg, alpha));
    }

    @Test
    void roundsA16BitMatteToTheNearestEightBitValue() throws IOException {
        int width = 255;
        BufferedImage matte = new BufferedImage(width, 2, BufferedImage.TYPE_USHORT_GRAY);
        for (int x = 0; x < width; x++) {
            matte.getRaster().setSample(x, 0, 0, x * 257 + 128); // x + 0.498 in 8-bit units: rounds down to x
            matte.getRaster().setSample(x, 1, 0, x * 257 + 129); // x + 0.502: rounds up to x + 1
        }
        byte[] jpeg = TestImages.jpeg(TestImages.color(width, 2, 5), 0, 1, 1);
        byte[] png = new ZipComposer().compose(TestImages.zip(TestImages.entries(jpeg, TestImages.png(matte, 0))));

        BufferedImage actual = ImageIO.read(new ByteArrayInputStream(png));
        for (int x = 0; x < width; x++) {
            assertThat(actual.getRGB(x, 0) >>> 24).as("x=%d", x).isEqualTo(x);
            assertThat(actual.getRGB(x, 1) >>> 24).as("x=%d", x).isEqualTo(x + 1);
        }
    }

    @Test
    void copiesAGreyscaleJpegsSamplesIntoAllThreeChannels() throws IOException {
        BufferedImage grey = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(TestImages.color(WIDTH, HEIGHT, 4), 0, 0, null);
        byte[] jpeg = TestImages.jpeg(grey, 0, 1, 1);
        byte[] alpha = TestImages.png(TestImages.alpha(WIDTH, HEIGHT, 8), 0);

        byte[] png = new ZipComposer().compose(TestImages.zip(TestImages.entries(jpeg, alpha)));

        // The decoded samples themselves, as libvips would join them (getRGB would apply a linear-grey conversion).
        Raster samples = ImageIO.read(new ByteArrayInputStream(jpeg)).getRaster();
        Raster matte = ImageIO.read(new ByteArrayInputStream(alpha)).getRaster();
        assertThat(samples.getNumBands()).isEqualTo(1);
        BufferedImage actual = ImageIO.read(new ByteArrayInputStream(png));
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int v = samples.getSample(x, y, 0);
                int expected = (matte.getSample(x, y, 0) << 24) | (v << 16) | (v << 8) | v;
                assertThat(actual.getRGB(x, y)).as("(%d,%d)", x, y).isEqualTo(expected);
            }
        }
    }

    @Test
    void keepsTheJpegsDpi() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.color(WIDTH, HEIGHT, 1), 1, 300, 150);
        byte[] alpha = TestImages.png(TestImages.alpha(WIDTH, HEIGHT, 8), 2000);

        byte[] png = new ZipComposer().compose(TestImages.zip(TestImages.entries(jpeg, alpha)));

        assertThat(pixelsPerMetre(png)).containsExactly(11811, 5906);
    }

    @Test
    void takesTheDpiFromAlphaWhenTheJpegGivesOnlyAnAspectRatio() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.color(WIDTH, HEIGHT, 1), 0, 1, 1);
        byte[] alpha = TestImages.png(TestImages.alpha(WIDTH, HEIGHT, 8), 3780);

        byte[] png = new ZipComposer().compose(TestImages.zip(TestImages.entries(jpeg, alpha)));

        assertThat(pixelsPerMetre(png)).containsExactly(3780, 3780);
    }

    @Test
    void writesNoDensityWhenNeitherImageHasOne() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.color(WIDTH, HEIGHT, 1), 0, 1, 1);
        byte[] alpha = TestImages.png(TestImages.alpha(WIDTH, HEIGHT, 8), 0);

        byte[] png = new ZipComposer().compose(TestImages.zip(TestImages.entries(jpeg, alpha)));

        assertThat(pixelsPerMetre(png)).isNull();
    }

    @Test
    void acceptsTheEntriesInEitherOrderAndStreamsWithoutClosing() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.color(WIDTH, HEIGHT, 9), 1, 96, 96);
        byte[] alpha = TestImages.png(TestImages.alpha(WIDTH, HEIGHT, 8), 0);
        Map<String, byte[]> reversed = new LinkedHashMap<>();
        reversed.put("alpha.png", alpha);
        reversed.put("color.jpg", jpeg);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClosingTracker in = new ClosingTracker(TestImages.zip(reversed));

        new ZipComposer().compose(in, out);

        assertThat(in.closed).isFalse();
        assertPixelsEqual(ImageIO.read(new ByteArrayInputStream(out.toByteArray())), referenceComposite(jpeg, alpha));
    }

    @Test
    void stopsDecodingAndReportsTheFailureWhenTheOutputFails() {
        byte[] jpeg = TestImages.jpeg(TestImages.color(300, 200, 6), 0, 1, 1);
        byte[] zip = TestImages.zip(TestImages.entries(jpeg, TestImages.png(TestImages.alpha(300, 200, 8), 0)));
        java.io.OutputStream failing = new java.io.OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 2_000) {
                    throw new IOException("disk full");
                }
            }
        };

        assertThatThrownBy(() -> ZipComposer.builder().threads(2).stripBytes(300 * 4 * 2).build()
                .compose(new ByteArrayInputStream(zip), failing))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");
    }

    @Test
    void composesFileToFileAtomically() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.color(WIDTH, HEIGHT, 3), 1, 72, 72);
        byte[] alpha = TestImages.png(TestImages.alpha(WIDTH, HEIGHT, 8), 0);
        Path zip = Files.write(temp.resolve("result.zip"), TestImages.zip(TestImages.entries(jpeg, alpha)));
        Path png = temp.resolve("out/nested/result.png");

        new ZipComposer().compose(zip, png);

        assertPixelsEqual(ImageIO.read(png.toFile()), referenceComposite(jpeg, alpha));
        try (Stream<Path> files = Files.list(png.getParent())) {
            assertThat(files).containsExactly(png.toAbsolutePath());
        }
        if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
            Path plain = Files.createFile(temp.resolve("plain"));
            assertThat(Files.getPosixFilePermissions(png)).as("the umask's permissions, not a temp file's")
                    .isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    // --- the independent reference -------------------------------------------------------------------------------

    /** ImageIO's decode of each entry, combined per pixel: RGB from the JPEG, alpha rounded to 8 bits. */
    private static int[][] referenceComposite(byte[] jpeg, byte[] alpha) throws IOException {
        BufferedImage color = ImageIO.read(new ByteArrayInputStream(jpeg));
        Raster matte = ImageIO.read(new ByteArrayInputStream(alpha)).getRaster();
        int bits = matte.getSampleModel().getSampleSize(0);
        int[][] argb = new int[color.getHeight()][color.getWidth()];
        for (int y = 0; y < color.getHeight(); y++) {
            for (int x = 0; x < color.getWidth(); x++) {
                int a = (int) Math.round(matte.getSample(x, y, 0) * 255.0 / ((1 << bits) - 1));
                argb[y][x] = (a << 24) | (color.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return argb;
    }

    private static void assertPixelsEqual(BufferedImage actual, int[][] expected) {
        assertThat(actual.getHeight()).isEqualTo(expected.length);
        assertThat(actual.getWidth()).isEqualTo(expected[0].length);
        for (int y = 0; y < expected.length; y++) {
            for (int x = 0; x < expected[0].length; x++) {
                int got = actual.getRGB(x, y);
                if (got != expected[y][x]) {
                    throw new AssertionError(String.format("pixel (%d,%d): expected %08x, got %08x",
                            x, y, expected[y][x], got));
                }
            }
        }
    }

    private static int[] pixelsPerMetre(byte[] png) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            Element phys = (Element) TestImages.find(metadata.getAsTree("javax_imageio_png_1.0"), "pHYs");
            if (phys == null) {
                return null;
            }
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
            return new int[] {Integer.parseInt(phys.getAttribute("pixelsPerUnitXAxis")),
                    Integer.parseInt(phys.getAttribute("pixelsPerUnitYAxis"))};
        }
    }


    private static final class ClosingTracker extends ByteArrayInputStream {
        boolean closed;

        ClosingTracker(byte[] data) {
            super(data);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
