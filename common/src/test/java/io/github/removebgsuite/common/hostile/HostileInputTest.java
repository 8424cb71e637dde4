package io.github.removebgsuite.common.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.common.batch.BatchEngine;
import io.github.removebgsuite.common.batch.BatchItem;
import io.github.removebgsuite.common.batch.BatchJob;
import io.github.removebgsuite.common.batch.BatchReport;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile answers and inputs (issue #8): each is refused with a clear error, and memory stays bounded, proven by
 * running them in a child JVM whose heap is 48 MB (a ZIP bomb inflating to 400 MB, a 100000 x 100000 PNG header, a
 * 50 GB Content-Length, a file that is not an image); and a folder link that would lead a result out of the output
 * folder.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    @Test
    void hostileInputsAreRefusedInA48MegabyteHeap() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                HostileInputMain.class.getName(), dir.toString()));
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = child.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }
        String output = Files.readString(log);

        assertThat(exited).as(output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("ACCEPTED").doesNotContain("OutOfMemoryError")
                .contains("refused 5 of 5")
                .containsPattern("refused zip bomb: .*alpha\\.png")
                .containsPattern("refused 100000x100000 png as input: .*50 megapixels")
                .containsPattern("refused 100000x100000 alpha in a zip: .*")
                .containsPattern("refused input that is not an image: .*JPG, PNG or WebP")
                .containsPattern("refused enormous Content-Length: .*");
    }

    @Test
    void aLinkInsideTheOutputFolderCannotLeadAResultOutOfIt() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/sub"));
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillOval(15, 10, 30, 20);
        ImageIO.write(image, "jpg", in.resolve("a.jpg").toFile());
        Path out = Files.createDirectories(dir.resolve("out"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("sub"), elsewhere);

        try (RemoveBgEmulator emulator = RemoveBgEmulator.builder().port(0).apiKey("k", new BigDecimal("5"))
                .build().start();
                RemoveBgClient client = RemoveBgClient.builder().apiKey("k").baseUrl(emulator.baseUrl()).build()) {
            BatchReport report = new BatchEngine(client).run(BatchJob.builder().baseDirectory(dir.resolve("in"))
                    .inputs(List.of(dir.resolve("in"))).outputDirectory(out).options(RemoveBgOptions.defaults())
                    .build());

            assertThat(report.items()).singleElement().satisfies(item -> {
                assertThat(item.outcome()).isEqualTo(BatchItem.Outcome.FAILED);
                assertThat(item.message()).hasValueSatisfying(m -> assertThat(m).contains("outside the output folder"));
            });
        }
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }
}
