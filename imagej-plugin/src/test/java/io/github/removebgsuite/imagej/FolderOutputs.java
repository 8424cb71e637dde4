package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.Charge;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Checks shared by the folder tests: what is on disk, and what the emulator charged. */
final class FolderOutputs {

    /** Every specimen of the run gets its own colour, so no two tests share an image (or a charge). */
    private static final AtomicInteger SEEDS = new AtomicInteger();

    private FolderOutputs() {
    }

    /** Writes {@code count} distinct specimens below {@code folder}, the last one in a subfolder. */
    static List<Path> specimens(Path folder, int count) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = i == count - 1 && count > 1 ? folder.resolve("sub").resolve("s" + i + ".png")
                    : folder.resolve("s" + i + ".png");
            files.add(TestImages.writePng(file, SEEDS.getAndIncrement()));
        }
        return files;
    }

    /** Every regular file below a folder. */
    static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that the output folder holds only whole results (each a decodable RGBA PNG of the input's size) plus
     * the manifest, its lock file, the report and the results table, and returns the results.
     */
    static List<Path> assertOnlyWholeResults(Path output) throws IOException {
        List<Path> results = new java.util.ArrayList<>();
        for (Path file : files(output)) {
            String name = file.getFileName().toString();
            if (name.equals(RemoveBackgroundFolderCommand.REPORT_NAME) || name.equals(".removebg-manifest.json")
                    || name.equals(".removebg-manifest.json.lock")
                    || name.equals(RemoveBackgroundFolderCommand.RESULTS_NAME)) {
                continue;
            }
            assertThat(name).as("only finished PNG results in " + output).endsWith(".png");
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image).as("a whole image: " + file).isNotNull();
            assertThat(image.getWidth()).isEqualTo(TestImages.WIDTH);
            assertThat(image.getHeight()).isEqualTo(TestImages.HEIGHT);
            assertThat(image.getColorModel().hasAlpha()).as("alpha kept in " + file).isTrue();
            results.add(file);
        }
        return results;
    }

    /** Asserts that no image was charged twice among the charges from index {@code from} on. */
    static void assertNoDoubleCharge(List<Charge> charges, int from) {
        Map<String, Long> perImage = charges.subList(from, charges.size()).stream()
                .collect(Collectors.groupingBy(Charge::imageSha256, Collectors.counting()));
        assertThat(perImage).allSatisfy((sha, count) -> assertThat(count).as("charges of " + sha).isEqualTo(1L));
    }

    /** Counts per key, for messages. */
    static <T> Map<T, Long> count(List<T> values) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
