package io.github.removebgsuite.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Compares two images pixel by pixel (non-premultiplied ARGB as ImageIO decodes them). Prints {@code identical} and
 * exits 0, or prints the first difference and the count of differing pixels and exits 1.
 *
 * <p>Usage: {@code PixelCompare A.png B.png}.
 */
public final class PixelCompare {

    private PixelCompare() {
    }

    /** Entry point; see the class description. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PixelCompare A.png B.png");
            System.exit(2);
        }
        BufferedImage a = ImageIO.read(Path.of(args[0]).toFile());
        BufferedImage b = ImageIO.read(Path.of(args[1]).toFile());
        if (a == null || b == null) {
            System.out.println("unreadable: " + (a == null ? args[0] : args[1]));
            System.exit(1);
        }
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            System.out.printf("sizes differ: %dx%d vs %dx%d%n", a.getWidth(), a.getHeight(), b.getWidth(),
                    b.getHeight());
            System.exit(1);
        }
        if (a.getColorModel().hasAlpha() != b.getColorModel().hasAlpha()) {
            System.out.println("one image has alpha, the other not");
            System.exit(1);
        }
        int width = a.getWidth();
        int[] rowA = new int[width];
        int[] rowB = new int[width];
        long differing = 0;
        String first = null;
        for (int y = 0; y < a.getHeight(); y++) {
            a.getRGB(0, y, width, 1, rowA, 0, width);
            b.getRGB(0, y, width, 1, rowB, 0, width);
            for (int x = 0; x < width; x++) {
                if (rowA[x] != rowB[x]) {
                    differing++;
                    if (first == null) {
                        first = String.format("(%d,%d): %08x vs %08x", x, y, rowA[x], rowB[x]);
                    }
                }
            }
        }
        if (differing == 0) {
            System.out.println("identical");
        } else {
            System.out.println(differing + " pixels differ, first at " + first);
            System.exit(1);
        }
    }
}
