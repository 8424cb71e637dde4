package io.jenkins.plugins.removebg;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves the step's paths inside the workspace, on the node that holds it. A path that is absolute, climbs out with
 * {@code ..}, or leads outside through a symbolic link is refused: a build step must not write anywhere else.
 */
final class WorkspacePaths {
    private WorkspacePaths() {
    }

    /**
     * Checks the form of a workspace-relative path without touching the disk (for form validation on the controller).
     *
     * @return what is wrong, or null when the path looks fine
     */
    @CheckForNull
    static String checkRelative(String value) {
        Path p;
        try {
            p = Path.of(value);
        } catch (InvalidPathException e) {
            return "Not a valid path: " + e.getReason() + ".";
        }
        if (p.isAbsolute() || value.startsWith("/") || value.startsWith("\\") || value.matches("^[A-Za-z]:.*")) {
            return "Use a path relative to the workspace.";
        }
        Path normalized = p.normalize();
        if (normalized.startsWith("..")) {
            return "The path leads outside the workspace.";
        }
        return null;
    }

    /**
     * Resolves {@code relative} below {@code workspace} and proves that it stays there, following symbolic links of
     * the part that exists already.
     *
     * @param field the step field, named in the error
     * @throws AbortException when the path is not inside the workspace
     */
    static Path resolveInside(Path workspace, String relative, String field) throws IOException {
        String problem = checkRelative(relative);
        if (problem != null) {
            throw new AbortException("remove.bg: " + field + " '" + relative + "': " + problem);
        }
        Path root = workspace.toAbsolutePath().normalize();
        Path resolved = root.resolve(relative).normalize();
        Path realRoot = Files.exists(root) ? root.toRealPath() : root;
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            Path real = existing.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new AbortException("remove.bg: " + field + " '" + relative
                        + "' leads outside the workspace through a symbolic link.");
            }
        }
        if (!resolved.startsWith(root)) {
            throw new AbortException("remove.bg: " + field + " '" + relative + "' leads outside the workspace.");
        }
        return resolved;
    }
}
