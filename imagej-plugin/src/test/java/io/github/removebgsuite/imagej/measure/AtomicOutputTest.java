package io.github.removebgsuite.imagej.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path dir;

    @Test
    void theOutputGetsTheUmasksPermissionsNotATemporaryFilesOwnerOnlyOnes() throws IOException {
        Path target = dir.resolve("table.csv");
        AtomicOutput.write(target, ".csv", temp -> {
            assertThat(temp.getFileName().toString()).startsWith(".table.csv.").endsWith(".tmp.csv");
            Files.writeString(temp, "a,b\n");
        });
        Path plain = Files.createFile(dir.resolve("plain"));
        assertThat(target).hasContent("a,b");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("rois.zip"), "old");
        assertThatThrownBy(() -> AtomicOutput.write(target, ".zip", temp -> {
            Files.writeString(temp, "half");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(target).hasContent("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("rois.zip"));
        }
    }
}
