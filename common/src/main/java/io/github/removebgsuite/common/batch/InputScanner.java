package io.github.removebgsuite.common.batch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tools.ant.DirectoryScanner;
import org.apache.tools.ant.types.selectors.SelectorUtils;

/**
 * Resolves a job's explicit inputs and Ant-style patterns into a de-duplicated, ordered list of image files, each with
 * the relative path its output mirrors. Ant's {@link DirectoryScanner} does the pattern matching (its default
 * excludes, such as {@code .git}, apply).
 */
final class InputScanner {
    /** The image types the API accepts, as the extensions folder and glob scans pick up (case-insensitively). */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp");
    private static final String[] IMAGE_PATTERNS = {"**/*.jpg", "**/*.jpeg", "**/*.png", "**/*.webp"};

    /**
     * One input.
     *
     * @param file the absolute, normalised file
     * @param relative the '/'-separated path its output mirrors, below the output folder
     * @param problem why it cannot be processed (a missing explicit file), or null
     */
    record Input(Path file, String relative, String problem) {
    }

    private final BatchJob job;
    private final Path base;
    private final List<String> excludes;
    private final Map<Path, Input> found = new LinkedHashMap<>();

    InputScanner(BatchJob job) {
        this.job = job;
        this.base = job.baseDirectory();
        this.excludes = job.excludes().stream().map(InputScanner::normalizePattern).toList();
    }

    List<Input> scan() {
        for (Path input : job.inputs()) {
            if (Files.isDirectory(input)) {
                // A folder's images go straight into the output folder, its subfolders mirrored below it.
                for (String name : scanDirectory(input, IMAGE_PATTERNS, false)) {
                    add(input.resolve(name).normalize(), input, true);
                }
            } else if (Files.isRegularFile(input)) {
                add(input, input.getParent(), false);
            } else if (!excluded(input)) {
                found.putIfAbsent(input, new Input(input, input.getFileName().toString(),
                        Files.exists(input) ? "not a regular file or folder" : "no such file or folder"));
            }
        }
        for (String pattern : job.includes()) {
            Glob glob = Glob.split(base, normalizePattern(pattern));
            if (!Files.isDirectory(glob.directory())) {
                continue;
            }
            for (String name : scanDirectory(glob.directory(), new String[] {glob.pattern()}, true)) {
                Path file = glob.directory().resolve(name).normalize();
                if (isImage(file)) {
                    add(file, glob.directory(), true);
                }
            }
        }
        return List.copyOf(found.values());
    }

    private void add(Path file, Path anchor, boolean scanned) {
        if (scanned && (file.startsWith(job.outputDirectory()) || file.equals(job.manifestFile()))) {
            return; // earlier results are never inputs
        }
        if (excluded(file)) {
            return;
        }
        Path key = realPath(file);
        if (!found.containsKey(key)) {
            found.put(key, new Input(file, mirroredPath(file, anchor), null));
        }
    }

    /**
     * The output's path below the output folder: an explicit file by its name, a folder's image below that folder, a
     * glob's match below the base folder (or, outside it, below the glob's fixed folder part).
     */
    private String mirroredPath(Path file, Path anchor) {
        Path relative;
        if (job.inputs().contains(anchor) && file.startsWith(anchor)) {
            relative = anchor.relativize(file);
        } else if (job.inputs().contains(file)) {
            relative = file.getFileName();
        } else if (file.startsWith(base) && !file.equals(base)) {
            relative = base.relativize(file);
        } else if (anchor != null && file.startsWith(anchor) && !file.equals(anchor)) {
            relative = anchor.relativize(file);
        } else {
            relative = file.getFileName();
        }
        return slashes(relative);
    }

    private boolean excluded(Path file) {
        if (excludes.isEmpty()) {
            return false;
        }
        String path = file.startsWith(base) ? slashes(base.relativize(file)) : slashes(file);
        for (String pattern : excludes) {
            if (SelectorUtils.matchPath(pattern, path, true)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> scanDirectory(Path dir, String[] patterns, boolean caseSensitive) {
        DirectoryScanner scanner = new DirectoryScanner();
        scanner.setBasedir(dir.toFile());
        scanner.setIncludes(patterns);
        scanner.setCaseSensitive(caseSensitive);
        scanner.addDefaultExcludes();
        scanner.scan();
        String[] files = scanner.getIncludedFiles();
        // DirectoryScanner's order follows File.list(), which differs between file systems: sort for reproducibility.
        List<String> names = new ArrayList<>(Arrays.asList(files));
        names.replaceAll(n -> n.replace(File.separatorChar, '/'));
        names.sort(null);
        return names;
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file;
        }
    }

    private static String slashes(Path path) {
        return path.toString().replace(File.separatorChar, '/');
    }

    /** Ant's own convention: backslashes are separators too, and a trailing separator means everything below. */
    static String normalizePattern(String pattern) {
        String p = pattern.trim().replace('\\', '/');
        return p.endsWith("/") ? p + "**" : p;
    }

    /**
     * A pattern split at its first wildcard segment: the fixed folder part is where the scan starts (so
     * {@code ../shots/**&#47;*.png} and absolute patterns work), the rest is matched below it.
     */
    record Glob(Path directory, String pattern) {
        static Glob split(Path base, String pattern) {
            String[] segments = pattern.split("/", -1);
            StringBuilder fixed = new StringBuilder(pattern.startsWith("/") ? "/" : "");
            int i = 0;
            for (; i < segments.length - 1; i++) {
                String s = segments[i];
                if (s.indexOf('*') >= 0 || s.indexOf('?') >= 0) {
                    break;
                }
                if (!s.isEmpty()) {
                    fixed.append(s).append('/');
                }
            }
            String rest = String.join("/", Arrays.asList(segments).subList(i, segments.length));
            Path dir = fixed.length() == 0 ? base : base.resolve(fixed.toString()).normalize();
            return new Glob(dir, rest);
        }
    }
}
