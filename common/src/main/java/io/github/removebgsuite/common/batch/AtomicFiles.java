package io.github.removebgsuite.common.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes files so that no reader ever sees a partial one: the content goes to a hidden temporary file in the target's
 * folder (same file system, so the move is a rename), which is then moved over the target. On any failure the
 * temporary file is deleted and the target is left as it was.
 */
final class AtomicFiles {

    /** Writes content to a stream; the stream is closed by the caller. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** The suffix of temporary files, which input scanning ignores. */
    static final String TEMP_SUFFIX = ".tmp";
    /** The names {@link #write} gives the temporary files of results, manifests and reports. */
    private static final Pattern LEFTOVER = Pattern.compile("\\..+\\.(png|jpg|webp|zip|json)\\.[0-9a-z]{1,13}\\.tmp");

    static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its owner-only permissions would end up on the output; this keeps the umask's.
        Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                + TEMP_SUFFIX);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                // On the disk before the rename: after a power cut the target is the old file or the whole new one.
                channel.force(false);
            }
            move(temp, absolute);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Deletes the temporary files a killed writer left below {@code folder}. Only for a caller that holds the folder's
     * lock: then no writer is active there, so every such file is a leftover.
     *
     * @return how many were deleted
     */
    static int sweepLeftovers(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> leftovers;
        try (Stream<Path> files = Files.walk(folder)) {
            leftovers = files.filter(f -> LEFTOVER.matcher(f.getFileName().toString()).matches())
                    .filter(Files::isRegularFile).toList();
        }
        for (Path leftover : leftovers) {
            Files.deleteIfExists(leftover);
        }
        return leftovers.size();
    }

    static void copy(Path source, Path target) throws IOException {
        write(target, out -> Files.copy(source, out));
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on unusual file systems; a plain replace is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
