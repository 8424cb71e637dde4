package io.github.removebgsuite.common.compose;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** How {@link ZipComposer} reads the archive's images with ImageIO: readers, headers, destinations, decoding. */
final class ImageReading {

    private ImageReading() {
    }

    static ImageReader reader(String format, byte[] data) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format + " in this JVM");
        }
        ImageReader reader = readers.next();
        // In memory: ImageIO.createImageInputStream would copy the entry to a temporary file first (its default cache).
        ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data));
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
     * The image {@code read(0)} would create, except for the usual colour JPEG: {@code read(0)} would give a
     * {@code TYPE_3BYTE_BGR} image, and the JDK's reader then copies every decoded row into it pixel by pixel (in Java:
     * libjpeg writes R, G, B); an sRGB image that stores R, G, B in libjpeg's order gets the same values with one array
     * copy per row, which halves the decoding time of a process's first composition.
     */
    static BufferedImage destination(ImageReader reader, int width, int height) {
        try {
            ImageTypeSpecifier first = reader.getImageTypes(0).next();
            if (first.getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR) {
                ColorModel rgb = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                        Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
                WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height,
                        width * 3, 3, new int[] {0, 1, 2}, null);
                return new BufferedImage(rgb, raster, false, null);
            }
            return first.createBufferedImage(width, height);
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
