package io.jenkins.plugins.removebg;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.util.Secret;
import hudson.util.StreamTaskListener;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** A temporary workspace with product shots, and a way to run the step on it and capture its log. */
final class StepFixture {
    final Path workspace;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    StepFixture(Path workspace) {
        this.workspace = workspace;
    }

    /**
     * Writes a small JPEG product shot: a plain light background with a dark subject whose position depends on
     * {@code seed}, so that every image has its own content (and its own SHA-256).
     */
    Path image(String relative, int seed) {
        BufferedImage img = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(235, 235, 235));
        g.fillRect(0, 0, 100, 80);
        g.setColor(new Color(40 + seed * 10 % 120, 60, 140));
        g.fillRect(30 + seed % 10, 20 + seed % 7, 40, 40);
        g.dispose();
        Path file = workspace.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(img, "jpg", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes a file with a JPEG name that is not an image. */
    Path notAnImage(String relative) throws IOException {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "this is not a JPEG, it only has the name of one\n");
        return file;
    }

    /** Runs the step's work (everything {@code perform} does after the credential lookup) with {@code key}. */
    StepResult run(RemoveBackgroundBuilder step, String key) throws IOException, InterruptedException {
        return run(step, key, new EnvVars());
    }

    StepResult run(RemoveBackgroundBuilder step, String key, EnvVars env) throws IOException, InterruptedException {
        StreamTaskListener listener = new StreamTaskListener(log, StandardCharsets.UTF_8);
        try {
            return step.perform(new FilePath(workspace.toFile()), env, listener, Secret.fromString(key));
        } finally {
            listener.getLogger().flush();
        }
    }

    /** Everything the step wrote to the build log so far. */
    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /**
     * Every regular file below {@code relative}, as workspace-relative paths with forward slashes, except the output
     * folder's lock file, which the core leaves in place by design (so that every process locks the same file).
     */
    List<String> filesUnder(String relative) throws IOException {
        Path dir = workspace.resolve(relative);
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(".removebg-manifest.json.lock"))
                    .map(p -> workspace.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
