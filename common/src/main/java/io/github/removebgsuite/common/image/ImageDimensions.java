package io.github.removebgsuite.common.image;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8) {
            return jpeg(buffered);
        }
        if (head.length >= 8 && Arrays.equals(head, 0, 8, ImageCompleteness.PNG_SIGNATURE, 0, 8)) {
            return png(head);
        }
        Optional<ImageDimensions> webp = webp(head);
        if (webp.isPresent()) {
            return webp;
        }
        // Any other format ImageIO knows (the API takes JPEG, PNG and WebP; a GIF or BMP is priced all the same).
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
     * A JPEG's size is in its frame header (SOFn), after the tables and application segments (an Exif thumbnail or an
     * ICC profile can put it tens of kilobytes in): the segments before it are skipped by their lengths. Read here
     * rather than through ImageIO, whose registry takes about 60 ms to load in a new JVM.
     */
    private static Optional<ImageDimensions> jpeg(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            data.skipNBytes(2); // SOI
            while (true) {
                if (data.readUnsignedByte() != 0xFF) {
                    return Optional.empty();
                }
                int marker = data.readUnsignedByte();
                while (marker == 0xFF) {
                    marker = data.readUnsignedByte(); // fill bytes
                }
                if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                    continue; // TEM and RSTn stand alone, without a length
                }
                if (marker == 0xD9 || marker == 0xDA) {
                    return Optional.empty(); // the image ends, or its data starts, before any frame header
                }
                int length = data.readUnsignedShort();
                if (length < 2) {
                    return Optional.empty();
                }
                if (isFrameHeader(marker)) {
                    if (length < 7) {
                        return Optional.empty();
                    }
                    data.readUnsignedByte(); // sample precision
                    int height = data.readUnsignedShort();
                    int width = data.readUnsignedShort();
                    // A height of 0 defers to a DNL marker, which the JDK's decoder (libjpeg) does not support.
                    return width > 0 && height > 0 ? Optional.of(new ImageDimensions(width, height)) : Optional.empty();
                }
                data.skipNBytes(length - 2);
            }
        } catch (EOFException e) {
            return Optional.empty();
        }
    }

    /** SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** A PNG's size is in its first chunk, IHDR: width and height, big-endian, below 2^31. */
    private static Optional<ImageDimensions> png(byte[] h) {
        if (h.length < 24 || !ascii(h, 12, "IHDR")) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(h);
        int width = b.getInt(16);
        int height = b.getInt(20);
        return width > 0 && height > 0 ? Optional.of(new ImageDimensions(width, height)) : Optional.empty();
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
