package io.github.removebgsuite.common.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.common.batch.InputScanner.Input;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputScannerTest {
    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1, 2, 3});
        return file;
    }

    private List<Input> scan(BatchJob.Builder job) {
        return new InputScanner(job.build()).scan();
    }

    private static List<String> relatives(List<Input> inputs) {
        return inputs.stream().map(Input::relative).toList();
    }

    @Test
    void folderIsSearchedRecursivelyForImagesOnlyInSortedOrderAndSkipsTheOutputFolder() throws IOException {
        touch("shots/b.png");
        touch("shots/a.JPG");
        touch("shots/deep/c.webp");
        touch("shots/deep/d.jpeg");
        touch("shots/notes.txt");
        touch("shots/out/a.png"); // an earlier run's result inside the scanned folder
        List<Input> inputs = scan(BatchJob.builder().baseDirectory(dir).inputs(List.of(Path.of("shots")))
                .outputDirectory(dir.resolve("shots/out")));
        assertThat(relatives(inputs))
                .as("a folder's images go straight into the output folder, its subfolders mirrored")
                .containsExactly("a.JPG", "b.png", "deep/c.webp", "deep/d.jpeg");
        assertThat(inputs).allSatisfy(i -> assertThat(i.problem()).isNull());
    }

    @Test
    void globsIncludeAndExcludeRelativeToTheBaseFolder() throws IOException {
        touch("assets/hero.jpg");
        touch("assets/drafts/wip.jpg");
        touch("assets/icons/logo.png");
        touch("assets/icons/logo.jpg.bak");
        touch("other/x.jpg");
        List<Input> inputs = scan(BatchJob.builder().baseDirectory(dir)
                .includes(List.of("assets/**/*.jpg", "assets/**/*.png")).excludes(List.of("assets/drafts/"))
                .outputDirectory(dir.resolve("out")));
        assertThat(relatives(inputs)).containsExactly("assets/hero.jpg", "assets/icons/logo.png");
    }

    @Test
    void excludesApplyToExplicitFilesAndFolderContentsToo() throws IOException {
        touch("a/keep.png");
        touch("a/skip-me.png");
        Path single = touch("b/skip-me.jpg");
        List<Input> inputs = scan(BatchJob.builder().baseDirectory(dir).inputs(List.of(dir.resolve("a"), single))
                .excludes(List.of("**/skip-*")).outputDirectory(dir.resolve("out")));
        assertThat(relatives(inputs)).containsExactly("keep.png");
    }

    @Test
    void theSameFileReachedTwiceIsListedOnce() throws IOException {
        Path file = touch("img/a.png");
        List<Input> inputs = scan(BatchJob.builder().baseDirectory(dir)
                .inputs(List.of(file, dir.resolve("img"))).includes(List.of("**/*.png"))
                .outputDirectory(dir.resolve("out")));
        assertThat(relatives(inputs)).as("an explicit file goes into the output folder by its name")
                .containsExactly("a.png");
    }

    @Test
    void inputsOutsideTheBaseKeepThePartBelowTheirFolderOrGlob(@TempDir Path elsewhere) throws IOException {
        Files.createDirectories(elsewhere.resolve("set/sub"));
        Files.write(elsewhere.resolve("set/sub/p.png"), new byte[] {1});
        Files.write(elsewhere.resolve("single.jpg"), new byte[] {1});
        Files.createDirectories(dir.resolve("base"));
        List<Input> inputs = scan(BatchJob.builder().baseDirectory(dir.resolve("base"))
                .inputs(List.of(elsewhere.resolve("set"), elsewhere.resolve("single.jpg")))
                .outputDirectory(dir.resolve("out")));
        assertThat(relatives(inputs)).containsExactly("sub/p.png", "single.jpg");

        List<Input> globbed = scan(BatchJob.builder().baseDirectory(dir.resolve("base"))
                .includes(List.of(elsewhere.toString().replace('\\', '/') + "/set/**/*.png"))
                .outputDirectory(dir.resolve("out")));
        assertThat(relatives(globbed)).containsExactly("sub/p.png");
        assertThat(globbed.get(0).file()).isEqualTo(elsewhere.resolve("set/sub/p.png"));
    }

    @Test
    void aMissingExplicitInputIsReportedNotDropped() {
        List<Input> inputs = scan(BatchJob.builder().baseDirectory(dir).inputs(List.of(Path.of("gone.jpg")))
                .outputDirectory(dir.resolve("out")));
        assertThat(inputs).singleElement().satisfies(i -> {
            assertThat(i.file()).isEqualTo(dir.resolve("gone.jpg"));
            assertThat(i.problem()).isEqualTo("no such file or folder");
        });
    }

    @Test
    void aGlobMatchingNothingOrANonexistentFolderYieldsNothing() {
        assertThat(scan(BatchJob.builder().baseDirectory(dir).includes(List.of("nope/**/*.jpg", "*.png"))
                .outputDirectory(dir.resolve("out")))).isEmpty();
    }

    @Test
    void globsAreSplitAtTheirFirstWildcardSegment() {
        Path base = Path.of("/base").toAbsolutePath();
        assertThat(InputScanner.Glob.split(base, "a/b/**/*.jpg"))
                .isEqualTo(new InputScanner.Glob(base.resolve("a/b"), "**/*.jpg"));
        assertThat(InputScanner.Glob.split(base, "*.jpg")).isEqualTo(new InputScanner.Glob(base, "*.jpg"));
        assertThat(InputScanner.Glob.split(base, "../x/p?.png"))
                .isEqualTo(new InputScanner.Glob(base.resolveSibling("x").normalize(), "p?.png"));
        assertThat(InputScanner.normalizePattern("drafts\\")).isEqualTo("drafts/**");
    }
}
