package io.github.removebgsuite.emulator;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Reading and writing the image formats of the API with ImageIO: JPG, PNG and WebP in (WebP through the
 * {@code webp-imageio} plug-in), PNG, JPG, WebP and ZIP ({@code color.jpg} + {@code alpha.png}) out. Pixels travel as
 * non-premultiplied ARGB {@code int[]} rasters.
 */
final class ImageCodec {
    /** Largest accepted input file, in bytes (22 MB). */
    static final long MAX_FILE_BYTES = 22L * 1000 * 1000;
    /** Largest accepted input resolution, in pixels (50 megapixels). */
    static final long MAX_INPUT_PIXELS = 50_000_000L;

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private ImageCodec() {
    }

    /** An ARGB raster. */
    record Raster(int width, int height, int[] argb) {
        long pixels() {
            return (long) width * height;
        }
    }

    /** Width and height from the header only, or the documented 400 when the bytes are not a usable image. */
    static int[] probe(byte[] bytes, String source) throws ApiError {
        if (bytes.length > MAX_FILE_BYTES) {
            throw ApiError.badRequest("file_too_large", "File too large",
                    "The " + source + " is " + bytes.length + " bytes; the maximum is 22 MB.");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw invalidType(source);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!(format.contains("jpeg") || format.contains("jpg") || format.contains("png")
                        || format.contains("webp"))) {
                    throw invalidType(source);
                }
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw ApiError.badRequest("invalid_dimensions", "Invalid image dimensions",
                            "The " + source + " has no pixels.");
                }
                if ((long) width * height > MAX_INPUT_PIXELS) {
                    throw ApiError.badRequest("resolution_too_high", "Input image resolution too high",
                            "The " + source + " is " + width + "x" + height + "; the maximum is 50 megapixels.");
                }
                return new int[] {width, height};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw ApiError.badRequest("invalid_dimensions", "Invalid image dimensions",
                    "The dimensions of the " + source + " could not be read.");
        }
    }

    private static ApiError invalidType(String source) {
        return ApiError.badRequest("invalid_file_type", "Invalid file type",
                "The " + source + " is not a JPG, PNG or WebP image.");
    }

    /**
     * Decodes an image, subsampled on read when it is far larger than {@code maxPixels} so that a 25 MP input for a
     * preview is cheap, then scaled to fit {@code maxPixels} (never up).
     */
    static Raster decode(byte[] bytes, long maxPixels, String source) throws ApiError {
        int[] size = probe(bytes, source);
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.floor(Math.sqrt((double) size[0] * size[1] / maxPixels));
                if (step >= 2) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                image = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw invalidType(source);
        }
        return fit(toArgb(image), maxPixels);
    }

    /** The image as an ARGB raster (drawn once into an INT_ARGB image whose array is then used directly). */
    static Raster toArgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = copy.createGraphics();
        g.setComposite(java.awt.AlphaComposite.Src);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return new Raster(w, h, ((DataBufferInt) copy.getRaster().getDataBuffer()).getData());
    }

    /** Scales the raster down (aspect kept) to at most {@code maxPixels}; returns it unchanged when it fits. */
    static Raster fit(Raster raster, long maxPixels) {
        if (raster.pixels() <= maxPixels) {
            return raster;
        }
        double f = Math.sqrt((double) maxPixels / raster.pixels());
        int w = Math.max(1, (int) Math.floor(raster.width() * f));
        int h = Math.max(1, (int) Math.floor(raster.height() * f));
        while ((long) w * h > maxPixels) {
            if (w >= h) {
                w--;
            } else {
                h--;
            }
        }
        return resize(raster, w, h);
    }

    /** Bilinear resize to exactly {@code w} x {@code h}. */
    static Raster resize(Raster raster, int w, int h) {
        BufferedImage source = toImage(raster);
        BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setComposite(java.awt.AlphaComposite.Src);
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        return new Raster(w, h, ((DataBufferInt) target.getRaster().getDataBuffer()).getData());
    }

    /** A view of the raster as an INT_ARGB image, sharing its array (no per-pixel copy). */
    static BufferedImage toImage(Raster raster) {
        DataBufferInt buffer = new DataBufferInt(raster.argb(), raster.argb().length);
        DirectColorModel model = (DirectColorModel) ColorModel.getRGBdefault();
        WritableRaster pixels = java.awt.image.Raster.createPackedRaster(buffer, raster.width(), raster.height(),
                raster.width(), model.getMasks(), null);
        return new BufferedImage(model, pixels, false, null);
    }

    /** True when any pixel is not fully opaque. */
    static boolean hasTransparency(Raster raster) {
        for (int p : raster.argb()) {
            if (p >>> 24 != 0xff) {
                return true;
            }
        }
        return false;
    }

    /** PNG with alpha (or greyscale when {@code grey}). */
    static byte[] png(Raster raster, boolean grey) throws IOException {
        return write(grey ? greyImage(raster) : toImage(raster), "png", null);
    }

    /** WebP with alpha: lossy colour at quality 0.9 (lossless is several times slower on large images). */
    static byte[] webp(Raster raster) throws IOException {
        return write(toImage(raster), "webp", "Lossy");
    }

    /** JPG: transparency flattened onto white (JPG has none). */
    static byte[] jpg(Raster raster, boolean grey) throws IOException {
        if (grey) {
            return write(greyImage(raster), "jpg", null);
        }
        BufferedImage rgb = new BufferedImage(raster.width(), raster.height(), BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        int[] in = raster.argb();
        for (int i = 0; i < in.length; i++) {
            int a = in[i] >>> 24;
            int r = ((in[i] >> 16 & 0xff) * a + 255 * (255 - a)) / 255;
            int g = ((in[i] >> 8 & 0xff) * a + 255 * (255 - a)) / 255;
            int b = ((in[i] & 0xff) * a + 255 * (255 - a)) / 255;
            out[i] = r << 16 | g << 8 | b;
        }
        return write(rgb, "jpg", null);
    }

    /** The documented ZIP: exactly {@code color.jpg} (the RGB channels) and {@code alpha.png} (8-bit grey matte). */
    static byte[] zip(Raster raster) throws IOException {
        int[] in = raster.argb();
        BufferedImage color = new BufferedImage(raster.width(), raster.height(), BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) color.getRaster().getDataBuffer()).getData();
        BufferedImage alpha = new BufferedImage(raster.width(), raster.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] matte = ((DataBufferByte) alpha.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < in.length; i++) {
            rgb[i] = in[i] & 0xffffff;
            matte[i] = (byte) (in[i] >>> 24);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("color.jpg"));
            zip.write(write(color, "jpg", null));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("alpha.png"));
            zip.write(write(alpha, "png", null));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** The alpha channel as an 8-bit grey image (white = foreground). */
    static BufferedImage greyImage(Raster raster) {
        BufferedImage grey = new BufferedImage(raster.width(), raster.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int[] in = raster.argb();
        for (int i = 0; i < in.length; i++) {
            data[i] = (byte) (in[i] & 0xff);
        }
        return grey;
    }

    private static byte[] write(BufferedImage image, String format, String compressionType) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("no ImageIO writer for " + format);
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.92f);
            } else if (compressionType != null && param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compressionType);
                param.setCompressionQuality(0.9f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
