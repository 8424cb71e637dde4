package io.github.removebgsuite.common.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast 8-bit greyscale matte decoder, checked against ImageIO's PNG reader on the same files. */
class GreyPngTest {

    private static final int WIDTH = 53;
    private static final int HEIGHT = 29;

    /** A matte with noise, a hard edge and a ramp, so every filter has something to predict. */
    private static byte[] grey(long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int value = x < WIDTH / 3 ? random.nextInt(256) : x < 2 * WIDTH / 3 ? (x * 9 + y * 5) & 0xff : 255;
                pixels[y * WIDTH + x] = (byte) value;
            }
        }
        return pixels;
    }

    /**
     * An 8-bit grey PNG whose row {@code y} uses filter {@code filterOf(y)}, its image data split over several IDAT
     * chunks (one of them empty), with the chunks given in {@code extra} before the data.
     */
    private static byte[] png(byte[] pixels, java.util.function.IntUnaryOperator filterOf, byte[]... extra)
            throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] zero = new byte[WIDTH];
        byte[] current = new byte[WIDTH];
        byte[] previous = zero;
        byte[] filtered = new byte[WIDTH + 1];
        for (int y = 0; y < HEIGHT; y++) {
            System.arraycopy(pixels, y * WIDTH, current, 0, WIDTH);
            PngFilter.values()[filterOf.applyAsInt(y)].apply(current, 0, previous, 0, WIDTH, 1, filtered, 0);
            raw.write(filtered);
            previous = current.clone();
        }
        Deflater deflater = new Deflater(9);
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] data = compressed.toByteArray();

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.write(chunk("IHDR", new byte[] {0, 0, 0, WIDTH, 0, 0, 0, HEIGHT, 8, 0, 0, 0, 0}));
        for (byte[] chunk : extra) {
            png.write(chunk);
        }
        int third = data.length / 3;
        png.write(chunk("IDAT", Arrays.copyOfRange(data, 0, third)));
        png.write(chunk("IDAT", new byte[0]));
        png.write(chunk("IDAT", Arrays.copyOfRange(data, third, data.length)));
        png.write(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16),
                (byte) (data.length >>> 8), (byte) data.length});
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        int c = (int) crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        return out.toByteArray();
    }

    private static byte[] imageIo(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static byte[] decode(byte[] png, DecodedRows progress) {
        GreyPng parsed = GreyPng.parse(png);
        assertThat(parsed).isNotNull();
        byte[] out = new byte[parsed.width() * parsed.height()];
        parsed.decode(out, progress);
        return out;
    }

    @ParameterizedTest(name = "filter type {0} on every row")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void decodesEachFilterTypeAsImageIoDoes(int filter) throws IOException {
        byte[] pixels = grey(filter);
        byte[] png = png(pixels, y -> filter);

        DecodedRows progress = new DecodedRows(ZipComposer.ALPHA_ENTRY);
        byte[] decoded = decode(png, progress);

        assertThat(decoded).isEqualTo(pixels).isEqualTo(imageIo(png));
        assertThat(progress.decoded()).isEqualTo(HEIGHT);
    }

    @Test
    void decodesRowsThatChangeFilterAsImageIoDoes() throws IOException {
        byte[] pixels = grey(7);
        byte[] png = png(pixels, y -> (y * 3 + 1) % 5);

        assertThat(decode(png, new DecodedRows(ZipComposer.ALPHA_ENTRY))).isEqualTo(pixels).isEqualTo(imageIo(png));
    }

    @ParameterizedTest(name = "a ring of {0} rows")
    @ValueSource(ints = {1, 2, 5})
    void decodesIntoARingOfRowsAsTheReaderReleasesThem(int rowsHeld) throws Exception {
        byte[] pixels = grey(11);
        byte[] png = png(pixels, y -> (y * 3 + 1) % 5); // every filter, most of them reading the row above
        GreyPng parsed = GreyPng.parse(png);
        byte[] ring = new byte[rowsHeld * WIDTH];
        DecodedRows rows = new DecodedRows(ZipComposer.ALPHA_ENTRY, rowsHeld);
        Thread decoder = new Thread(() -> {
            try {
                parsed.decode(ring, rows);
            } catch (RuntimeException e) {
                rows.fail(e);
            }
        });
        decoder.start();
        try {
            for (int y = 0; y < HEIGHT; y++) {
                rows.await(y);
                int slot = (y % rowsHeld) * WIDTH;
                assertThat(Arrays.copyOfRange(ring, slot, slot + WIDTH)).as("row %d", y)
                        .isEqualTo(Arrays.copyOfRange(pixels, y * WIDTH, (y + 1) * WIDTH));
                rows.release(y + 1);
            }
        } finally {
            rows.cancel();
            decoder.join();
        }
        assertThat(rows.decoded()).isEqualTo(HEIGHT);
    }

    @Test
    void decodesWhatImageIosOwnWriterWrites() throws IOException {
        BufferedImage image = TestImages.alpha(WIDTH * 3, HEIGHT * 2, 8);
        byte[] png = TestImages.png(image, 11811);

        GreyPng parsed = GreyPng.parse(png);

        assertThat(parsed.density()).isEqualTo(new PixelDensity(11811, 11811));
        byte[] out = new byte[parsed.width() * parsed.height()];
        parsed.decode(out, new DecodedRows(ZipComposer.ALPHA_ENTRY));
        assertThat(out).isEqualTo(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
    }

    @Test
    void leavesEveryOtherLayoutToImageIo() throws IOException {
        byte[] pixels = grey(3);
        byte[] tRns = chunk("tRNS", new byte[] {0, 0});
        byte[] eightBit = png(pixels, y -> 0);
        byte[] sixteenBit = eightBit.clone();
        sixteenBit[8 + 8 + 8] = 16; // IHDR's bit depth
        byte[] interlaced = eightBit.clone();
        interlaced[8 + 8 + 12] = 1;

        assertThat(GreyPng.parse(png(pixels, y -> 0, tRns))).isNull();
        assertThat(GreyPng.parse(TestImages.png(TestImages.alpha(9, 9, 16), 0))).isNull();
        assertThat(GreyPng.parse(sixteenBit)).isNull();
        assertThat(GreyPng.parse(interlaced)).isNull();
        assertThat(GreyPng.parse(Arrays.copyOf(eightBit, eightBit.length - 12))).isNull(); // no IEND
        assertThat(GreyPng.parse(new byte[] {1, 2, 3})).isNull();
    }

    @Test
    void damagedOrShortImageDataIsRefusedNamingTheEntry() throws IOException {
        byte[] corrupt = png(grey(5), y -> 2);
        corrupt[indexOf(corrupt, "IDAT") + 4] ^= 0x55; // the zlib header of the first IDAT
        byte[] full = png(grey(5), y -> 2);
        int second = indexOf(full, "IDAT") + 4 + readInt(full, indexOf(full, "IDAT") - 4) + 4;
        // Drop the IDAT chunks after the first (an empty one and the rest of the data): the rows run out.
        byte[] cut = concat(Arrays.copyOf(full, second), chunk("IEND", new byte[0]));

        for (byte[] png : List.of(corrupt, cut)) {
            GreyPng parsed = GreyPng.parse(png);
            assertThat(parsed).isNotNull();
            assertThatThrownBy(() -> parsed.decode(new byte[WIDTH * HEIGHT], new DecodedRows(ZipComposer.ALPHA_ENTRY)))
                    .isInstanceOf(CompositionException.class)
                    .hasMessageStartingWith("alpha.png could not be decoded");
        }
    }

    private static int readInt(byte[] data, int offset) {
        return ((data[offset] & 0xff) << 24) | ((data[offset + 1] & 0xff) << 16) | ((data[offset + 2] & 0xff) << 8)
                | (data[offset + 3] & 0xff);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aDecoderInterruptedWhileItWaitsForASlotFailsTheRowsInsteadOfLeavingThemUnfinished() throws Exception {
        GreyPng parsed = GreyPng.parse(png(grey(2), y -> 2));
        DecodedRows rows = new DecodedRows(ZipComposer.ALPHA_ENTRY, 2);
        Thread decoder = new Thread(() -> {
            Thread.currentThread().interrupt(); // its first wait for a slot, at row 2, ends at once
            parsed.decode(new byte[2 * WIDTH], rows);
        });
        decoder.start();
        decoder.join();

        assertThat(rows.decoded()).isEqualTo(2);
        assertThatThrownBy(() -> rows.await(HEIGHT - 1)).isInstanceOf(CompositionException.class)
                .hasMessageContaining("alpha.png was not decoded: its decoder was interrupted");
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        GreyPng parsed = GreyPng.parse(png(grey(9), y -> 1));
        DecodedRows rows = new DecodedRows(ZipComposer.ALPHA_ENTRY);
        rows.cancel();

        parsed.decode(new byte[WIDTH * HEIGHT], rows);

        assertThat(rows.decoded()).isZero();
    }

    private static int indexOf(byte[] data, String type) {
        byte[] needle = type.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(type + " not found");
    }
}
