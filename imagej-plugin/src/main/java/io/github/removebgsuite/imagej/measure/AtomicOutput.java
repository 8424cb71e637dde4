package io.github.removebgsuite.imagej.measure;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/** Writes a file the safe way: into a temporary file next to it, then moved over it, so no reader sees half of it. */
public final class AtomicOutput {

    /** Writes the temporary file. */
    @FunctionalInterface
    public interface Writer {
        /** Writes the content to {@code temp}. */
        void write(Path temp) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicOutput() {
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param target the file to create or replace
     * @param suffix the temporary file's ending (writers that choose their format by extension need it)
     * @param writer writes the content into the temporary file it is given
     * @throws IOException when the folder cannot be written; then nothing is left behind
     */
    public static void write(Path target, String suffix, Writer writer) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: its owner-only permissions would stay on the output (a lab's shared folder would
        // get files its group cannot read); a new file gets the umask's, like every file ImageJ saves itself.
        Path temp = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                + ".tmp" + suffix);
        Files.createFile(temp);
        try {
            writer.write(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
