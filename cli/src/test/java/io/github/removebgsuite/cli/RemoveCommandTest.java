package io.github.removebgsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoveCommandTest {
    private static final String KEY = "cli-test-key-1234567890";

    @TempDir
    Path dir;

    RemoveBgEmulator emulator;

    @BeforeEach
    void start() {
        emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("20")).build().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Path copySamples() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in/nested"));
        Path samples = Path.of("..", "samples");
        Files.copy(samples.resolve("mug.jpg"), dir.resolve("in/mug.jpg"));
        Files.copy(samples.resolve("bottle.jpg"), in.resolve("bottle.jpg"));
        return dir.resolve("in");
    }

    private CliTestSupport.Run remove(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("remove", "--base-url", emulator.baseUrl(),
                "--api-key", KEY));
        args.addAll(List.of(extra));
        return CliTestSupport.run(args.toArray(String[]::new));
    }

    @Test
    void writesAFoldersImagesStraightIntoTheOutputFolderMirroringItsSubfoldersAndSkipsThemOnReRun() throws IOException {
        Path in = copySamples();
        Path out = dir.resolve("out");

        CliTestSupport.Run first = remove("--size", "full", "--format", "png", "-o", out.toString(), in.toString());

        assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).contains("processed 2, skipped 0, failed 0, from cache 0").contains("credits spent 2");
        // As rembg and the official CLIs do: the input folder's own name is not repeated under the output folder.
        Path mug = out.resolve("mug.png");
        Path bottle = out.resolve("nested/bottle.png");
        assertThat(out.resolve("in")).doesNotExist();
        for (Path png : List.of(mug, bottle)) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getColorModel().hasAlpha()).as(png.toString()).isTrue();
            assertThat(image.getRGB(0, 0) >>> 24).as("corner is transparent").isZero();
        }
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("18");

        CliTestSupport.Run second = remove("--size", "full", "--format", "png", "-o", out.toString(), in.toString());
        assertThat(second.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(second.out()).contains("processed 0, skipped 2, failed 0, from cache 0").contains("credits spent 0");
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("18");

        CliTestSupport.Run changed = remove("--size", "preview", "--format", "png", "-o", out.toString(), in.toString());
        assertThat(changed.out()).contains("processed 2, skipped 0");
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("17.5");
    }

    @Test
    void zipResultsAreComposedToPngByDefault() throws IOException {
        Path in = copySamples();
        Path out = dir.resolve("out");
        CliTestSupport.Run run = remove("--format", "zip", "--size", "full", "-o", out.toString(),
                in.resolve("mug.jpg").toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        // A single file outside the base folder keeps only its name below the output folder.
        BufferedImage png = ImageIO.read(out.resolve("mug.png").toFile());
        assertThat(png.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void globsSelectInputsBelowTheDirectory() throws IOException {
        copySamples();
        CliTestSupport.Run run = remove("--dry-run", "-C", dir.toString(), "-o", "out", "in/**/*.jpg",
                "--exclude", "**/mug.jpg");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("Dry run: 1 image would cost about 0.25 credits;");
        assertThat(run.err()).contains("bottle.jpg").doesNotContain("mug.jpg");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void dryRunEstimatesWithoutCalling() throws IOException {
        Path in = copySamples();
        CliTestSupport.Run run = remove("--dry-run", "--size", "preview", "-o", dir.resolve("out").toString(),
                in.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("Dry run: 2 images would cost about 0.5 credits");
        assertThat(emulator.requestCount()).isZero();
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("20");
    }

    @Test
    void maxCreditsStopsBeforeTheBudgetIsExceeded() throws IOException {
        Path in = copySamples();
        CliTestSupport.Run run = remove("--max-credits", "1", "--size", "full", "-o", dir.resolve("out").toString(),
                in.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.PARTIAL_FAILURE);
        assertThat(run.out()).contains("processed 1").contains("not run 1");
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("19");
    }

    @Test
    void badParameterIsRefusedBeforeAnyCall() throws IOException {
        Path in = copySamples();
        CliTestSupport.Run run = remove("--size", "huge", "-o", dir.resolve("out").toString(), in.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("size").contains("huge").contains("preview");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void perTypeShadowOptionsReachTheApi() throws IOException {
        Path in = copySamples();
        CliTestSupport.Run run = remove("--shadow-type", "product=drop", "--shadow-opacity", "product=40",
                "--type", "product", "-o", dir.resolve("out").toString(), in.resolve("mug.jpg").toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    @Test
    void exitCodesForAuthenticationAndCredits() throws IOException {
        Path in = copySamples();
        CliTestSupport.Run forbidden = CliTestSupport.run("remove", "--base-url", emulator.baseUrl(),
                "--api-key", "wrong-key-abcdef", "-o", dir.resolve("o1").toString(), in.toString());
        assertThat(forbidden.exitCode()).isEqualTo(ExitCode.PARTIAL_FAILURE);
        assertThat(forbidden.all()).contains("failed").doesNotContain("wrong-key-abcdef");

        CliTestSupport.Run account = CliTestSupport.run("account", "--base-url", emulator.baseUrl(),
                "--api-key", "wrong-key-abcdef");
        assertThat(account.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
        assertThat(account.all()).doesNotContain("wrong-key-abcdef");

        try (RemoveBgEmulator poor = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("0.25"))
                .build().start()) {
            CliTestSupport.Run broke = CliTestSupport.run("remove", "--base-url", poor.baseUrl(), "--api-key", KEY,
                    "--size", "full", "-o", dir.resolve("o2").toString(), in.toString());
            assertThat(broke.exitCode()).isEqualTo(ExitCode.PARTIAL_FAILURE);
            assertThat(broke.all()).containsIgnoringCase("insufficient credits");
            assertThat(poor.credits(KEY)).isEqualByComparingTo("0.25");
        }
    }

    @Test
    void flagWinsOverEnvironmentAndEnvironmentIsUsedWithoutFlag() {
        CliTestSupport.Run fromEnv = CliTestSupport.run(Map.of(ConnectionOptions.API_KEY_ENV, KEY),
                "account", "--base-url", emulator.baseUrl());
        assertThat(fromEnv.exitCode()).as(fromEnv.all()).isZero();
        assertThat(fromEnv.out()).contains("Credits:").contains("20");

        CliTestSupport.Run flagWins = CliTestSupport.run(Map.of(ConnectionOptions.API_KEY_ENV, "env-key-wrong"),
                "account", "--base-url", emulator.baseUrl(), "--api-key", KEY);
        assertThat(flagWins.exitCode()).isZero();

        CliTestSupport.Run none = CliTestSupport.run("account", "--base-url", emulator.baseUrl());
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("REMOVE_BG_API_KEY").contains("--emulator");
    }

    @Test
    void embeddedEmulatorRunsTheDemoOffline() throws IOException {
        Path out = dir.resolve("demo");
        CliTestSupport.Run run = CliTestSupport.run("remove", "--emulator", "-o", out.toString(),
                Path.of("..", "samples").toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.err()).contains("embedded remove.bg emulator");
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(3);
        }
    }

    @Test
    void zip2pngDefaultNameReplacesOnlyTheExtension() {
        assertThat(Zip2PngCommand.defaultTarget(Path.of("/zips/zipped.zip"))).isEqualTo(Path.of("/zips/zipped.png"));
    }
}
