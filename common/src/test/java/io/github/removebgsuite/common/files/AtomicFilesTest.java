package io.github.removebgsuite.common.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @Test
    void sweepingDeletesOnlyTheTemporaryFilesAKilledWriterLeft() throws IOException {
        Path nested = Files.createDirectories(dir.resolve("out/sub"));
        Path leftover = Files.writeString(nested.resolve(".a.png.1x2y3z.tmp"), "half");
        Path manifestLeftover = Files.writeString(dir.resolve("out/.removebg-manifest.json.k9.tmp"), "{");
        Path result = Files.writeString(nested.resolve("a.png"), "whole");
        Path foreign = Files.writeString(nested.resolve(".editor-swap.tmp"), "not ours");

        assertThat(AtomicFiles.sweepLeftovers(dir.resolve("out"))).isEqualTo(2);

        assertThat(leftover).doesNotExist();
        assertThat(manifestLeftover).doesNotExist();
        assertThat(result).hasContent("whole");
        assertThat(foreign).exists();
    }

    @Test
    void shuttingDownDeletesTheTemporaryFileOfAWriteInProgressAndRefusesLaterWrites() throws Exception {
        WritesInProgress writes = new WritesInProgress();
        Path target = dir.resolve("out.png");
        Files.write(target, new byte[] {9});
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> write = writer.submit(() -> {
                AtomicFiles.write(writes, target, AtomicFiles.Durability.FORCED, out -> {
                    out.write(new byte[100_000]);
                    out.flush();
                    writing.countDown();
                    await(release);
                });
                return null;
            });
            writing.await();
            assertThat(writes.temporaryFiles()).singleElement()
                    .satisfies(temp -> assertThat(temp).exists().hasParent(dir));

            assertThat(writes.shutDown()).isEqualTo(1);
            assertThat(listing(dir)).containsExactly("out.png");

            release.countDown();
            assertThatThrownBy(write::get).hasCauseInstanceOf(IOException.class);
            assertThat(Files.readAllBytes(target)).as("the old file stays").containsExactly(9);
            assertThat(listing(dir)).containsExactly("out.png");
        } finally {
            release.countDown();
            writer.shutdownNow();
        }

        assertThatThrownBy(() -> AtomicFiles.write(writes, dir.resolve("late.png"), AtomicFiles.Durability.FORCED, out -> out.write(1)))
                .isInstanceOf(IOException.class).hasMessageContaining("late.png").hasMessageContaining("shutting down");
        assertThat(listing(dir)).containsExactly("out.png");
        assertThat(writes.temporaryFiles()).isEmpty();
    }

    @Test
    void finishedAndFailedWritesAreForgotten() throws IOException {
        WritesInProgress writes = new WritesInProgress();
        AtomicFiles.write(writes, dir.resolve("a.png"), AtomicFiles.Durability.BUFFERED, out -> out.write(1));
        assertThatThrownBy(() -> AtomicFiles.write(writes, dir.resolve("b.png"), AtomicFiles.Durability.BUFFERED, out -> {
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(writes.temporaryFiles()).isEmpty();
        assertThat(writes.shutDown()).isZero();
        assertThat(listing(dir)).containsExactly("a.png");
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
        }
    }
}
