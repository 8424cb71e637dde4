package io.github.removebgsuite.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Writes remove.bg ZIP results ({@code color.jpg} + {@code alpha.png}) for the tests of {@code zip2png}. */
public final class ZipResults {
    private ZipResults() {
    }

    /** Writes {@code color} as {@code color.jpg} and {@code alpha} (greyscale) as {@code alpha.png} into {@code zip}. */
    public static Path write(Path zip, BufferedImage color, BufferedImage alpha) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("color.jpg"));
            ImageIO.write(color, "jpg", out);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("alpha.png"));
            ImageIO.write(alpha, "png", out);
            out.closeEntry();
        }
        return zip;
    }
}
