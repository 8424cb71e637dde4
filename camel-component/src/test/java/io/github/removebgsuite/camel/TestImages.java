package io.github.removebgsuite.camel;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small, real test images: a coloured subject on a plain background, so the emulator finds a foreground. */
final class TestImages {

    private TestImages() {
    }

    /** A PNG of the given size with a subject whose colour depends on {@code seed}, so every seed has new bytes. */
    static byte[] png(int width, int height, int seed) {
        return encode(image(width, height, seed), "png");
    }

    /** A JPEG of the given size (see {@link #png}). */
    static byte[] jpeg(int width, int height, int seed) {
        return encode(image(width, height, seed), "jpg");
    }

    private static BufferedImage image(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(40 + (seed * 37) % 160, 20 + (seed * 53) % 120, 30 + (seed * 91) % 180));
            g.fillOval(width / 4, height / 4, width / 2, height / 2);
            // one pixel that differs per seed, beyond the colour's 160 variants
            image.setRGB(width / 2, height / 2, seed & 0xffffff);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Whether the bytes are a PNG whose pixels include transparent ones (the subject was cut out). */
    static boolean isTransparentPng(byte[] bytes) throws IOException {
        if (bytes.length < 8 || bytes[0] != (byte) 0x89 || bytes[1] != 'P') {
            return false;
        }
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        if (image == null || !image.getColorModel().hasAlpha()) {
            return false;
        }
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) == 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
