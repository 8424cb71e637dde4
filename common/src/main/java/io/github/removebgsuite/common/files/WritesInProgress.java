package io.github.removebgsuite.common.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The temporary files of {@link AtomicFiles} writes in progress, so that {@link #shutDown()} can delete them when the
 * JVM ends mid-write. Creating a file and shutting down take the same lock, so no file can appear after a shut-down:
 * one created before is in the set it deletes, and a write started after fails before it creates one.
 */
final class WritesInProgress {
    private final Set<Path> temporaryFiles = new HashSet<>();
    private boolean shutDown;

    /** Creates {@code temp}, a new file, for writing {@code target}, and registers it. */
    synchronized FileChannel create(Path temp, Path target) throws IOException {
        if (shutDown) {
            throw new IOException("Not writing " + target + ": this JVM is shutting down");
        }
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        temporaryFiles.add(temp);
        return channel;
    }

    /** Forgets {@code temp}: moved into place or deleted. */
    synchronized void finished(Path temp) {
        temporaryFiles.remove(temp);
    }

    /** Deletes every registered temporary file and refuses later writes; returns how many files were deleted. */
    synchronized int shutDown() {
        shutDown = true;
        int deleted = 0;
        for (Path temp : temporaryFiles) {
            try {
                if (Files.deleteIfExists(temp)) {
                    deleted++;
                }
            } catch (IOException e) {
                // Nothing left to report to in a JVM that is ending; the next run's sweep deletes it.
            }
        }
        temporaryFiles.clear();
        return deleted;
    }

    /** The registered temporary files. */
    synchronized List<Path> temporaryFiles() {
        return new ArrayList<>(temporaryFiles);
    }
}
