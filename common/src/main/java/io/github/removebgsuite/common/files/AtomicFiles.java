package io.github.removebgsuite.common.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes files so that no reader ever sees a partial one: the content goes to a hidden temporary file in the target's
 * folder ({@code .NAME.RANDOM.tmp}, same file system, so the move is a rename), which is forced to the disk (unless
 * the write is {@link Durability#BUFFERED}) and then moved over the target. On any failure the temporary file is
 * deleted and the target is left as it was.
 *
 * <p>A JVM that ends mid-write (a signal, {@code System.exit}) runs no {@code finally} block, so the temporary file
 * would stay. This class knows the temporary files of the writes in progress; a process that owns its JVM (the command
 * line) calls {@link #shutDown()} from a shutdown hook to delete them. A kill that runs no hook ({@code SIGKILL}, a
 * power cut) is covered by {@link #sweepLeftovers(Path)} in the next run that holds the folder. Long-lived hosts (Camel,
 * Jenkins, Fiji) need neither: their writes finish or fail within the JVM's life.
 */
public final class AtomicFiles {

    /** Writes content to a stream; the stream is closed by {@link #write}. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Whether a write waits for its content to reach the disk before it moves the file into place. */
    public enum Durability {
        /**
         * Forced to the disk before the move: after a power cut the target is the old file or the whole new one. For
         * what cost money or cannot be made again: paid results, the manifest.
         */
        FORCED,
        /**
         * Left to the operating system to write back: as atomic for every reader, but a power cut soon after may leave
         * the target empty. For what can be made again for free, such as a PNG composed from a ZIP kept on disk; it
         * saves the wait for the disk (30-150 ms for a 4-30 MB PNG here).
         */
        BUFFERED
    }

    /** The suffix of the temporary files {@link #write} creates. */
    private static final String TEMP_SUFFIX = ".tmp";

    /** The names {@link #write} gives the temporary files of results, manifests and reports. */
    private static final String LEFTOVER = "\\..+\\.(png|jpg|webp|zip|json)\\.[0-9a-z]{1,13}\\.tmp";

    /** This JVM's writes in progress. */
    private static final WritesInProgress IN_PROGRESS = new WritesInProgress();

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to {@code target} atomically and {@link Durability#FORCED forced} to the disk, creating
     * missing parent folders and replacing an existing target. After a power cut the target is either the old file or
     * the whole new one.
     *
     * @throws IOException if writing fails (the target is then unchanged and no temporary file is left), or if
     *         {@link #shutDown()} was called
     */
    public static void write(Path target, Content content) throws IOException {
        write(target, Durability.FORCED, content);
    }

    /**
     * Writes {@code content} to {@code target} atomically, with the given durability, creating missing parent folders
     * and replacing an existing target.
     *
     * @throws IOException if writing fails (the target is then unchanged and no temporary file is left), or if
     *         {@link #shutDown()} was called
     */
    public static void write(Path target, Durability durability, Content content) throws IOException {
        write(IN_PROGRESS, target, durability, content);
    }

    /** {@link #write(Path, Durability, Content)}, registering the write in {@code writes}. */
    static void write(WritesInProgress writes, Path target, Durability durability, Content content)
            throws IOException {
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its owner-only permissions would end up on the output; this keeps the umask's.
        // Unique, not secret: CREATE_NEW refuses a name that exists (or a link planted under it). Not SecureRandom,
        // whose first use reads the security providers: 10-30 ms at the start of every zip2png.
        Path temp = dir.resolve("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + TEMP_SUFFIX);
        boolean moved = false;
        try {
            try (FileChannel channel = writes.create(temp, absolute)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                if (durability == Durability.FORCED) {
                    // On the disk before the rename: after a power cut the target is the old file or the whole new one.
                    channel.force(false);
                }
            }
            move(temp, absolute);
            moved = true;
        } finally {
            try {
                if (!moved) {
                    Files.deleteIfExists(temp);
                }
            } finally {
                writes.finished(temp);
            }
        }
    }

    /** Copies {@code source} to {@code target} atomically, as {@link #write} does. */
    public static void copy(Path source, Path target) throws IOException {
        Objects.requireNonNull(source, "source");
        write(target, out -> Files.copy(source, out));
    }

    /**
     * Deletes the temporary files of the writes still in progress in this JVM, and makes every later {@link #write}
     * fail before it creates a file. For a shutdown hook of a process that owns its JVM, when the JVM ends before those
     * writes finish; the targets keep their old content (or stay absent).
     *
     * @return how many temporary files were deleted
     */
    public static int shutDown() {
        return IN_PROGRESS.shutDown();
    }

    /**
     * Deletes the temporary files a killed writer left below {@code folder}. Only for a caller that holds the folder's
     * lock: then no writer is active there, so every such file is a leftover.
     *
     * @return how many were deleted
     */
    public static int sweepLeftovers(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        Pattern ours = Pattern.compile(LEFTOVER);
        List<Path> leftovers;
        try (Stream<Path> files = Files.walk(folder)) {
            leftovers = files.filter(f -> ours.matcher(f.getFileName().toString()).matches())
                    .filter(Files::isRegularFile).toList();
        }
        for (Path leftover : leftovers) {
            Files.deleteIfExists(leftover);
        }
        return leftovers.size();
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
