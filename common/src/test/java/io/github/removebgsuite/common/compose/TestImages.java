package io.github.removebgsuite.common.compose;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Builds small remove.bg-like ZIPs for the tests: a noisy colour JPEG and a matte with soft and hard edges. */
final class TestImages {

    private TestImages() {
    }

    static BufferedImage color(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(40)) & 0xff;
                int g = (y * 255 / height + random.nextInt(40)) & 0xff;
                int b = ((x + y) * 3 + random.nextInt(40)) & 0xff;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** A matte: 0 outside an ellipse, full inside, a soft ramp across part of it; 8 or 16 bits. */
    static BufferedImage alpha(int width, int height, int bits) {
        BufferedImage image = new BufferedImage(width, height,
                bits == 16 ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int max = (1 << bits) - 1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = (x - width / 2.0) / (width / 2.5);
                double dy = (y - height / 2.0) / (height / 2.5);
                double d = dx * dx + dy * dy;
                int value;
                if (d > 1) {
                    value = 0;
                } else if (x < width / 3) {
                    value = (int) Math.round(max * (1 - d) * x / (width / 3.0)) + (x * 7919 + y * 104729) % 3;
                } else {
                    value = max;
                }
                raster.setSample(x, y, 0, Math.max(0, Math.min(max, value)));
            }
        }
        return image;
    }

    /** A JPEG with a JFIF header; {@code resUnits} 0 (aspect only), 1 (dpi) or 2 (dots per cm). */
    static byte[] jpeg(BufferedImage image, int resUnits, int xDensity, int yDensity) {
        return jpeg(image, resUnits, xDensity, yDensity, false);
    }

    /** A JPEG with a JFIF header, baseline or progressive. */
    static byte[] jpeg(BufferedImage image, int resUnits, int xDensity, int yDensity, boolean progressive) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            Node tree = metadata.getAsTree(format);
            Element jfif = (Element) find(tree, "app0JFIF");
            jfif.setAttribute("resUnits", Integer.toString(resUnits));
            jfif.setAttribute("Xdensity", Integer.toString(xDensity));
            jfif.setAttribute("Ydensity", Integer.toString(yDensity));
            metadata.setFromTree(format, tree);
            return write(writer, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG, with a {@code pHYs} chunk in pixels per metre when {@code pixelsPerMetre > 0}. */
    static byte[] png(BufferedImage image, int pixelsPerMetre) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            if (pixelsPerMetre > 0) {
                String format = "javax_imageio_png_1.0";
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                phys.setAttribute("pixelsPerUnitXAxis", Integer.toString(pixelsPerMetre));
                phys.setAttribute("pixelsPerUnitYAxis", Integer.toString(pixelsPerMetre));
                phys.setAttribute("unitSpecifier", "meter");
                IIOMetadataNode root = new IIOMetadataNode(format);
                root.appendChild(phys);
                metadata.mergeTree(format, root);
            }
            return write(writer, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The two entries of a remove.bg ZIP, colour first. */
    static Map<String, byte[]> entries(byte[] color, byte[] alpha) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ZipComposer.COLOR_ENTRY, color);
        entries.put(ZipComposer.ALPHA_ENTRY, alpha);
        return entries;
    }

    /** A ZIP of the given entries, in order, deflated (sizes in data descriptors, not in the local headers). */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Node find(Node node, String name) {
        return HeaderDensity.find(node, name);
    }
}
