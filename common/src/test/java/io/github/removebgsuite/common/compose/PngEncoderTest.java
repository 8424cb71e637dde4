package io.github.removebgsuite.common.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Adler32;
import javax.imageio.ImageIO;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PngEncoderTest {

    @Property(tries = 200)
    void combinedAdlerEqualsTheAdlerOfTheConcatenation(@ForAll @Size(max = 300) byte[] data,
            @ForAll @IntRange(min = 0, max = 300) int cut) {
        int split = Math.min(cut, data.length);
        Adler32 whole = new Adler32();
        whole.update(data);
        Adler32 first = new Adler32();
        first.update(data, 0, split);
        Adler32 second = new Adler32();
        second.update(data, split, data.length - split);

        assertThat(PngEncoder.adler32Combine(first.getValue(), second.getValue(), data.length - split))
                .isEqualTo(whole.getValue());
    }

    @Test
    void combinesAdlerOverLongRunsOfHighBytes() {
        byte[] data = new byte[200_000];
        java.util.Arrays.fill(data, (byte) 0xFF);
        Adler32 whole = new Adler32();
        whole.update(data);
        long combined = 1;
        for (int offset = 0; offset < data.length; offset += 70_001) {
            int length = Math.min(70_001, data.length - offset);
            Adler32 part = new Adler32();
            part.update(data, offset, length);
            combined = PngEncoder.adler32Combine(combined, part.getValue(), length);
        }

        assertThat(combined).isEqualTo(whole.getValue());
    }

    @Test
    void zlibHeaderHasValidCheckBitsForEveryLevel() {
        for (int level = 0; level <= 9; level++) {
            byte[] header = PngEncoder.zlibHeader(level);
            assertThat(header[0]).isEqualTo((byte) 0x78);
            assertThat(((header[0] & 0xff) * 256 + (header[1] & 0xff)) % 31).as("level %d", level).isZero();
            assertThat(header[1] & 0x20).as("no preset dictionary flag").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(PngFilter.class)
    void writesRgbAndRgbaThatImageIoReadsBackExactly(PngFilter filter) throws IOException {
        int width = 37;
        int height = 29;
        Random random = new Random(filter.ordinal());
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = random.nextInt();
        }
        PngEncoder encoder = PngEncoder.builder().filter(filter).threads(2).stripBytes(width * 4 * 3).build();

        for (boolean alpha : new boolean[] {true, false}) {
            int channels = alpha ? 4 : 3;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            encoder.encode(width, height, alpha, (y, dest, offset) -> {
                for (int x = 0; x < width; x++) {
                    int p = argb[y * width + x];
                    int o = offset + x * channels;
                    dest[o] = (byte) (p >>> 16);
                    dest[o + 1] = (byte) (p >>> 8);
                    dest[o + 2] = (byte) p;
                    if (alpha) {
                        dest[o + 3] = (byte) (p >>> 24);
                    }
                }
            }, null, out);

            BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
            assertThat(image.getColorModel().hasAlpha()).isEqualTo(alpha);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int expected = alpha ? argb[y * width + x] : argb[y * width + x] | 0xFF000000;
                    assertThat(image.getRGB(x, y)).as("(%d,%d) alpha=%s", x, y, alpha).isEqualTo(expected);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1} threads")
    @CsvSource({"UP, 1", "UP, 3", "PAETH, 2", "NONE, 2"})
    void readsOnlyRowsNotYetReleasedAndNoFurtherAheadThanRowsHeld(PngFilter filter, int threads)
            throws IOException {
        int width = 4000; // 16001 filtered bytes a row: the deflate dictionary spans three rows
        int height = 40;
        PngEncoder encoder = PngEncoder.builder().filter(filter).threads(threads).stripBytes((width * 4 + 1) * 2)
                .build();
        int rowsHeld = encoder.rowsHeld(width, height, true);
        assertThat(rowsHeld).isLessThan(height / 2);
        PngEncoder.RowSource pixels = (y, dest, offset) -> {
            for (int i = 0; i < width * 4; i++) {
                dest[offset + i] = (byte) (y * 7 + i * (i % 5));
            }
        };
        AtomicInteger released = new AtomicInteger();
        List<String> outside = Collections.synchronizedList(new ArrayList<>());
        PngEncoder.ReleasingRows windowed = new PngEncoder.ReleasingRows() {
            @Override
            public void fillRow(int y, byte[] dest, int offset) {
                int first = released.get();
                if (y < first || y >= first + rowsHeld) {
                    outside.add("row " + y + " while rows " + first + " to " + (first + rowsHeld - 1) + " are held");
                }
                pixels.fillRow(y, dest, offset);
            }

            @Override
            public void release(int firstNeeded) {
                if (firstNeeded < released.get()) {
                    outside.add("released " + firstNeeded + " after " + released.get());
                }
                released.set(firstNeeded);
            }
        };
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        encoder.encode(width, height, true, pixels, null, expected);

        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        encoder.encode(width, height, true, windowed, null, actual);

        assertThat(outside).isEmpty();
        assertThat(released.get()).as("rows released by the end").isGreaterThan(height - rowsHeld);
        assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void aSingleRowStripAndASinglePixelImageAreValid() throws IOException {
        PngEncoder encoder = PngEncoder.builder().threads(2).stripBytes(1).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.encode(1, 5, true, (y, dest, offset) -> {
            dest[offset] = (byte) (y * 40);
            dest[offset + 1] = 2;
            dest[offset + 2] = 3;
            dest[offset + 3] = (byte) (255 - y);
        }, PixelDensity.ofDpi(72, 72), out);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        for (int y = 0; y < 5; y++) {
            assertThat(image.getRGB(0, y)).isEqualTo(((255 - y) << 24) | ((y * 40) << 16) | 0x0203);
        }
    }

    @Test
    void refusesBadDimensionsAndOptions() {
        PngEncoder encoder = PngEncoder.builder().build();
        assertThatThrownBy(() -> encoder.encode(0, 1, true, (y, d, o) -> { }, null, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 x 1");
        assertThatThrownBy(() -> PngEncoder.builder().deflateLevel(-1)).hasMessageContaining("deflateLevel");
        assertThatThrownBy(() -> PngEncoder.builder().threads(0)).hasMessageContaining("threads");
    }

    @Test
    void pixelDensityConvertsDpiAndRefusesOutOfRangeValues() {
        assertThat(PixelDensity.ofDpi(300, 72)).isEqualTo(new PixelDensity(11811, 2835));
        assertThat(PixelDensity.ofDotsPerCentimetre(118, 118)).isEqualTo(new PixelDensity(11800, 11800));
        assertThat(new PixelDensity(11811, 11811).xDpi()).isCloseTo(300, org.assertj.core.data.Offset.offset(0.01));
        assertThatThrownBy(() -> new PixelDensity(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PixelDensity(1, 0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
    }
}
