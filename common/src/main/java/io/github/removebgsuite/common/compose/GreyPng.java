package io.github.removebgsuite.common.compose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A decoder for the one PNG layout remove.bg's {@code alpha.png} has: 8-bit greyscale, not interlaced, no
 * transparency chunk. It inflates the image data with the JDK's native {@link Inflater} straight into one byte per
 * pixel and reverses the row filters, reporting progress row by row so composition can start before the matte is
 * whole. ImageIO's PNG reader does the same work several times slower on a cold JVM (it is Java code that is not yet
 * compiled) and cannot run alongside the JPEG decoder as early.
 *
 * <p>{@link #parse(byte[])} accepts only that layout and a well-formed chunk sequence; for anything else it returns
 * {@code null} and the caller uses ImageIO, so every other PNG (16-bit, palette, interlaced, damaged) keeps ImageIO's
 * behaviour and messages.
 */
final class GreyPng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final byte[] png;
    private final int width;
    private final int height;
    private final PixelDensity density;
    /** Offset and length of each IDAT chunk's data, in order. */
    private final List<int[]> data;

    private GreyPng(byte[] png, int width, int height, PixelDensity density, List<int[]> data) {
        this.png = png;
        this.width = width;
        this.height = height;
        this.density = density;
        this.data = data;
    }

    /** The matte's layout when it is an 8-bit greyscale, non-interlaced PNG with well-formed chunks; else null. */
    static GreyPng parse(byte[] png) {
        if (png.length < SIGNATURE.length + 25) {
            return null;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (png[i] != SIGNATURE[i]) {
                return null;
            }
        }
        int width = -1;
        int height = -1;
        PixelDensity density = null;
        List<int[]> data = new ArrayList<>();
        int position = SIGNATURE.length;
        boolean first = true;
        while (true) {
            if (position + 12 > png.length) {
                return null; // truncated: no IEND
            }
            long length = Integer.toUnsignedLong(readInt(png, position));
            String type = new String(png, position + 4, 4, StandardCharsets.US_ASCII);
            int start = position + 8;
            if (length > png.length - start - 4) {
                return null;
            }
            int size = (int) length;
            if (first != type.equals("IHDR")) {
                return null;
            }
            first = false;
            switch (type) {
                case "IHDR" -> {
                    if (size != 13 || png[start + 8] != 8 || png[start + 9] != 0 || png[start + 10] != 0
                            || png[start + 11] != 0 || png[start + 12] != 0) {
                        return null; // not 8-bit grey, or another compression, filter method or interlace
                    }
                    width = readInt(png, start);
                    height = readInt(png, start + 4);
                    if (width < 1 || height < 1) {
                        return null;
                    }
                }
                case "IDAT" -> data.add(new int[] {start, size});
                case "pHYs" -> {
                    if (size == 9 && png[start + 8] == 1) {
                        long x = Integer.toUnsignedLong(readInt(png, start));
                        long y = Integer.toUnsignedLong(readInt(png, start + 4));
                        density = x < 1 || y < 1 ? null : new PixelDensity(x, y);
                    }
                }
                case "tRNS", "PLTE" -> {
                    return null; // a transparent grey value, or a palette: ImageIO decides what they mean
                }
                case "IEND" -> {
                    return data.isEmpty() ? null : new GreyPng(png, width, height, density, data);
                }
                default -> {
                    if ((png[position + 4] & 0x20) == 0) {
                        return null; // an unknown critical chunk
                    }
                }
            }
            position = start + size + 4;
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The {@code pHYs} density when its unit is the metre; null otherwise. */
    PixelDensity density() {
        return density;
    }

    /**
     * Decodes the matte into {@code dest}, row {@code y} at {@code (y % rowsHeld) × width} where {@code rowsHeld} is
     * {@code dest.length / width}: the whole image when {@code dest} holds {@code width × height} bytes, otherwise a
     * ring whose slots {@code rows} says when to reuse.
     *
     * @param rows asked before each row is written whether its slot is free (which also tells it that the rows
     *     above are complete), and told at the end; when the composition is cancelled, decoding stops quietly
     * @throws CompositionException when the image data is damaged or too short
     */
    void decode(byte[] dest, DecodedRows rows) {
        int rowsHeld = dest.length / width;
        if (rowsHeld < 1) {
            throw new IllegalArgumentException("dest must hold at least one row of " + width + " bytes");
        }
        Inflater inflater = new Inflater();
        try {
            byte[] row = new byte[width + 1];
            int chunk = 0;
            for (int y = 0; y < height; y++) {
                if (!rows.awaitWritable(y)) {
                    return;
                }
                int filled = 0;
                while (filled < row.length) {
                    int n = inflater.inflate(row, filled, row.length - filled);
                    filled += n;
                    if (n == 0) {
                        if (inflater.needsInput() && chunk < data.size()) {
                            int[] next = data.get(chunk++);
                            inflater.setInput(png, next[0], next[1]);
                        } else {
                            throw damaged("the image data ends after " + y + " of " + height + " rows");
                        }
                    }
                }
                unfilter(row, dest, y, (y % rowsHeld) * width, y == 0 ? -1 : ((y - 1) % rowsHeld) * width);
            }
            rows.advance(height);
        } catch (DataFormatException e) {
            throw damaged("its image data is not valid zlib data (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    /** Reverses row {@code y}'s filter into {@code dest} at {@code out}; the row above is at {@code up} (-1: none). */
    private void unfilter(byte[] row, byte[] dest, int y, int out, int up) {
        int filter = row[0];
        switch (filter) {
            case 0 -> System.arraycopy(row, 1, dest, out, width);
            case 1 -> {
                int left = 0;
                for (int x = 0; x < width; x++) {
                    left = (row[x + 1] + left) & 0xff;
                    dest[out + x] = (byte) left;
                }
            }
            case 2 -> {
                if (up < 0) {
                    System.arraycopy(row, 1, dest, out, width);
                } else {
                    for (int x = 0; x < width; x++) {
                        dest[out + x] = (byte) (row[x + 1] + dest[up + x]);
                    }
                }
            }
            case 3 -> {
                int left = 0;
                for (int x = 0; x < width; x++) {
                    int above = up < 0 ? 0 : dest[up + x] & 0xff;
                    left = (row[x + 1] + ((left + above) >>> 1)) & 0xff;
                    dest[out + x] = (byte) left;
                }
            }
            case 4 -> {
                int left = 0;
                int upperLeft = 0;
                for (int x = 0; x < width; x++) {
                    int above = up < 0 ? 0 : dest[up + x] & 0xff;
                    left = (row[x + 1] + paeth(left, above, upperLeft)) & 0xff;
                    upperLeft = above;
                    dest[out + x] = (byte) left;
                }
            }
            default -> throw damaged("row " + y + " has the unknown filter type " + (filter & 0xff));
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

    private static CompositionException damaged(String why) {
        return new CompositionException(ZipComposer.ALPHA_ENTRY + " could not be decoded: " + why);
    }

    private static int readInt(byte[] data, int offset) {
        return ((data[offset] & 0xff) << 24) | ((data[offset + 1] & 0xff) << 16) | ((data[offset + 2] & 0xff) << 8)
                | (data[offset + 3] & 0xff);
    }
}
