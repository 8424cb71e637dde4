package io.github.removebgsuite.common.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesIntoNewFoldersAndReplacesAnOldFile() throws IOException {
        Path target = dir.resolve("a/b/out.png");
        AtomicFiles.write(target, out -> out.write(new byte[] {1, 2}));
        AtomicFiles.write(target, out -> out.write(new byte[] {3}));
        assertThat(Files.readAllBytes(target)).containsExactly(3);
        assertThat(listing(target.getParent())).containsExactly("out.png");
    }

    @Test
    void aFailureHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.png");
        Files.write(target, new byte[] {9});
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readAllBytes(target)).containsExactly(9);
        assertThat(listing(dir)).containsExactly("out.png");

        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("new.png"), out -> {
            throw new IllegalStateException("bad zip");
        })).hasMessage("bad zip");
        assertThat(listing(dir)).containsExactly("out.png");
    }

    private static java.util.List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
