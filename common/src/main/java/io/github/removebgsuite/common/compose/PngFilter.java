package io.github.removebgsuite.common.compose;

/**
 * The PNG row filter the {@link PngEncoder} applies to every row before deflating it (PNG specification, section 9).
 * One filter is used for the whole image; the filter type byte is written in front of each row.
 */
public enum PngFilter {
    /** No filtering: the fastest, and the largest output for photographs. */
    NONE(0),
    /** Each byte minus the same channel of the pixel to its left: nearly as fast as {@link #NONE}, much smaller. */
    SUB(1),
    /** Each byte minus the same byte of the row above. */
    UP(2),
    /** Each byte minus the mean of its left and upper neighbours. */
    AVERAGE(3),
    /** Each byte minus the Paeth predictor of its left, upper and upper-left neighbours: smallest, slowest. */
    PAETH(4);

    private final int type;

    PngFilter(int type) {
        this.type = type;
    }

    /** The filter type byte written in front of each filtered row. */
    public int type() {
        return type;
    }

    /** Whether the filter reads the row above, so a strip must also see the last row of the strip before it. */
    boolean usesPreviousRow() {
        return this == UP || this == AVERAGE || this == PAETH;
    }

    /**
     * Filters one row.
     *
     * @param cur the unfiltered row, {@code length} bytes from {@code curOff}
     * @param prev the unfiltered row above (all zeros for the first row of the image)
     * @param bpp bytes per complete pixel
     * @param out receives the filter type byte at {@code outOff}, then the filtered bytes
     */
    void apply(byte[] cur, int curOff, byte[] prev, int prevOff, int length, int bpp, byte[] out, int outOff) {
        out[outOff++] = (byte) type;
        switch (this) {
            case NONE -> System.arraycopy(cur, curOff, out, outOff, length);
            case SUB -> {
                int head = Math.min(bpp, length);
                System.arraycopy(cur, curOff, out, outOff, head);
                for (int i = head; i < length; i++) {
                    out[outOff + i] = (byte) (cur[curOff + i] - cur[curOff + i - bpp]);
                }
            }
            case UP -> {
                for (int i = 0; i < length; i++) {
                    out[outOff + i] = (byte) (cur[curOff + i] - prev[prevOff + i]);
                }
            }
            case AVERAGE -> {
                for (int i = 0; i < length; i++) {
                    int left = i >= bpp ? cur[curOff + i - bpp] & 0xff : 0;
                    int up = prev[prevOff + i] & 0xff;
                    out[outOff + i] = (byte) (cur[curOff + i] - ((left + up) >>> 1));
                }
            }
            case PAETH -> {
                for (int i = 0; i < length; i++) {
                    int a = i >= bpp ? cur[curOff + i - bpp] & 0xff : 0;
                    int b = prev[prevOff + i] & 0xff;
                    int c = i >= bpp ? prev[prevOff + i - bpp] & 0xff : 0;
                    out[outOff + i] = (byte) (cur[curOff + i] - paeth(a, b, c));
                }
            }
            default -> throw new AssertionError(this);
        }
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }
}
