package io.github.removebgsuite.common.image;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells whether a JPEG, PNG or WebP image is cut short (an interrupted download or copy), by its structure alone and
 * without decoding a pixel, so that a broken input is refused before a credit is spent on it. The API would accept and
 * charge for a truncated JPEG, returning a cut-out of the part that survived.
 *
 * <ul>
 *   <li>JPEG: the marker segments are walked by their lengths and each scan's entropy-coded data to its end; the
 *       image is complete when an end-of-image marker ({@code FF D9}) follows. Bytes after it are allowed (some
 *       cameras append data), as decoders allow them.</li>
 *   <li>PNG: the chunks are walked by their lengths; the image is complete when an {@code IEND} chunk fits in the
 *       file. Chunk data is skipped, not read, and CRCs are not checked (a decoder's job).</li>
 *   <li>WebP: the RIFF header's length must fit in the file.</li>
 * </ul>
 */
public final class ImageCompleteness {
    /** The eight bytes every PNG starts with. */
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageCompleteness() {
    }

    /**
     * Why the image in {@code file} is incomplete, or empty when it is complete or not a JPEG, PNG or WebP image (the
     * caller's format check judges that).
     *
     * @throws IOException when the file cannot be read
     */
    public static Optional<String> problem(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return problem(in, size);
        }
    }

    /** Why the image in {@code image} is incomplete, or empty when it is complete or not a JPEG, PNG or WebP. */
    public static Optional<String> problem(byte[] image) {
        try {
            return problem(new ByteArrayInputStream(image), image.length);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    private static Optional<String> problem(InputStream in, long size) throws IOException {
        byte[] head = new byte[12];
        int n = in.readNBytes(head, 0, head.length);
        if (n >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return jpeg(in, head, n);
        }
        if (n >= 8 && startsWith(head, PNG_SIGNATURE)) {
            return png(in, head, n, size);
        }
        if (n >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            long riff = le32(head, 4);
            if (riff + 8 > size) {
                return Optional.of("this WebP image is cut short: its header announces " + (riff + 8)
                        + " bytes, the file has " + size);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> jpeg(InputStream rest, byte[] head, int n) throws IOException {
        Reader in = new Reader(head, 2, n, rest);
        try {
            int marker = nextMarker(in);
            while (marker != 0xd9) {
                if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                    marker = nextMarker(in); // markers without a length
                    continue;
                }
                int length = (in.read() << 8) | in.read();
                if (length < 2) {
                    return Optional.of("this JPEG image is damaged: a marker segment has the length " + length);
                }
                in.skip(length - 2L);
                marker = marker == 0xda ? markerAfterScan(in) : nextMarker(in);
            }
            return Optional.empty();
        } catch (EOFException e) {
            return Optional.of("this JPEG image is cut short: it ends before its end-of-image marker (FF D9)");
        }
    }

    /** Reads up to and including the next marker's code, skipping fill bytes ({@code FF FF}). */
    private static int nextMarker(Reader in) throws IOException {
        int b = in.read();
        while (b != 0xff) {
            b = in.read();
        }
        while (b == 0xff) {
            b = in.read();
        }
        return b;
    }

    /**
     * Skips a scan's entropy-coded data and returns the code of the marker that ends it: the first {@code FF} that is
     * neither a stuffed {@code FF 00} nor a restart marker ({@code FF D0}..{@code FF D7}).
     */
    private static int markerAfterScan(Reader in) throws IOException {
        while (true) {
            if (in.read() != 0xff) {
                continue;
            }
            int next = in.read();
            while (next == 0xff) {
                next = in.read();
            }
            if (next != 0x00 && (next < 0xd0 || next > 0xd7)) {
                return next;
            }
        }
    }

    private static Optional<String> png(InputStream in, byte[] head, int n, long size) throws IOException {
        long position = 8;
        Reader chunks = new Reader(head, 8, n, in);
        byte[] header = new byte[8];
        while (true) {
            try {
                for (int i = 0; i < 8; i++) {
                    header[i] = (byte) chunks.read();
                }
            } catch (EOFException e) {
                return Optional.of("this PNG image is cut short: it ends before its IEND chunk");
            }
            long length = be32(header, 0);
            String type = new String(header, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long end = position + 8 + length + 4;
            if (end > size) {
                return Optional.of("this PNG image is cut short: its " + type + " chunk ends at byte " + end
                        + ", the file has " + size);
            }
            if (type.equals("IEND")) {
                return Optional.empty();
            }
            try {
                chunks.skip(length + 4);
            } catch (EOFException e) {
                return Optional.of("this PNG image is cut short: it ends before its IEND chunk");
            }
            position = end;
        }
    }

    /** A forward-only byte reader over a stream, faster per byte than a (synchronized) buffered stream. */
    private static final class Reader {
        private final InputStream in;
        private byte[] buffer;
        private int position;
        private int limit;

        Reader(byte[] head, int from, int to, InputStream in) {
            this.in = in;
            this.buffer = java.util.Arrays.copyOfRange(head, from, to);
            this.limit = buffer.length;
        }

        int read() throws IOException {
            if (position == limit && !fill()) {
                throw new EOFException();
            }
            return buffer[position++] & 0xff;
        }

        void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                if (position == limit && !fill()) {
                    throw new EOFException();
                }
                int step = (int) Math.min(left, limit - position);
                position += step;
                left -= step;
            }
        }

        private boolean fill() throws IOException {
            if (buffer.length < 64 * 1024) {
                buffer = new byte[64 * 1024];
            }
            int n = in.read(buffer);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long be32(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }

    private static long le32(byte[] b, int at) {
        return ((b[at + 3] & 0xffL) << 24) | ((b[at + 2] & 0xffL) << 16) | ((b[at + 1] & 0xffL) << 8) | (b[at] & 0xffL);
    }
}
