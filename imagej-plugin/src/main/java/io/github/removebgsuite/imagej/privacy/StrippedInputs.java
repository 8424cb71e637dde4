package io.github.removebgsuite.imagej.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A private temporary copy of a folder's JPG, PNG and WebP images with their identifying metadata removed
 * ({@link MetadataStripper}), under the same relative paths, so a batch over it writes the same output names and
 * applies the same include and exclude patterns. Closing it deletes the copy.
 */
public final class StrippedInputs implements AutoCloseable {

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp");

    private final Path source;
    private final Path root;

    private StrippedInputs(Path source, Path root) {
        this.source = source;
        this.root = root;
    }

    /**
     * Copies the images below {@code source} (leaving out {@code exclude}, the output folder, when it lies inside)
     * into a new temporary folder, stripped.
     *
     * @throws IOException when a file cannot be read or the copy cannot be written; nothing is left behind then
     */
    public static StrippedInputs stage(Path source, Path exclude) throws IOException {
        Path root = Files.createTempDirectory("removebg-fiji-upload-");
        StrippedInputs staged = new StrippedInputs(source, root);
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return exclude != null && dir.equals(exclude) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile() && isImage(file)) {
                        Path copy = root.resolve(source.relativize(file).toString());
                        Files.createDirectories(copy.getParent());
                        Files.write(copy, MetadataStripper.strip(Files.readAllBytes(file)));
                        Files.setLastModifiedTime(copy, attributes.lastModifiedTime());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            staged.close();
            throw e;
        }
        return staged;
    }

    /** The folder holding the stripped copies. */
    public Path root() {
        return root;
    }

    /** The original file a stripped copy was made from; other paths are returned unchanged. */
    public Path original(Path copy) {
        Path absolute = copy.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? source.resolve(root.relativize(absolute).toString()) : copy;
    }

    /** Deletes the copies. */
    @Override
    public void close() {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the temporary upload copies in " + root, e);
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
