package io.github.removebgsuite.common.compose;

import io.github.removebgsuite.common.image.ImageDimensions;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads the two entries of a remove.bg ZIP result for {@link ZipComposer}: exactly {@code color.jpg} and
 * {@code alpha.png}, once each, every entry held to a size bound counted on the inflated bytes.
 */
final class EntryReader {

    /** How much of an entry is read before its image header must have been seen. */
    private static final int HEADER_WINDOW = 256 * 1024;
    /** The chunks an entry of unknown size is read in: small enough for a new generation's allocation buffers. */
    private static final int CHUNK_BYTES = 256 * 1024;

    private final long maxEntryBytes;
    private final long maxPixels;

    EntryReader(long maxEntryBytes, long maxPixels) {
        this.maxEntryBytes = maxEntryBytes;
        this.maxPixels = maxPixels;
    }

    /** The colour and matte entries' bytes. */
    record Entries(byte[] color, byte[] alpha) {
    }

    /** Reads both entries of a ZIP result from {@code in}, which is not closed. */
    Entries read(InputStream in) throws IOException {
        byte[] color = null;
        byte[] alpha = null;
        try (ZipInputStream zip = new ZipInputStream(new NonClosingInputStream(in))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                boolean isColor = ZipComposer.COLOR_ENTRY.equals(name);
                if (!isColor && !ZipComposer.ALPHA_ENTRY.equals(name)) {
                    throw new CompositionException("The ZIP holds an unexpected entry '" + printable(name)
                            + "'; a remove.bg ZIP holds exactly " + ZipComposer.COLOR_ENTRY + " and " + ZipComposer.ALPHA_ENTRY);
                }
                if (isColor ? color != null : alpha != null) {
                    throw new CompositionException("The ZIP holds " + name + " more than once");
                }
                byte[] data = readBounded(zip, entry);
                if (isColor) {
                    color = data;
                } else {
                    alpha = data;
                }
            }
        } catch (ZipException e) {
            throw new CompositionException("The result is not a valid ZIP archive: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new CompositionException("The ZIP result is cut short: it ends inside an entry (" + e.getMessage()
                    + "); a remove.bg ZIP holds " + ZipComposer.COLOR_ENTRY + " and " + ZipComposer.ALPHA_ENTRY
                    + " whole", e);
        }
        if (color == null && alpha == null) {
            throw new CompositionException("The result is not a ZIP archive or is empty; expected "
                    + ZipComposer.COLOR_ENTRY + " and " + ZipComposer.ALPHA_ENTRY);
        }
        if (color == null || alpha == null) {
            throw new CompositionException("The ZIP lacks " + (color == null ? ZipComposer.COLOR_ENTRY : ZipComposer.ALPHA_ENTRY)
                    + "; a remove.bg ZIP holds exactly " + ZipComposer.COLOR_ENTRY + " and " + ZipComposer.ALPHA_ENTRY);
        }
        return new Entries(color, alpha);
    }

    /**
     * Reads one entry, counting the bytes actually inflated rather than trusting the size the header claims. Once the
     * image header has arrived (within the first {@value #HEADER_WINDOW} bytes), the entry is also held to what an
     * image of that size can plausibly take, and to {@code maxPixels}, so a ZIP bomb is refused after a few
     * megabytes of memory, not {@code maxEntryBytes}.
     *
     * <p>The bytes are read into chunks and copied once into an array of the entry's exact size (a growing
     * {@code ByteArrayOutputStream} would copy an 11 MB JPEG three times, through 32 MB of arrays it outgrows); an
     * entry whose local header gives its size is read straight into an array of that size.
     */
    private byte[] readBounded(ZipInputStream zip, ZipEntry entry) throws IOException {
        String name = entry.getName();
        long declared = entry.getSize(); // -1 when the size follows the data (a data descriptor)
        if (declared > maxEntryBytes) {
            throw tooLarge(name, maxEntryBytes);
        }
        byte[] head = new byte[HEADER_WINDOW];
        int headLength = zip.readNBytes(head, 0, HEADER_WINDOW);
        if (headLength < HEADER_WINDOW) {
            return Arrays.copyOf(head, headLength); // the whole entry
        }
        long limit = plausibleBytes(name, head);
        if (declared > limit) {
            throw tooLarge(name, limit);
        }
        if (declared >= HEADER_WINDOW) {
            byte[] data = Arrays.copyOf(head, (int) declared);
            int rest = zip.readNBytes(data, HEADER_WINDOW, data.length - HEADER_WINDOW);
            if (zip.read() >= 0) {
                throw new CompositionException("The ZIP entry " + name + " holds more than the " + declared
                        + " bytes its header declares");
            }
            return HEADER_WINDOW + rest == data.length ? data : Arrays.copyOf(data, HEADER_WINDOW + rest);
        }
        List<byte[]> chunks = new ArrayList<>();
        chunks.add(head);
        long total = HEADER_WINDOW;
        int n;
        do {
            byte[] chunk = new byte[CHUNK_BYTES];
            n = zip.readNBytes(chunk, 0, CHUNK_BYTES);
            total += n;
            if (total > limit) {
                throw tooLarge(name, limit);
            }
            chunks.add(chunk);
        } while (n == CHUNK_BYTES);
        byte[] data = new byte[(int) total];
        int at = 0;
        for (byte[] chunk : chunks) {
            int length = Math.min(chunk.length, data.length - at);
            System.arraycopy(chunk, 0, data, at, length);
            at += length;
        }
        return data;
    }

    /** The most bytes an entry whose header is {@code head} can plausibly hold; refuses a header over maxPixels. */
    private long plausibleBytes(String name, byte[] head) {
        ImageDimensions dims = ImageDimensions.probe(head).orElseThrow(() -> new CompositionException(name
                + " has no readable image header in its first " + HEADER_WINDOW + " bytes"));
        long pixels = (long) dims.width() * dims.height();
        if (pixels > maxPixels) {
            throw new CompositionException(name + " is " + dims.width() + "x" + dims.height() + " pixels, over the "
                    + "limit of " + maxPixels + " pixels");
        }
        // At most 4 bytes a pixel (16-bit grey with filter bytes, or a barely compressed JPEG), plus room for
        // metadata: far above any real remove.bg result, far below a bomb.
        return Math.min(maxEntryBytes, pixels * 4 + HEADER_WINDOW + (1 << 20));
    }

    private CompositionException tooLarge(String name, long limit) {
        return new CompositionException("The ZIP entry " + name + " inflates to more than " + limit
                + " bytes, the limit for " + (limit == maxEntryBytes ? "one entry" : "an image of its size"));
    }

    private static String printable(String name) {
        String cleaned = name.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "…" : cleaned;
    }


    /** Keeps {@link ZipInputStream#close()} from closing the caller's stream. */
    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
