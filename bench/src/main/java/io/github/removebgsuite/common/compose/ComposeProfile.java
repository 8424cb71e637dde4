package io.github.removebgsuite.common.compose;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

/**
 * Where the composer's time goes, for {@code bench/run}: the stages of one composition timed one after another in a
 * fresh JVM, as a user's first composition meets them (cold: classes loaded and code compiled on the way). It lives in
 * the composer's package to time its package-private stages; it is part of the benchmark, not of the library.
 *
 * <p>Stages: reading the ZIP (inflating both entries); allocating the whole-image buffers the later stages need
 * (which the composer, streaming through rings of rows, does not: left out of the floor); decoding the matte
 * ({@link GreyPng}); decoding the JPEG (the JDK's ImageIO reader, its registry loaded on the way); building the RGBA
 * rows and filtering them ({@link PngFilter}); deflating them on one thread; and the whole encoding on every core as
 * {@link PngEncoder} does it. Prints one {@code stage name milliseconds} line per stage; {@code bench/run} adds the
 * JVM start and derives the estimated floor.
 *
 * <p>Usage: {@code ComposeProfile IN.zip}.
 */
public final class ComposeProfile {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ComposeProfile() {
    }

    /** Entry point; see the class description. */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        byte[] color = null;
        byte[] alpha = null;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(Path.of(args[0])), 64 * 1024);
                ZipInputStream zip = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] data = zip.readAllBytes();
                if (ZipComposer.COLOR_ENTRY.equals(entry.getName())) {
                    color = data;
                } else {
                    alpha = data;
                }
            }
        }
        start = stage("zip-read", start);

        GreyPng png = GreyPng.parse(alpha);
        JpegHeader header = JpegHeader.parse(color);
        if (png == null || !header.sequential() || header.components() != 3) {
            throw new IllegalArgumentException(
                    "the profile handles sequential colour JPEGs and 8-bit grey mattes only");
        }
        int width = png.width();
        int height = png.height();
        // The stages after this one work on whole images, which the composer never holds (it streams both through
        // rings of rows): allocating them, and the kernel zeroing their pages, is timed here on its own and left out
        // of the other stages and of the floor.
        byte[] matteBytes = new byte[width * height];
        BufferedImage destination = ImageReading.rgbImage(width, height);
        start = stage("whole-buffers", start);

        png.decode(matteBytes, new DecodedRows(ZipComposer.ALPHA_ENTRY));
        Matte matte = new Matte.ByteMatte(matteBytes, 0, width, width, height);
        start = stage("matte-decode", start);

        ImageReader reader = ImageReading.reader("jpeg", color);
        if (!ImageReading.streams(reader, header)) {
            throw new IllegalArgumentException("the composer would not stream this JPEG; the profile times that path");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        param.setDestination(destination);
        reader.read(0, param);
        reader.dispose();
        Colors colors = Colors.of(destination.getRaster());
        start = stage("jpeg-decode", start);

        if (!(colors instanceof Colors.InterleavedColors)) {
            throw new IllegalArgumentException("the profile handles 8-bit colour JPEGs only");
        }
        // The rows exactly as the composer builds them for the default filter.
        PngEncoder.UpFilteredRows rows = (PngEncoder.UpFilteredRows) RgbaRows.of(colors, matte, null, null);
        int rowBytes = width * 4 + 1;
        byte[] filtered = new byte[rowBytes];
        long checksum = 0;
        for (int y = 0; y < height; y++) {
            rows.fillUpFiltered(y, filtered, 0);
            checksum += filtered[y % filtered.length];
        }
        start = stage("rgba-and-filter", start);

        PngEncoder.builder().threads(1).build().encode(width, height, true, rows, null, OutputStream.nullOutputStream());
        long oneThread = System.nanoTime() - start;
        start = stage("encode-1-thread", start);

        PngEncoder.builder().build().encode(width, height, true, rows, null, OutputStream.nullOutputStream());
        stage("encode-all-cores", start);
        System.out.printf(Locale.ROOT, "cores %d%n", Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "process-cpu-ms %d%n", OS.getProcessCpuTime() / 1_000_000);
        if (checksum == Long.MIN_VALUE || oneThread < 0) {
            System.out.println(); // keeps the filter loop from being optimised away
        }
    }

    private static long stage(String name, long since) {
        long now = System.nanoTime();
        System.out.printf(Locale.ROOT, "stage %s %d%n", name, (now - since) / 1_000_000);
        return System.nanoTime();
    }
}
