package io.github.removebgsuite.common.compose;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG writer for 8-bit RGB and RGBA images that deflates on several cores and never holds the whole image.
 *
 * <p>The rows are cut into strips. Each strip is filtered and deflated on its own thread with a raw {@link Deflater}
 * primed with the last 32 KiB of the strip before it and ended with a sync flush, so the strips concatenate into one
 * valid deflate stream; their Adler-32 checksums are combined into the zlib trailer. The output is an ordinary PNG
 * that every decoder reads. At most two strips per thread are in memory at a time, and pixels are pulled row by row
 * from a {@link RowSource}, so the encoder adds a few megabytes to what the caller already holds.
 *
 * <p>Instances are immutable and thread-safe; build one with {@link #builder()}.
 */
public final class PngEncoder {

    /** Supplies the unfiltered pixel bytes of one row; called concurrently from several threads for distinct rows. */
    @FunctionalInterface
    public interface RowSource {
        /**
         * Writes row {@code y} ({@code width × channels} bytes, R, G, B[, A] per pixel) into {@code dest}.
         *
         * @param y the row, {@code 0 ≤ y < height}
         * @param dest the buffer to fill
         * @param offset where row {@code y} starts in {@code dest}
         */
        void fillRow(int y, byte[] dest, int offset);
    }

    /**
     * A row source that can also write a row already {@link PngFilter#UP}-filtered (its filter type byte, then each
     * byte minus the one above it, or itself on the first row), straight from its own buffers: one pass over the
     * pixels instead of copying the row and filtering the copy.
     */
    interface UpFilteredRows extends RowSource {
        /** Writes the filter type byte and the UP-filtered bytes of row {@code y} at {@code dest[offset]}. */
        void fillUpFiltered(int y, byte[] dest, int offset);
    }

    /**
     * A row source whose rows live in a buffer of fewer rows than the image (a ring the decoder refills): the encoder
     * tells it, as strips are written, which rows it will not read again. It then reads no row at or beyond the first
     * row still needed plus {@link PngEncoder#rowsHeld}, so a buffer of that many rows never makes it wait on itself.
     */
    interface ReleasingRows extends RowSource {
        /** No row below {@code firstNeeded} is read again. */
        void release(int firstNeeded);
    }

    /**
     * The default deflate level: 2, one step above the fastest. On the benchmark's photo-like 25 MP archive it costs
     * no measurable time over level 1 and saves about 7 % of the output (see {@code bench/README.md}).
     */
    public static final int DEFAULT_DEFLATE_LEVEL = 2;

    /** The default row filter: {@link PngFilter#UP}, the smallest of the cheap filters on the benchmark's images. */
    public static final PngFilter DEFAULT_FILTER = PngFilter.UP;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int WINDOW = 32 * 1024;
    private static final int TARGET_STRIP_BYTES = 1 << 21;

    private final int deflateLevel;
    private final PngFilter filter;
    private final int threads;
    private final int stripBytes;

    private PngEncoder(Builder builder) {
        this.deflateLevel = builder.deflateLevel;
        this.filter = builder.filter;
        this.threads = builder.threads;
        this.stripBytes = builder.stripBytes;
    }

    /** A builder with the defaults: level {@value #DEFAULT_DEFLATE_LEVEL}, {@link PngFilter#UP}, one thread per core. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this encoder's settings. */
    public Builder toBuilder() {
        return new Builder().deflateLevel(deflateLevel).filter(filter).threads(threads).stripBytes(stripBytes);
    }

    /** The deflate level, 0 (stored) to 9 (smallest). */
    public int deflateLevel() {
        return deflateLevel;
    }

    /** The row filter. */
    public PngFilter filter() {
        return filter;
    }

    /** The number of threads that deflate strips. */
    public int threads() {
        return threads;
    }

    /**
     * Writes a PNG.
     *
     * @param width image width in pixels, at least 1
     * @param height image height in pixels, at least 1
     * @param alpha {@code true} for RGBA (4 bytes a pixel), {@code false} for RGB (3 bytes a pixel)
     * @param rows supplies the pixels
     * @param density the {@code pHYs} density to record, or {@code null} to write none
     * @param out receives the PNG; not closed
     * @throws IOException when {@code out} fails
     */
    public void encode(int width, int height, boolean alpha, RowSource rows, PixelDensity density, OutputStream out)
            throws IOException {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(out, "out");
        int channels = alpha ? 4 : 3;
        if (width < 1 || height < 1 || (long) width * channels + 1 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("PNG dimensions must be positive and a row must fit in an array, got "
                    + width + " x " + height);
        }
        out.write(SIGNATURE);
        writeChunk(out, "IHDR", ihdr(width, height, alpha));
        if (density != null) {
            writeChunk(out, "pHYs", phys(density));
        }
        writeImageData(width, height, channels, rows, out);
        writeChunk(out, "IEND", new byte[0]);
        out.flush();
    }

    /**
     * How many consecutive rows of an image of this size a {@link ReleasingRows} source must hold: the strips in
     * flight, the dictionary rows and the row above them, and one strip more so that the decoder filling the buffer
     * can run ahead while the oldest strip is written. Never more than {@code height}.
     */
    int rowsHeld(int width, int height, boolean alpha) {
        Layout layout = layout(width, height, alpha ? 4 : 3);
        long rows = (long) (layout.stripsInFlight() + 1) * layout.stripRows() + layout.dictionaryRows() + 1;
        return (int) Math.min(height, rows);
    }

    /**
     * The most heap this encoder's own buffers take for an image of this size: two buffers (filtered rows, deflated
     * bytes) for each strip in flight, deflate's worst case included.
     */
    long bufferBytes(int width, int height, boolean alpha) {
        Layout layout = layout(width, height, alpha ? 4 : 3);
        return 2L * Math.min(layout.stripsInFlight(), layout.strips()) * layout.bufferSize();
    }

    private Layout layout(int width, int height, int channels) {
        int rowBytes = width * channels + 1;
        int stripRows = Math.max(1, Math.min(height, stripBytes / rowBytes));
        int strips = (height + stripRows - 1) / stripRows;
        int dictionaryRows = (WINDOW + rowBytes - 1) / rowBytes;
        int inFlight = threads == 1 || strips == 1 ? 1 : threads * 2;
        return new Layout(width, height, channels, stripRows, strips, dictionaryRows, inFlight,
                new ConcurrentLinkedQueue<>());
    }

    private void writeImageData(int width, int height, int channels, RowSource rows, OutputStream out)
            throws IOException {
        Layout layout = layout(width, height, channels);
        int strips = layout.strips();
        long adler = 1;
        boolean first = true;
        if (layout.stripsInFlight() == 1) {
            for (int s = 0; s < strips; s++) {
                Strip strip = deflateStrip(layout, rows, s);
                adler = adler32Combine(adler, strip.adler, strip.rawLength);
                writeStrip(out, strip, first, s == strips - 1, adler);
                layout.buffers().offer(strip.data());
                release(layout, rows, s);
                first = false;
            }
            return;
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "png-deflate-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Strip>> inFlight = new ArrayDeque<>();
            int next = 0;
            for (int s = 0; s < strips; s++) {
                while (next < strips && inFlight.size() < layout.stripsInFlight()) {
                    int index = next++;
                    inFlight.add(pool.submit(() -> deflateStrip(layout, rows, index)));
                }
                Strip strip = await(inFlight.poll());
                adler = adler32Combine(adler, strip.adler, strip.rawLength);
                writeStrip(out, strip, first, s == strips - 1, adler);
                layout.buffers().offer(strip.data());
                release(layout, rows, s);
                first = false;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Strip {@code written} and every strip before it are written: tells a {@link ReleasingRows} source which rows
     * the next strip still reads (from the row above its dictionary rows on).
     */
    private static void release(Layout layout, RowSource rows, int written) {
        if (rows instanceof ReleasingRows releasing) {
            int nextStart = (written + 1) * layout.stripRows();
            releasing.release(Math.max(0, nextStart - layout.dictionaryRows() - 1));
        }
    }

    private static Strip await(Future<Strip> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while deflating PNG strips");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }

    /**
     * The geometry of one encoding (with how many strips are filtered and deflated at once) and its buffer pool.
     * Every buffer has {@link #bufferSize()} bytes, enough for the filtered rows of a strip with its dictionary rows,
     * or for their deflated form (deflate's worst case adds 5 bytes per 16 KiB block), so buffers are recycled between
     * strips instead of churning the heap.
     */
    private record Layout(int width, int height, int channels, int stripRows, int strips, int dictionaryRows,
            int stripsInFlight, Queue<byte[]> buffers) {
        int rowBytes() {
            return width * channels + 1;
        }

        int bufferSize() {
            long raw = (long) (stripRows + dictionaryRows) * rowBytes();
            return (int) Math.min(Integer.MAX_VALUE - 8, raw + raw / 1000 + 1024);
        }

        byte[] takeBuffer() {
            byte[] buffer = buffers.poll();
            return buffer != null ? buffer : new byte[bufferSize()];
        }
    }

    private record Strip(byte[] data, int length, long adler, long rawLength) {
    }

    /** Filters and deflates one strip; the rows just before it are filtered too, to serve as its dictionary. */
    private Strip deflateStrip(Layout layout, RowSource rows, int index) {
        int start = index * layout.stripRows();
        int end = Math.min(layout.height(), start + layout.stripRows());
        int dictionaryStart = Math.max(0, start - layout.dictionaryRows());
        int rowBytes = layout.rowBytes();
        int pixelBytes = rowBytes - 1;
        byte[] raw = layout.takeBuffer();
        int rawLength = (end - dictionaryStart) * rowBytes;
        if (filter == PngFilter.UP && rows instanceof UpFilteredRows fused) {
            for (int y = dictionaryStart; y < end; y++) {
                fused.fillUpFiltered(y, raw, (y - dictionaryStart) * rowBytes);
            }
        } else {
            byte[] previous = new byte[pixelBytes];
            byte[] current = new byte[pixelBytes];
            if (filter.usesPreviousRow() && dictionaryStart > 0) {
                rows.fillRow(dictionaryStart - 1, previous, 0);
            }
            for (int y = dictionaryStart; y < end; y++) {
                rows.fillRow(y, current, 0);
                filter.apply(current, 0, previous, 0, pixelBytes, layout.channels(), raw,
                        (y - dictionaryStart) * rowBytes);
                byte[] swap = previous;
                previous = current;
                current = swap;
            }
        }
        int offset = (start - dictionaryStart) * rowBytes;
        int length = rawLength - offset;
        Adler32 adler = new Adler32();
        adler.update(raw, offset, length);

        Deflater deflater = new Deflater(deflateLevel, true);
        try {
            if (offset > 0) {
                int dictionaryLength = Math.min(WINDOW, offset);
                deflater.setDictionary(raw, offset - dictionaryLength, dictionaryLength);
            }
            deflater.setInput(raw, offset, length);
            boolean last = index == layout.strips() - 1;
            if (last) {
                deflater.finish();
            }
            byte[] buffer = layout.takeBuffer();
            int written = 0;
            while (true) {
                if (written == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
                int n = deflater.deflate(buffer, written, buffer.length - written,
                        last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                written += n;
                if (last ? deflater.finished() : (written < buffer.length && deflater.needsInput())) {
                    break;
                }
            }
            return new Strip(buffer, written, adler.getValue(), length);
        } finally {
            deflater.end();
            layout.buffers().offer(raw);
        }
    }

    private void writeStrip(OutputStream out, Strip strip, boolean first, boolean last, long adler)
            throws IOException {
        int headerLength = first ? 2 : 0;
        int trailerLength = last ? 4 : 0;
        CRC32 crc = new CRC32();
        byte[] type = {'I', 'D', 'A', 'T'};
        writeInt(out, headerLength + strip.length() + trailerLength);
        out.write(type);
        crc.update(type);
        if (first) {
            byte[] header = zlibHeader(deflateLevel);
            out.write(header);
            crc.update(header);
        }
        out.write(strip.data(), 0, strip.length());
        crc.update(strip.data(), 0, strip.length());
        if (last) {
            byte[] trailer = {(byte) (adler >>> 24), (byte) (adler >>> 16), (byte) (adler >>> 8), (byte) adler};
            out.write(trailer);
            crc.update(trailer);
        }
        writeInt(out, (int) crc.getValue());
    }

    /** The two zlib header bytes: deflate with a 32 KiB window, no preset dictionary, the level hint, check bits. */
    static byte[] zlibHeader(int level) {
        int cmf = 0x78;
        int levelHint = level <= 1 ? 0 : level <= 5 ? 1 : level == 6 || level == -1 ? 2 : 3;
        int flg = levelHint << 6;
        flg += 31 - ((cmf << 8) + flg) % 31;
        return new byte[] {(byte) cmf, (byte) flg};
    }

    /**
     * The Adler-32 of the concatenation of two byte sequences from their checksums and the second one's length, as
     * zlib's {@code adler32_combine} computes it.
     */
    static long adler32Combine(long adler1, long adler2, long length2) {
        final long base = 65521;
        long remainder = length2 % base;
        long sum1 = adler1 & 0xffff;
        long sum2 = (remainder * sum1) % base;
        sum1 += (adler2 & 0xffff) + base - 1;
        sum2 += ((adler1 >>> 16) & 0xffff) + ((adler2 >>> 16) & 0xffff) + base - remainder;
        sum1 %= base;
        sum2 %= base;
        return (sum2 << 16) | sum1;
    }

    private static byte[] ihdr(int width, int height, boolean alpha) {
        byte[] data = new byte[13];
        putInt(data, 0, width);
        putInt(data, 4, height);
        data[8] = 8;                       // bit depth
        data[9] = (byte) (alpha ? 6 : 2);  // colour type: truecolour with alpha, or truecolour
        // compression 0 (deflate), filter method 0 (adaptive), interlace 0 (none) stay zero
        return data;
    }

    private static byte[] phys(PixelDensity density) {
        byte[] data = new byte[9];
        putInt(data, 0, (int) density.xPixelsPerMetre());
        putInt(data, 4, (int) density.yPixelsPerMetre());
        data[8] = 1; // unit: metre
        return data;
    }

    private static void writeChunk(OutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(out, data.length);
        out.write(typeBytes);
        out.write(data);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    private static void putInt(byte[] data, int offset, int value) {
        data[offset] = (byte) (value >>> 24);
        data[offset + 1] = (byte) (value >>> 16);
        data[offset + 2] = (byte) (value >>> 8);
        data[offset + 3] = (byte) value;
    }

    /** Builds a {@link PngEncoder}. */
    public static final class Builder {
        private int deflateLevel = DEFAULT_DEFLATE_LEVEL;
        private PngFilter filter = DEFAULT_FILTER;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int stripBytes = TARGET_STRIP_BYTES;

        private Builder() {
        }

        /**
         * The deflate level, 0 (stored, fastest, largest) to 9 (smallest, slowest); default
         * {@value PngEncoder#DEFAULT_DEFLATE_LEVEL}.
         */
        public Builder deflateLevel(int level) {
            if (level < Deflater.NO_COMPRESSION || level > Deflater.BEST_COMPRESSION) {
                throw new IllegalArgumentException("deflateLevel must be between 0 and 9, got " + level);
            }
            this.deflateLevel = level;
            return this;
        }

        /** The PNG row filter; default {@link PngFilter#UP}. */
        public Builder filter(PngFilter filter) {
            this.filter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /** How many threads deflate strips in parallel, at least 1; default one per available core. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Approximate filtered bytes per strip (at least one row); small values exercise many strips in tests. */
        Builder stripBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("stripBytes must be positive, got " + bytes);
            }
            this.stripBytes = bytes;
            return this;
        }

        /** Builds the encoder. */
        public PngEncoder build() {
            return new PngEncoder(this);
        }
    }
}
