package io.github.removebgsuite.common.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two child JVMs fill one cache at once, evicting as they go: every file left is whole and holds its own key's body.
 */
class ResultCacheProcessesTest {

    private static final int KEYS = 150;
    private static final long MAX_BYTES = 600_000;

    @TempDir
    Path dir;

    @Test
    void twoProcessesFillingOneCacheLeaveOnlyWholeEntriesOfTheirOwnKeys() throws Exception {
        Path cacheDir = dir.resolve("cache");
        List<Process> children = new ArrayList<>();
        try {
            for (int seed = 1; seed <= 2; seed++) {
                children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), CacheFillerMain.class.getName(),
                        cacheDir.toString(), Long.toString(MAX_BYTES), Integer.toString(KEYS), Integer.toString(seed))
                        .redirectErrorStream(true).redirectOutput(dir.resolve("child" + seed + ".log").toFile())
                        .start());
            }
            for (int i = 0; i < children.size(); i++) {
                Process child = children.get(i);
                boolean exited = child.waitFor(180, TimeUnit.SECONDS);
                String log = Files.readString(dir.resolve("child" + (i + 1) + ".log"));
                assertThat(exited).as(log).isTrue();
                assertThat(child.exitValue()).as(log).isZero();
            }
        } finally {
            children.forEach(Process::destroyForcibly);
        }

        List<Path> files;
        try (Stream<Path> walk = Files.walk(cacheDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(file.toString()).endsWith(".entry"));
        for (Path file : files) {
            CachedResponse response = EntryFormat.decode(Files.readAllBytes(file));
            String key = file.getFileName().toString().replace(".entry", "");
            assertThat(response.headers()).containsEntry("X-Key", key);
            assertThat(CacheFillerMain.holdsDerivedBody(response)).as(file.toString()).isTrue();
        }
        ResultCache reopened = ResultCache.builder().directory(cacheDir).maxBytes(MAX_BYTES).build();
        int present = 0;
        for (int i = 0; i < KEYS; i++) {
            var hit = reopened.get(CacheFillerMain.key(i));
            if (hit.isPresent()) {
                present++;
                assertThat(CacheFillerMain.holdsDerivedBody(hit.get())).isTrue();
            }
        }
        assertThat(present).isPositive();
        assertThat(totalBytes(cacheDir)).isLessThanOrEqualTo(MAX_BYTES);
    }

    static long totalBytes(Path cacheDir) throws Exception {
        try (Stream<Path> walk = Files.walk(cacheDir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
