package io.github.removebgsuite.common.compose;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** How {@link ZipComposer} reads the archive's images with ImageIO: readers, headers, destinations, decoding. */
final class ImageReading {

    private static final AtomicBoolean REGISTRY_LOADING = new AtomicBoolean();
    /** The JDK's JPEG reader, whose writes into its destination {@link StreamedRaster} is made for. */
    private static final String JDK_JPEG_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";

    private ImageReading() {
    }

    static ImageReader reader(String format, byte[] data) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format + " in this JVM");
        }
        ImageReader reader = readers.next();
        // In place: ImageIO.createImageInputStream would copy the entry to a temporary file first (its default cache).
        ImageInputStream input = new ByteArrayImageInputStream(data);
        // No JPEG metadata: JpegHeader reads the density, and the JDK would scan the whole entropy-coded image for it.
        reader.setInput(input, true, "jpeg".equals(format));
        return reader;
    }

    static int dimension(ImageReader reader, String entry, boolean width) {
        try {
            return width ? reader.getWidth(0) : reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw new CompositionException(entry + " has an unreadable image header: " + e.getMessage(), e);
        }
    }

    /**
     * Loads ImageIO's plugin registry on a thread of its own, once per JVM. The first ImageIO call of a process takes
     * about 50 ms (the registry loads every plugin and looks for more on the class path); started when a composition
     * starts, that overlaps reading the ZIP and starting the matte's decoder instead of coming before the JPEG
     * decode. Whoever calls ImageIO meanwhile waits for the same registry; a failure here shows up there.
     */
    static void loadRegistryInBackground() {
        if (REGISTRY_LOADING.compareAndSet(false, true)) {
            Thread loader = new Thread(() -> {
                try {
                    ImageIO.getImageReadersByFormatName("jpeg");
                } catch (RuntimeException | Error e) {
                    // reported by the composition's own ImageIO call
                }
            }, "imageio-registry");
            loader.setDaemon(true);
            loader.start();
        }
    }

    /**
     * The image the colours of the usual JPEG (three components, no unusual colour space) are decoded into: sRGB,
     * storing R, G, B in libjpeg's own order. {@code read(0)} would give a {@code TYPE_3BYTE_BGR} image, and the JDK's
     * reader then copies every decoded row into it pixel by pixel in Java; into this one it copies each row with one
     * array copy, which halves the decoding time of a process's first composition.
     */
    static BufferedImage rgbImage(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, width * 3, 3,
                new int[] {0, 1, 2}, null);
        return new BufferedImage(rgbColorModel(), raster, false, null);
    }

    /** The colour model of {@link #rgbImage} and {@link StreamedRaster}: opaque sRGB, one byte a sample. */
    static ColorModel rgbColorModel() {
        return new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
    }

    /**
     * Whether the colours can stream into a {@link StreamedRaster}: a sequential JPEG (a progressive one refines every
     * row in several passes) of the usual kind ({@link #isUsualRgb}), read by the JDK's own reader.
     */
    static boolean streams(ImageReader reader, JpegHeader header) {
        return header.sequential() && JDK_JPEG_READER.equals(reader.getClass().getName()) && isUsualRgb(reader);
    }

    /** The image to decode the whole JPEG into: {@link #rgbImage} for the usual JPEG, else what the reader gives. */
    static BufferedImage destination(ImageReader reader, int width, int height) {
        try {
            return isUsualRgb(reader) ? rgbImage(width, height)
                    : reader.getImageTypes(0).next().createBufferedImage(width, height);
        } catch (IOException | RuntimeException e) {
            throw new CompositionException(ZipComposer.COLOR_ENTRY + " could not be decoded: " + e.getMessage(), e);
        }
    }

    /** Whether the reader would give a {@code TYPE_3BYTE_BGR} image: three components, decoded by libjpeg to RGB. */
    private static boolean isUsualRgb(ImageReader reader) {
        try {
            return reader.getImageTypes(0).next().getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR;
        } catch (IOException | RuntimeException e) {
            throw new CompositionException(ZipComposer.COLOR_ENTRY + " could not be decoded: " + e.getMessage(), e);
        }
    }

    static void decodeInto(ImageReader reader, BufferedImage destination) {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setDestination(destination);
        try {
            reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw new CompositionException(ZipComposer.COLOR_ENTRY + " could not be decoded: " + e.getMessage(), e);
        }
    }

    static BufferedImage decodeWhole(ImageReader reader, String entry) {
        try {
            return reader.read(0);
        } catch (IIOException e) {
            throw new CompositionException(entry + " could not be decoded: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new CompositionException(entry + " could not be decoded: " + e, e);
        }
    }
}
