package io.github.removebgsuite.common.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The fused RGBA row with PNG's UP filter against its definition, a byte at a time: small widths, every row of a
 * ring of rows (the row above wraps to the ring's end), padded rows, and every byte value, so any faster version of
 * the loop is held to the same bytes.
 */
class ColorsTest {

    @Property(tries = 300)
    void theFusedUpFilteredRowIsTheRowMinusTheRowAboveByteForByte(@ForAll @IntRange(min = 1, max = 70) int width,
            @ForAll @IntRange(min = 2, max = 5) int rowsHeld, @ForAll @IntRange(min = 1, max = 12) int y,
            @ForAll @IntRange(min = 0, max = 9) int padding, @ForAll long seed) {
        Random random = new Random(seed);
        int stride = width * 3 + padding;
        byte[] rgb = new byte[7 + stride * rowsHeld];
        byte[] alpha = new byte[5 + (width + padding) * rowsHeld];
        random.nextBytes(rgb);
        random.nextBytes(alpha);
        ComponentSampleModel model = new ComponentSampleModel(DataBuffer.TYPE_BYTE, width, rowsHeld, 3, stride,
                new int[] {0, 1, 2});
        Colors.InterleavedColors colors = new Colors.InterleavedColors(rgb, 7, model, width, rowsHeld);
        Matte.ByteMatte matte = new Matte.ByteMatte(alpha, 5, width + padding, width, rowsHeld);
        byte[] dest = new byte[3 + width * 4 + 2];
        random.nextBytes(dest);
        byte[] before = dest.clone();

        colors.fillUpFilteredRgba(y, matte, dest, 3);

        int row = 7 + (y % rowsHeld) * stride;
        int up = 7 + ((y - 1) % rowsHeld) * stride;
        int a = 5 + (y % rowsHeld) * (width + padding);
        int aUp = 5 + ((y - 1) % rowsHeld) * (width + padding);
        byte[] expected = before.clone();
        for (int x = 0; x < width; x++) {
            for (int c = 0; c < 3; c++) {
                expected[3 + 4 * x + c] = (byte) (rgb[row + 3 * x + c] - rgb[up + 3 * x + c]);
            }
            expected[3 + 4 * x + 3] = (byte) (alpha[a + x] - alpha[aUp + x]);
        }
        assertThat(dest).as("width %d, row %d of a ring of %d", width, y, rowsHeld).isEqualTo(expected);
    }
}
