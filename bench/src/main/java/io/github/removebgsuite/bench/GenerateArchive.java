package io.github.removebgsuite.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes a remove.bg-like ZIP for the benchmark, of one of three kinds that stress the composer differently:
 * <ul>
 *   <li>{@code photo}: a photo-like colour JPEG (smooth lighting, texture, ±8 levels of sensor noise, objects with
 *       sharp outlines) and an 8-bit matte that is solid inside, soft at the hair and hard at the object's edges;</li>
 *   <li>{@code plasma}: smooth gradients, a plasma fractal (diamond-square, one field per channel) under a soft
 *       elliptical matte: cheap to decode and very compressible, so fixed costs and deflate speed dominate;</li>
 *   <li>{@code product}: a mostly transparent product shot: a shaded bottle with a printed label on a near-white
 *       studio backdrop, a hard matte covering about a sixth of the frame.</li>
 * </ul>
 * Every {@code color.jpg} has 300 dpi in its JFIF header and quality 0.9.
 *
 * <p>Usage: {@code GenerateArchive [photo|plasma|product] WIDTH HEIGHT OUT.zip} (the kind defaults to {@code photo}).
 * Deterministic: the same arguments give the same bytes.
 */
public final class GenerateArchive {

    private GenerateArchive() {
    }

    /** Entry point; see the class description. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: GenerateArchive [photo|plasma|product] WIDTH HEIGHT OUT.zip");
            System.exit(2);
        }
        String kind = args.length == 4 ? args[0] : "photo";
        int a = args.length - 3;
        int width = Integer.parseInt(args[a]);
        int height = Integer.parseInt(args[a + 1]);
        Path out = Path.of(args[a + 2]).toAbsolutePath();
        byte[] jpeg;
        byte[] png;
        switch (kind) {
            case "photo" -> {
                jpeg = jpeg(color(width, height));
                png = png(matte(width, height));
            }
            case "plasma" -> {
                jpeg = jpeg(SyntheticScenes.plasma(width, height, 0x5EED_0001L));
                png = png(SyntheticScenes.ellipseMatte(width, height));
            }
            case "product" -> {
                jpeg = jpeg(SyntheticScenes.product(width, height));
                png = png(SyntheticScenes.productMatte(width, height));
            }
            default -> {
                System.err.println("unknown kind " + kind + "; expected photo, plasma or product");
                System.exit(2);
                return;
            }
        }
        Files.createDirectories(out.getParent());
        Path temp = Files.createTempFile(out.getParent(), ".archive", ".part");
        try (OutputStream file = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("color.jpg"));
            zip.write(jpeg);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("alpha.png"));
            zip.write(png);
            zip.closeEntry();
        }
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("%s (%s): %dx%d, color.jpg %d bytes, alpha.png %d bytes%n", out.getFileName(), kind, width,
                height, jpeg.length, png.length);
    }

    private static BufferedImage color(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        long seed = 0x9E3779B97F4A7C15L;
        double cx = width * 0.5;
        double cy = height * 0.55;
        double r = Math.min(width, height) * 0.35;
        for (int y = 0; y < height; y++) {
            int row = y * width * 3;
            double fy = (double) y / height;
            for (int x = 0; x < width; x++) {
                double fx = (double) x / width;
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int noise = (int) ((seed >>> 59) & 15) - 8;
                double light = 0.55 + 0.45 * Math.sin(fx * 2.1 + 0.3) * Math.cos(fy * 1.7);
                double texture = 10 * Math.sin(x * 0.05 + Math.sin(y * 0.013) * 6) + 6 * Math.cos(y * 0.07);
                double dx = x - cx;
                double dy = y - cy;
                boolean inside = dx * dx + dy * dy < r * r;
                boolean box = fx > 0.08 && fx < 0.3 && fy > 0.6 && fy < 0.9;
                double red;
                double green;
                double blue;
                if (inside) {
                    red = 200 * light + texture;
                    green = 90 * light + texture / 2;
                    blue = 60 * light;
                } else if (box) {
                    red = 40 + texture;
                    green = 110 * light;
                    blue = 180 * light + texture;
                } else {
                    red = 150 + 60 * fy + texture / 3;
                    green = 160 + 50 * fy;
                    blue = 170 + 40 * fx;
                }
                int o = row + x * 3;
                data[o] = clamp(blue + noise);
                data[o + 1] = clamp(green + noise);
                data[o + 2] = clamp(red + noise);
            }
        }
        return image;
    }

    private static BufferedImage matte(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        double cx = width * 0.5;
        double cy = height * 0.55;
        double r = Math.min(width, height) * 0.35;
        double soft = Math.min(width, height) * 0.02;
        for (int y = 0; y < height; y++) {
            double fy = (double) y / height;
            for (int x = 0; x < width; x++) {
                double fx = (double) x / width;
                double d = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) - r;
                double a;
                if (y < cy) {
                    // the top half: a soft, wavy edge, like hair
                    double wave = soft * Math.sin(x * 0.02);
                    a = Math.max(0, Math.min(1, 0.5 - (d + wave) / soft));
                } else {
                    a = d < 0 ? 1 : 0; // the bottom half: a hard edge
                }
                if (fx > 0.08 && fx < 0.3 && fy > 0.6 && fy < 0.9) {
                    a = 1; // a second object with hard edges
                }
                data[y * width + x] = (byte) Math.round(a * 255);
            }
        }
        return image;
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        String format = "javax_imageio_jpeg_image_1.0";
        Node tree = metadata.getAsTree(format);
        Element jfif = (Element) ((Element) tree).getElementsByTagName("app0JFIF").item(0);
        jfif.setAttribute("resUnits", "1");
        jfif.setAttribute("Xdensity", "300");
        jfif.setAttribute("Ydensity", "300");
        metadata.setFromTree(format, tree);
        return write(writer, new IIOImage(image, null, metadata), param);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        return write(writer, new IIOImage(image, null, null), writer.getDefaultWriteParam());
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
}
