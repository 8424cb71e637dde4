package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The update-site layout the build leaves in {@code target/update-site}: the plugin jar under {@code plugins/} and
 * the shaded jar at that, and under {@code jars/} no jar Fiji already ships (nor one whose classes the plugin jar
 * already holds relocated), so uploading the folder shadows nothing in a user's Fiji.
 */
class UpdateSiteLayoutIT {

    /**
     * Artifacts a Fiji installation ships (ImageJ, SciJava, ImgLib2 and the libraries pom-scijava manages that Fiji
     * includes), and the ones the plugin jar carries relocated.
     */
    private static final List<String> MUST_NOT_SHIP = List.of("ij-", "scijava-common-", "parsington-", "imglib2",
            "imagej-", "scijava-", "okhttp", "okio", "kotlin-stdlib", "jackson-", "ant-", "ant.jar", "annotations-",
            "removebg-common-", "gson-", "guava-", "commons-");

    @Test
    void pluginJarIsUnderPluginsAndIsTheShadedOne() throws IOException {
        Path site = Path.of(System.getProperty("removebg.updateSite"));
        Path shaded = Path.of(System.getProperty("removebg.shadedJar"));
        assertThat(site.resolve("plugins")).isDirectory();
        List<Path> plugins = list(site.resolve("plugins"));
        assertThat(plugins).extracting(p -> p.getFileName().toString())
                .containsExactly(shaded.getFileName().toString());
        assertThat(plugins.get(0).getFileName().toString()).startsWith("removebg_fiji-").endsWith(".jar");
        assertThat(Files.readAllBytes(plugins.get(0))).isEqualTo(Files.readAllBytes(shaded));
        try (JarFile jar = new JarFile(plugins.get(0).toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertThat(names).contains("META-INF/json/org.scijava.plugin.Plugin");
            assertThat(names).filteredOn(n -> n.endsWith(".class"))
                    .allMatch(n -> n.startsWith("io/github/removebgsuite/imagej/"));
            assertThat(names).noneMatch(n -> n.endsWith(".jar"));
        }
    }

    @Test
    void jarsFolderHoldsNothingFijiShipsOrThePluginAlreadyCarries() throws IOException {
        Path jars = Path.of(System.getProperty("removebg.updateSite")).resolve("jars");
        for (Path jar : list(jars)) {
            String name = jar.getFileName().toString();
            assertThat(MUST_NOT_SHIP).as(name + " would shadow a jar of Fiji's or duplicate a relocated one")
                    .noneMatch(name::startsWith);
        }
        try (Stream<Path> everything = Files.walk(Path.of(System.getProperty("removebg.updateSite")))) {
            assertThat(everything.filter(Files::isRegularFile).map(p -> p.getParent().getFileName().toString()))
                    .as("only plugins/ and jars/").allMatch(folder -> folder.equals("plugins")
                            || folder.equals("jars"));
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
