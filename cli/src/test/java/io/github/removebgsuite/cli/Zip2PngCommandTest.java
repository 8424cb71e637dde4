package io.github.removebgsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code removebg zip2png} as a user meets it: a result composed, a missing ZIP and an unwritable target named. */
class Zip2PngCommandTest {
    @TempDir
    Path dir;

    @Test
    void composesTheZipNextToItAndSaysWhere() throws IOException {
        Path zip = zip(dir.resolve("shot.zip"));
        CliTestSupport.Run run = CliTestSupport.run("zip2png", zip.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path png = dir.resolve("shot.png");
        assertThat(run.out()).isEqualTo("Wrote " + png + System.lineSeparator());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        assertThat(image.getRGB(0, 0) >>> 24).as("the matte's black is transparent").isZero();
        assertThat(image.getRGB(3, 0) >>> 24).as("its white opaque").isEqualTo(255);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("shot.png", "shot.zip");
        }
    }

    @Test
    void aMissingZipIsABadParameterNamedBeforeAnyWork() {
        CliTestSupport.Run run = CliTestSupport.run("zip2png", dir.resolve("nothere.zip").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("ZIP").contains("nothere.zip").contains("an existing ZIP file");
    }

    @Test
    void aFileThatIsNoZipResultIsABadParameterNamedWithTheReason() throws IOException {
        Path jpeg = Files.write(dir.resolve("photo.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0});
        CliTestSupport.Run run = CliTestSupport.run("zip2png", jpeg.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("ZIP").contains("photo.jpg").contains("color.jpg and alpha.png")
                .contains("not a ZIP archive");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("photo.jpg");
        }
    }

    @Test
    void fileErrorsSayWhatWentWrongNotOnlyThePath() {
        assertThat(RemoveBgCommand.describe(new NoSuchFileException("out/a.png")))
                .isEqualTo("out/a.png: no such file or folder");
        assertThat(RemoveBgCommand.describe(new AccessDeniedException("/root/a.png")))
                .isEqualTo("/root/a.png: permission denied");
        assertThat(RemoveBgCommand.describe(new java.nio.file.FileSystemException("a.png", "b.png", "Read-only file "
                + "system"))).isEqualTo("a.png -> b.png: Read-only file system");
    }

    /** A 4x1 remove.bg ZIP result: grey colour, a matte black on the left half and white on the right. */
    private static Path zip(Path zip) throws IOException {
        BufferedImage color = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
        BufferedImage alpha = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 4; x++) {
            color.setRGB(x, 0, 0x808080);
            alpha.getRaster().setSample(x, 0, 0, x < 2 ? 0 : 255);
        }
        return ZipResults.write(zip, color, alpha);
    }
}
