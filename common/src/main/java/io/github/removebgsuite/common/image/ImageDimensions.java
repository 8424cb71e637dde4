package io.github.removebgsuite.common.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The width and height of an image, read from its header without decoding the pixels. Used to price a call in
 * megapixels for the rate limiter and to check the 50 MP input limit before a credit is spent.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 */
public record ImageDimensions(int width, int height) {

    /** The rate-limit cost of an image: its megapixels, at least 1, as the API's rate-limit table counts them. */
    public int rateLimitCost() {
        return (int) Math.max(1, Math.ceil(megapixels() - 1e-9));
    }

    /** The number of megapixels (millions of pixels). */
    public double megapixels() {
        return (double) width * height / 1_000_000d;
    }

    /** Reads the dimensions of a JPEG, PNG or WebP file; empty when the file is not a readable image. */
    public static Optional<ImageDimensions> probe(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return probe(in);
        }
    }

    /** Reads the dimensions of a JPEG, PNG or WebP image in memory; empty when it is not a readable image. */
    public static Optional<ImageDimensions> probe(byte[] image) {
        try {
            return probe(new ByteArrayInputStream(image));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads the dimensions from the start of a stream (which it does not close); empty when it is not an image. */
    public static Optional<ImageDimensions> probe(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new java.io.BufferedInputStream(in, 64);
        buffered.mark(30);
        byte[] head = buffered.readNBytes(30);
        buffered.reset();
        Optional<ImageDimensions> webp = webp(head);
        if (webp.isPresent()) {
            return webp;
        }
        try (ImageInputStream iis = ImageIO.createImageInputStream(buffered)) {
            if (iis == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                return Optional.of(new ImageDimensions(reader.getWidth(0), reader.getHeight(0)));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * WebP's RIFF header carries the canvas size in one of three chunk layouts (lossy VP8, lossless VP8L, extended
     * VP8X). The JDK has no WebP reader, so the header is read here rather than adding a native codec to the core.
     */
    private static Optional<ImageDimensions> webp(byte[] h) {
        if (h.length < 30 || !ascii(h, 0, "RIFF") || !ascii(h, 8, "WEBP")) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        if (ascii(h, 12, "VP8X")) {
            int w = 1 + ((h[24] & 0xff) | (h[25] & 0xff) << 8 | (h[26] & 0xff) << 16);
            int ht = 1 + ((h[27] & 0xff) | (h[28] & 0xff) << 8 | (h[29] & 0xff) << 16);
            return Optional.of(new ImageDimensions(w, ht));
        }
        if (ascii(h, 12, "VP8L") && (h[20] & 0xff) == 0x2f) {
            int bits = b.getInt(21);
            return Optional.of(new ImageDimensions(1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff)));
        }
        if (ascii(h, 12, "VP8 ")) {
            return Optional.of(new ImageDimensions(b.getShort(26) & 0x3fff, b.getShort(28) & 0x3fff));
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] h, int offset, String tag) {
        for (int i = 0; i < tag.length(); i++) {
            if (h[offset + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
