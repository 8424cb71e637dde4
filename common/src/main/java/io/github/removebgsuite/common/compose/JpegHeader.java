package io.github.removebgsuite.common.compose;

/**
 * What {@link ZipComposer} needs from a JPEG's marker segments before its frame header, read from the bytes: whether
 * rows arrive top to bottom once each, and the JFIF header's density.
 *
 * <p>It is read here rather than from ImageIO's metadata, because the JDK builds that metadata by walking the whole
 * entropy-coded image in Java to find its markers (9 ms for the benchmark's product shot, 32 ms for its photo, before
 * the decoder may start); the JPEG reader is therefore told to ignore metadata.
 *
 * @param sequential whether the frame is baseline or extended sequential (SOF0/SOF1), so rows arrive top to bottom
 *     once each; false for progressive, lossless and hierarchical frames, and when no frame header was found
 * @param density the JFIF header's density when it is given in dots per inch or per centimetre; null otherwise
 */
record JpegHeader(boolean sequential, PixelDensity density) {

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
            if (marker == SOF0 || marker == SOF1) {
                return new JpegHeader(true, density);
            }
            if (isOtherFrame(marker) || marker == SOS || marker == EOI) {
                break;
            }
            int length = u16(jpeg, i + 2);
            if (marker == APP0 && density == null) {
                density = jfifDensity(jpeg, i + 4, length - 2);
            }
            i += 2 + length;
        }
        return new JpegHeader(false, density);
    }

    /** SOF2 to SOF15, the frame types other than sequential; C4, C8 and CC are tables and a reserved marker. */
    private static boolean isOtherFrame(int marker) {
        return marker >= 0xC2 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
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
