package io.github.removebgsuite.common.compose;

import io.github.removebgsuite.common.image.ImageDimensions;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
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
     */
    private byte[] readBounded(ZipInputStream zip, ZipEntry entry) throws IOException {
        long declared = entry.getSize();
        if (declared > maxEntryBytes) {
            throw tooLarge(entry.getName(), maxEntryBytes);
        }
        long limit = maxEntryBytes;
        boolean headerChecked = false;
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                declared > 0 ? (int) Math.min(declared, HEADER_WINDOW) : 64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = zip.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw tooLarge(entry.getName(), limit);
            }
            out.write(buffer, 0, n);
            if (!headerChecked && total >= HEADER_WINDOW) {
                limit = plausibleBytes(entry.getName(), out.toByteArray());
                headerChecked = true;
                if (total > limit) {
                    throw tooLarge(entry.getName(), limit);
                }
            }
        }
        return out.toByteArray();
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
