package io.github.removebgsuite.common.compose;

/**
 * What {@link ZipComposer} needs from a JPEG's marker segments up to its frame header, read from the bytes: the frame's
 * type, size and number of components, and the JFIF header's density.
 *
 * <p>It is read here rather than from ImageIO's metadata, because the JDK builds that metadata by walking the whole
 * entropy-coded image in Java to find its markers (9 ms for the benchmark's product shot, 32 ms for its photo, before
 * the decoder may start); the JPEG reader is therefore told to ignore metadata. The frame type says whether the
 * colours can stream through a ring of rows, and the composer books its memory from this header before decoding.
 *
 * @param sequential whether the frame is baseline or extended sequential (SOF0/SOF1), so rows arrive top to bottom
 *     once each; false for progressive, lossless and hierarchical frames, and when no frame header was found
 * @param width the frame's width in pixels; 0 when no frame header was found
 * @param height the frame's height in pixels; 0 when no frame header was found (or it defers to a DNL marker)
 * @param components the frame's number of components (1 grey, 3 YCbCr or RGB, 4 CMYK or YCCK); 0 when not found
 * @param density the JFIF header's density when it is given in dots per inch or per centimetre; null otherwise
 */
record JpegHeader(boolean sequential, int width, int height, int components, PixelDensity density) {

    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
    private static final int APP0 = 0xE0;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    /** Walks the marker segments from the start of image up to the frame header (or the first scan). */
    static JpegHeader parse(byte[] jpeg) {
        PixelDensity density = null;
        int i = 2; // after SOI
        while (i + 4 <= jpeg.length) {
            if ((jpeg[i] & 0xff) != 0xFF) {
                break;
            }
            int marker = jpeg[i + 1] & 0xff;
            if (marker == 0xFF) {
                i++; // a fill byte before the marker
                continue;
            }
            if (isFrame(marker)) {
                if (i + 10 > jpeg.length) {
                    break;
                }
                // Length (2 bytes), sample precision (1), height (2), width (2), components (1).
                return new JpegHeader(marker == SOF0 || marker == SOF1, u16(jpeg, i + 7), u16(jpeg, i + 5),
                        jpeg[i + 9] & 0xff, density);
            }
            if (marker == SOS || marker == EOI) {
                break;
            }
            int length = u16(jpeg, i + 2);
            if (marker == APP0 && density == null) {
                density = jfifDensity(jpeg, i + 4, length - 2);
            }
            i += 2 + length;
        }
        return new JpegHeader(false, 0, 0, 0, density);
    }

    /** SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /**
     * An APP0 payload {@code "JFIF\0"}, version (2 bytes), units (0: aspect ratio only, 1: dots per inch, 2: dots per
     * centimetre), X and Y density (2 bytes each, big-endian), then the thumbnail.
     */
    private static PixelDensity jfifDensity(byte[] jpeg, int at, int length) {
        if (length < 12 || at + 12 > jpeg.length || jpeg[at] != 'J' || jpeg[at + 1] != 'F' || jpeg[at + 2] != 'I'
                || jpeg[at + 3] != 'F' || jpeg[at + 4] != 0) {
            return null;
        }
        int units = jpeg[at + 7] & 0xff;
        int x = u16(jpeg, at + 8);
        int y = u16(jpeg, at + 10);
        if (x < 1 || y < 1) {
            return null;
        }
        return switch (units) {
            case 1 -> PixelDensity.ofDpi(x, y);
            case 2 -> PixelDensity.ofDotsPerCentimetre(x, y);
            default -> null; // an aspect ratio only, no physical size
        };
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }
}
