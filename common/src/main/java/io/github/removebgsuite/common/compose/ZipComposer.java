package io.github.removebgsuite.common.compose;

import io.github.removebgsuite.common.files.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageReader;

/**
 * Composes a remove.bg ZIP result ({@code color.jpg}, the RGB colours, and {@code alpha.png}, the greyscale matte)
 * into one RGBA PNG, as the API's documentation describes.
 *
 * <p>The archive is checked before anything is decoded: it must hold exactly the two documented entries, once each;
 * each entry may inflate to at most {@link Builder#maxEntryBytes(long)} bytes (the inflated bytes are counted, so a
 * header that lies about its size does not help a ZIP bomb); the image headers must show the same width and height
 * and at most {@link Builder#maxPixels(long)} pixels. Any breach is a {@link CompositionException} naming the entry
 * and the limit.
 *
 * <p>An 8-bit matte is copied as is; a 16-bit matte is rounded to 8 bits ({@code round(a / 257)}), and so is a matte
 * of 1, 2 or 4 bits scaled up. The output is an 8-bit RGBA PNG written by {@link PngEncoder} (strips deflated in
 * parallel), with the pixel density of {@code color.jpg}'s JFIF header, or failing that of {@code alpha.png}'s
 * {@code pHYs} chunk. The RGBA image never exists as a whole, and in the usual case (a sequential JPEG, an 8-bit
 * matte) neither do its colours or its matte: they are decoded into rings of the rows the encoder is working on.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ZipComposer {

    /** The name of the colour entry in a remove.bg ZIP. */
    public static final String COLOR_ENTRY = "color.jpg";
    /** The name of the matte entry in a remove.bg ZIP. */
    public static final String ALPHA_ENTRY = "alpha.png";
    /** The default pixel limit: 50 megapixels, the API's largest output ({@code size=50MP}, e.g. 8000×6250). */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    /**
     * The default limit on an entry's inflated size: 160 MiB, above a 50 MP 16-bit matte stored without compression
     * (100 MB) and any 50 MP JPEG.
     */
    public static final long DEFAULT_MAX_ENTRY_BYTES = 160L * 1024 * 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final PngEncoder encoder;
    private final long maxPixels;
    private final long maxEntryBytes;
    private final MemoryBudget memory;

    /** A composer with the defaults of {@link #builder()}. */
    public ZipComposer() {
        this(builder());
    }

    private ZipComposer(Builder builder) {
        this.encoder = builder.encoder.build();
        this.maxPixels = builder.maxPixels;
        this.maxEntryBytes = builder.maxEntryBytes;
        this.memory = new MemoryBudget(builder.memoryBudget > 0 ? builder.memoryBudget
                : Runtime.getRuntime().maxMemory() / 2);
    }

    /**
     * A builder with the defaults: deflate level {@value PngEncoder#DEFAULT_DEFLATE_LEVEL}, {@link PngFilter#UP}, one
     * thread per core, {@value #DEFAULT_MAX_PIXELS} pixels, {@value #DEFAULT_MAX_ENTRY_BYTES} bytes per entry.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this composer's settings. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.encoder = encoder.toBuilder();
        return builder.maxPixels(maxPixels).maxEntryBytes(maxEntryBytes).memoryBudget(memory.bytes());
    }

    /**
     * Composes a ZIP read from a stream into a PNG written to another; neither stream is closed.
     *
     * @throws CompositionException when the archive or its images are not a valid remove.bg ZIP result
     * @throws IOException when reading or writing fails
     */
    public void compose(InputStream zip, OutputStream png) throws IOException {
        Objects.requireNonNull(zip, "zip");
        Objects.requireNonNull(png, "png");
        ImageReading.loadRegistryInBackground();
        EntryReader.Entries entries = new EntryReader(maxEntryBytes, maxPixels).read(zip);
        compose(entries, png);
    }

    /**
     * Composes a ZIP file into a PNG file, written with {@link AtomicFiles#write(Path, AtomicFiles.Durability,
     * AtomicFiles.Content)}: every reader sees the target either whole or untouched.
     *
     * @throws CompositionException when the archive or its images are not a valid remove.bg ZIP result
     * @throws IOException when reading or writing fails
     */
    public void compose(Path zip, Path png) throws IOException {
        Objects.requireNonNull(zip, "zip");
        Path target = Objects.requireNonNull(png, "png").toAbsolutePath();
        ImageReading.loadRegistryInBackground();
        EntryReader.Entries entries;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(zip), 64 * 1024)) {
            entries = new EntryReader(maxEntryBytes, maxPixels).read(in);
        }
        // Buffered, not forced: the ZIP is still on disk, so a power cut costs only a re-run, not a wait on every one.
        AtomicFiles.write(target, AtomicFiles.Durability.BUFFERED, out -> compose(entries, out));
    }

    /**
     * Composes a ZIP held in memory into a PNG in memory.
     *
     * @throws CompositionException when the archive or its images are not a valid remove.bg ZIP result
     */
    public byte[] compose(byte[] zip) {
        Objects.requireNonNull(zip, "zip");
        ByteArrayOutputStream png = new ByteArrayOutputStream(Math.max(1024, zip.length * 2));
        try {
            compose(new ByteArrayInputStream(zip), png);
        } catch (IOException e) {
            // Only a malformed archive or image can fail here: the streams are in memory.
            throw new CompositionException("The ZIP result could not be read: " + e.getMessage(), e);
        }
        return png.toByteArray();
    }

    private void compose(EntryReader.Entries entries, OutputStream out) throws IOException {
        byte[] colorBytes = entries.color();
        byte[] alphaBytes = entries.alpha();
        if (colorBytes.length < 3 || (colorBytes[0] & 0xff) != 0xFF || (colorBytes[1] & 0xff) != 0xD8) {
            throw new CompositionException(COLOR_ENTRY + " is not a JPEG image");
        }
        if (!startsWith(alphaBytes, PNG_SIGNATURE)) {
            throw new CompositionException(ALPHA_ENTRY + " is not a PNG image");
        }
        JpegHeader header = JpegHeader.parse(colorBytes);
        // The usual matte (8-bit grey) is decoded by GreyPng; any other PNG is decoded whole by ImageIO.
        GreyPng greyMatte = GreyPng.parse(alphaBytes);
        if (greyMatte != null && (long) encoder.rowsHeld(greyMatte.width(), greyMatte.height(), true)
                * greyMatte.width() > Integer.MAX_VALUE - 8) {
            greyMatte = null; // its rows would not fit in one array (only above the default pixel limit)
        }
        long need = heapNeeded(entries, header, greyMatte);
        memory.acquire(need);
        try {
            composeWithinBudget(entries, header, greyMatte, out);
        } finally {
            memory.release(need);
        }
    }

    /**
     * The heap a composition of these entries holds, from their headers: the entries themselves, the colours (a ring
     * of rows for a sequential JPEG, else 3 bytes a pixel), the matte (a ring of rows for an 8-bit grey PNG, else up
     * to 2 bytes a pixel) and the encoder's buffers. Entries whose JPEG header shows no size book only their own
     * bytes: they fail before decoding.
     */
    private long heapNeeded(EntryReader.Entries entries, JpegHeader header, GreyPng greyMatte) {
        long need = entries.color().length + entries.alpha().length;
        int width = header.width();
        int height = header.height();
        if (width < 1 || height < 1) {
            return need;
        }
        long rowsHeld = encoder.rowsHeld(width, height, true);
        boolean colorsStream = header.sequential() && header.components() == 3;
        long colors = 3L * width * (colorsStream ? rowsHeld : height);
        long matte = greyMatte != null ? rowsHeld * width : 2L * width * height;
        return need + colors + matte + encoder.bufferBytes(width, height, true);
    }

    private void composeWithinBudget(EntryReader.Entries entries, JpegHeader header, GreyPng greyMatte,
            OutputStream out) throws IOException {
        // The grey matte is decoded on a thread of its own, started before ImageIO is even asked for a reader
        // (loading ImageIO takes ~60 ms in a new JVM), and it runs alongside the JPEG, into a ring of the rows the
        // encoder works on; any other PNG is decoded by ImageIO, first.
        Matte.ByteMatte matte = null;
        DecodedRows matteRows = null;
        Thread matteDecoder = null;
        if (greyMatte != null) {
            checkPixels(ALPHA_ENTRY, greyMatte.width(), greyMatte.height());
            int rowsHeld = encoder.rowsHeld(greyMatte.width(), greyMatte.height(), true);
            byte[] ring = new byte[rowsHeld * greyMatte.width()];
            matte = new Matte.ByteMatte(ring, 0, greyMatte.width(), greyMatte.width(), rowsHeld);
            DecodedRows progress = new DecodedRows(ALPHA_ENTRY, rowsHeld);
            GreyPng png = greyMatte;
            matteDecoder = new Thread(() -> {
                try {
                    png.decode(ring, progress);
                } catch (Throwable e) {
                    progress.fail(e);
                }
            }, "png-decode");
            matteDecoder.setDaemon(true);
            matteDecoder.start();
            matteRows = progress;
        }
        boolean encoded = false;
        try {
            composeColors(entries.color(), entries.alpha(), header, greyMatte, matte, matteRows, out);
            encoded = true;
        } finally {
            if (matteDecoder != null) {
                if (!encoded) {
                    matteRows.cancel();
                }
                joinUninterruptibly(matteDecoder);
            }
        }
    }

    /** Reads the JPEG (and a matte that is not 8-bit grey) and encodes the PNG while the matte, if any, decodes. */
    private void composeColors(byte[] colorBytes, byte[] alphaBytes, JpegHeader header, GreyPng greyMatte,
            Matte.ByteMatte greyRows, DecodedRows matteRows, OutputStream out) throws IOException {
        ImageReader colorReader = ImageReading.reader("jpeg", colorBytes);
        ImageReader alphaReader = greyMatte == null ? ImageReading.reader("png", alphaBytes) : null;
        try {
            int width = ImageReading.dimension(colorReader, COLOR_ENTRY, true);
            int height = ImageReading.dimension(colorReader, COLOR_ENTRY, false);
            int alphaWidth = greyMatte != null ? greyMatte.width()
                    : ImageReading.dimension(alphaReader, ALPHA_ENTRY, true);
            int alphaHeight = greyMatte != null ? greyMatte.height()
                    : ImageReading.dimension(alphaReader, ALPHA_ENTRY, false);
            checkSizes(width, height, alphaWidth, alphaHeight);
            PixelDensity density = header.density();
            if (density == null) {
                density = greyMatte != null ? greyMatte.density() : HeaderDensity.pngDensity(alphaReader);
            }
            Matte matte = greyRows;
            if (matte == null) {
                matte = Matte.of(ImageReading.decodeWhole(alphaReader, ALPHA_ENTRY).getRaster());
                alphaReader.dispose();
            }
            if (!ImageReading.streams(colorReader, header)) {
                // A progressive JPEG refines every row in several passes (and an unusual one takes the reader's own
                // image type): decode it whole before encoding.
                BufferedImage destination = ImageReading.destination(colorReader, width, height);
                ImageReading.decodeInto(colorReader, destination);
                Colors colors = Colors.of(destination.getRaster());
                encoder.encode(width, height, true, RgbaRows.of(colors, matte, null, matteRows), density, out);
                return;
            }
            // A sequential JPEG is decoded top to bottom on its own thread into a ring of rows while the strips
            // already decoded are filtered and deflated: decoding and deflating overlap, and only the rows the
            // encoder works on are held.
            int rowsHeld = encoder.rowsHeld(width, height, true);
            DecodedRows decoded = new DecodedRows(COLOR_ENTRY, rowsHeld);
            BufferedImage destination = StreamedRaster.image(width, height, rowsHeld, decoded);
            Colors colors = Colors.of(destination.getRaster(), rowsHeld);
            colorReader.addIIOReadUpdateListener(decoded);
            Thread decoder = new Thread(() -> {
                try {
                    ImageReading.decodeInto(colorReader, destination);
                    decoded.complete(height);
                } catch (Throwable e) {
                    decoded.fail(e);
                }
            }, "jpeg-decode");
            decoder.setDaemon(true);
            decoder.start();
            boolean encoded = false;
            try {
                encoder.encode(width, height, true, RgbaRows.of(colors, matte, decoded, matteRows), density, out);
                encoded = true;
            } finally {
                if (!encoded) {
                    decoded.cancel(); // the decoder thread aborts its own read: the JPEG reader is thread-bound
                }
                joinUninterruptibly(decoder);
            }
        } finally {
            colorReader.dispose();
            if (alphaReader != null) {
                alphaReader.dispose();
            }
        }
    }

    /**
     * The memory budget's bytes, the most its compositions booked at once and the largest single booking (for the
     * memory tests).
     */
    long[] memoryBudgetAndPeak() {
        return new long[] {memory.bytes(), memory.peak(), memory.largest()};
    }

    /** Refuses either image over the pixel limit, and images of different sizes. */
    private void checkSizes(int width, int height, int alphaWidth, int alphaHeight) {
        checkPixels(COLOR_ENTRY, width, height);
        checkPixels(ALPHA_ENTRY, alphaWidth, alphaHeight);
        if (width != alphaWidth || height != alphaHeight) {
            throw new CompositionException("The ZIP's images differ in size: " + COLOR_ENTRY + " is " + width
                    + "x" + height + " but " + ALPHA_ENTRY + " is " + alphaWidth + "x" + alphaHeight);
        }
    }

    private void checkPixels(String entry, int width, int height) {
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new CompositionException(entry + " is " + width + "x" + height + " (" + pixels
                    + " pixels), above the limit of " + maxPixels + " pixels");
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int toEightBits(int value, int bits) {
        if (bits == 8) {
            return value;
        }
        long max = (1L << bits) - 1;
        return (int) ((value * 255L + max / 2) / max);
    }

    /** Builds a {@link ZipComposer}. */
    public static final class Builder {
        private PngEncoder.Builder encoder = PngEncoder.builder();
        private long maxPixels = DEFAULT_MAX_PIXELS;
        private long maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES;
        private long memoryBudget;

        private Builder() {
        }

        /**
         * The PNG deflate level, 0 (stored, fastest, largest) to 9 (smallest, slowest); default
         * {@value PngEncoder#DEFAULT_DEFLATE_LEVEL}.
         */
        public Builder deflateLevel(int level) {
            encoder.deflateLevel(level);
            return this;
        }

        /** The PNG row filter; default {@link PngFilter#UP}, the best trade of speed and size measured by the benchmark. */
        public Builder filter(PngFilter filter) {
            encoder.filter(filter);
            return this;
        }

        /** How many threads deflate the PNG, at least 1; default one per available core. */
        public Builder threads(int threads) {
            encoder.threads(threads);
            return this;
        }

        /**
         * The largest image accepted, in pixels (width × height, read from the headers before decoding); default
         * {@value ZipComposer#DEFAULT_MAX_PIXELS}.
         */
        public Builder maxPixels(long pixels) {
            if (pixels < 1) {
                throw new IllegalArgumentException("maxPixels must be at least 1, got " + pixels);
            }
            this.maxPixels = pixels;
            return this;
        }

        /**
         * The largest size one ZIP entry may inflate to, in bytes; default
         * {@value ZipComposer#DEFAULT_MAX_ENTRY_BYTES}. Limits the memory a hostile archive can claim.
         */
        public Builder maxEntryBytes(long bytes) {
            if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxEntryBytes must be between 1 and " + (Integer.MAX_VALUE - 8)
                        + ", got " + bytes);
            }
            this.maxEntryBytes = bytes;
            return this;
        }

        /**
         * How much heap the compositions of this composer may hold at once, in bytes (a 25 MP result from a sequential
         * JPEG and an 8-bit matte takes some 30 MB with two encoder threads: its compressed entries, rings of the rows
         * being encoded and the encoder's strips; a progressive JPEG adds 3 bytes a pixel); a composition that would
         * exceed it waits for others to finish, and one always runs. Default: half the JVM's maximum heap, so a batch
         * composing many large results at once is paced instead of running out of memory.
         */
        public Builder memoryBudget(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("memoryBudget must be at least 1 byte, got " + bytes);
            }
            this.memoryBudget = bytes;
            return this;
        }

        /** Package-private seam for tests: small strips exercise the multi-strip path on small images. */
        Builder stripBytes(int bytes) {
            encoder.stripBytes(bytes);
            return this;
        }

        /** Builds the composer. */
        public ZipComposer build() {
            return new ZipComposer(this);
        }
    }
}
