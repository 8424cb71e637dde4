package io.github.removebgsuite.cli.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.removebgsuite.emulator.Charge;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Inputs, checks on output folders, and the emulator's own charge log, shared by the credit-safety tests. */
final class SafetyFixture {
    static final String KEY = "cli-safety-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetyFixture() {
    }

    /** {@code count} distinct small product shots named {@code img<i>.png}, different for every {@code seed}. */
    static void images(Path folder, int count, int seed) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(244, 244, 244));
            g.fillRect(0, 0, 120, 90);
            int k = seed * 31 + i;
            g.setColor(new Color((k * 53) % 200, 30 + (k * 29) % 170, (k * 17) % 220));
            g.fillRect(20 + i % 9, 15 + (k % 11), 60, 50);
            g.dispose();
            ImageIO.write(img, "png", folder.resolve("img" + i + ".png").toFile());
        }
    }

    /** The arguments that run a batch of {@code in} into {@code out} against the test's emulator. */
    static String[] remove(RemoveBgEmulator emulator, Path in, Path out, String... more) {
        Stream<String> base = Stream.of("remove", "--base-url", emulator.baseUrl(), "--api-key", KEY, "--size", "full",
                "--format", "png", "-o", out.toString());
        return Stream.concat(Stream.concat(base, Stream.of(more)), Stream.of(in.toString())).toArray(String[]::new);
    }

    /** How often the server charged each image content. */
    static Map<String, Long> chargesPerImage(RemoveBgEmulator emulator) {
        return emulator.charges().stream().collect(Collectors.groupingBy(Charge::imageSha256, Collectors.counting()));
    }

    /**
     * Nothing partial or corrupt below {@code out}: no temporary file, every PNG decodes, the manifest (when there is
     * one) parses. Returns the PNGs.
     */
    static List<Path> assertSound(Path out) throws IOException {
        return assertSound(out, false);
    }

    /**
     * As {@link #assertSound(Path)}; right after a kill, a hidden temporary file the killed writer was filling may
     * remain ({@code leftoversAllowed}): no reader takes it for a result, and the next run deletes it.
     */
    static List<Path> assertSound(Path out, boolean leftoversAllowed) throws IOException {
        if (!Files.exists(out)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        if (!leftoversAllowed) {
            assertThat(files).noneMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        }
        files = files.stream().filter(f -> !f.getFileName().toString().endsWith(".tmp")).toList();
        List<Path> pngs = files.stream().filter(f -> f.toString().endsWith(".png")).sorted().toList();
        for (Path png : pngs) {
            assertThat(ImageIO.read(png.toFile())).as("%s decodes", png).isNotNull();
        }
        Path manifest = out.resolve(".removebg-manifest.json");
        if (Files.exists(manifest)) {
            assertThat(JSON.readTree(manifest.toFile()).get("entries").isObject()).isTrue();
        }
        return pngs;
    }

    /** The manifest's finished entries. */
    static int manifestEntries(Path out) throws IOException {
        JsonNode entries = JSON.readTree(out.resolve(".removebg-manifest.json").toFile()).get("entries");
        return entries.size();
    }

    /** The SHA-256 of a file, as the emulator's charge log names an image. */
    static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A JSON report written with {@code --report}. */
    static JsonNode report(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
