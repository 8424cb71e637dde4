package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar Fiji users install: the HTTP stack and the core are relocated (no class of OkHttp, Okio, Kotlin, Jackson,
 * Ant or the core under its own name), and a command runs from that jar alone plus {@code ij} and
 * {@code scijava-common} in a fresh JVM, the way a cluster node without Fiji runs it.
 */
class ShadedJarIT {

    private static final String KEY = "shaded-it-key-0d9c2e71";
    private static final List<String> FOREIGN_PACKAGES = List.of("okhttp3/", "okio/", "kotlin/", "com/fasterxml/",
            "org/apache/tools/", "org/jetbrains/", "org/intellij/", "io/github/removebgsuite/common/");
    private static final String SHADED = "io/github/removebgsuite/imagej/shaded/";

    @TempDir
    Path temp;

    @Test
    void jarHoldsNoUnrelocatedLibraryClass() throws IOException {
        List<String> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(property("removebg.shadedJar"))) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().endsWith(".class")) {
                    classes.add(entry.getName());
                }
            }
            String index = new String(jar.getInputStream(jar.getEntry("META-INF/json/org.scijava.plugin.Plugin"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(index).contains(RemoveBackgroundCommand.class.getName(),
                    RemoveBackgroundFolderCommand.class.getName(), AccountCommand.class.getName(),
                    ImproveCommand.class.getName(), ApiKeyCommand.class.getName(),
                    ResultCacheCommand.class.getName());
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path")).isNull();
        }
        assertThat(classes).noneMatch(name -> FOREIGN_PACKAGES.stream().anyMatch(name::startsWith));
        assertThat(classes).noneMatch(name -> name.startsWith("META-INF/"));
        for (String relocated : List.of("okhttp3/OkHttpClient.class", "okio/Buffer.class", "kotlin/Unit.class",
                "jackson/databind/ObjectMapper.class", "apache/tools/ant/DirectoryScanner.class",
                "common/client/RemoveBgClient.class", "common/batch/BatchEngine.class")) {
            assertThat(classes).contains(SHADED + relocated);
        }
    }

    @Test
    void folderCommandRunsFromTheJarAloneWithIjAndScijavaCommon() throws Exception {
        Path in = temp.resolve("in");
        Path out = temp.resolve("out");
        FolderOutputs.specimens(in, 2);
        try (RemoveBgEmulator emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("5")).build()
                .start()) {
            String classPath = String.join(File.pathSeparator, property("removebg.shadedJar"),
                    property("removebg.ijJar"), property("removebg.scijavaCommonJar"),
                    property("removebg.parsingtonJar"));
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Djava.awt.headless=true",
                    "-Djava.util.prefs.userRoot=" + temp.resolve("prefs"),
                    "-Dremovebg.api.url=" + emulator.baseUrl(),
                    "-cp", classPath, RemoveBgConsole.class.getName(),
                    "--run", "Remove Background (Folder)...",
                    "input_dir='" + in + "', output_dir='" + out + "', size='preview'")
                    .redirectErrorStream(true);
            builder.environment().put("REMOVE_BG_API_KEY", KEY);
            Process process = builder.start();
            String output;
            try (InputStream stream = process.getInputStream()) {
                output = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(FolderOutputs.assertOnlyWholeResults(out)).as(output).hasSize(2);
            assertThat(output).contains("2 done").doesNotContain(KEY);
            assertThat(emulator.credits(KEY)).isEqualByComparingTo("4.5");
            assertThat(Files.exists(out.resolve(RemoveBackgroundFolderCommand.REPORT_NAME))).isTrue();
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property " + name + " (set by the failsafe configuration)").isNotBlank();
        assertThat(Path.of(value)).exists();
        return value;
    }
}
