package io.github.removebgsuite.common.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.removebgsuite.common.error.RemoveBgException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    private static final String BACKEND = "https://api.remove.bg/v1.0";
    private static final String INPUT = Manifest.sha256("image".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path out;

    @Test
    void keyDependsOnContentParametersBackgroundAndCompositionButNotOnFieldOrder() {
        String key = Manifest.key(BACKEND, INPUT, Map.of("size", "full", "format", "zip"), null, true, true);
        assertThat(Manifest.key(BACKEND, INPUT, new java.util.TreeMap<>(Map.of("format", "zip", "size", "full")), null, true,
                true)).isEqualTo(key);
        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(Manifest.key(BACKEND, Manifest.sha256(new byte[] {1}), Map.of("size", "full", "format", "zip"), null, true,
                true)).isNotEqualTo(key);
        assertThat(Manifest.key(BACKEND, INPUT, Map.of("size", "preview", "format", "zip"), null, true, true))
                .isNotEqualTo(key);
        assertThat(Manifest.key(BACKEND, INPUT, Map.of("size", "full", "format", "zip"), INPUT, true, true)).isNotEqualTo(key);
        assertThat(Manifest.key(BACKEND, INPUT, Map.of("size", "full", "format", "zip"), null, true, false)).isNotEqualTo(key);
        // An emulator's result must not be skipped over when the real service is used later.
        assertThat(Manifest.key("http://127.0.0.1:8080/v1.0", INPUT, Map.of("size", "full", "format", "zip"), null,
                true, true)).isNotEqualTo(key);
    }

    @Test
    void compositionOnlyMattersForZipResults() {
        assertThat(Manifest.key(BACKEND, INPUT, Map.of("format", "png"), null, false, true))
                .isEqualTo(Manifest.key(BACKEND, INPUT, Map.of("format", "png"), null, false, false));
    }

    @Test
    void fieldEncodingIsUnambiguous() {
        // Naive "name=value" joining would make these two equal.
        assertThat(Manifest.key(BACKEND, INPUT, Map.of("a", "1\nb=2"), null, false, true))
                .isNotEqualTo(Manifest.key(BACKEND, INPUT, Map.of("a", "1", "b", "2"), null, false, true));
    }

    @Test
    void recordedEntriesSurviveAReloadWhileTheirOutputExists() throws IOException {
        Path manifestFile = out.resolve(BatchJob.DEFAULT_MANIFEST_NAME);
        Manifest manifest = Manifest.load(manifestFile, out);
        Path output = out.resolve("sub/a.png");
        Files.createDirectories(output.getParent());
        Files.write(output, new byte[] {1});
        manifest.record("k1", new Manifest.Entry("/in/a.jpg", manifest.relativize(output), "png",
                new BigDecimal("0.25"), "product", "2026-01-01T00:00:00Z"));

        Manifest reloaded = Manifest.load(manifestFile, out);
        assertThat(reloaded.completedOutput("k1")).contains(output);
        assertThat(reloaded.entry("k1").orElseThrow().credits()).isEqualByComparingTo("0.25");
        assertThat(Files.readString(manifestFile)).contains("\"output\":\"sub/a.png\"");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        Files.delete(output);
        assertThat(reloaded.completedOutput("k1")).as("a deleted output is processed again").isEmpty();
    }

    @Test
    void aNewResultInTheSameFileSupersedesTheOlderEntry() throws IOException {
        Path manifestFile = out.resolve(BatchJob.DEFAULT_MANIFEST_NAME);
        Manifest manifest = Manifest.load(manifestFile, out);
        Path output = out.resolve("a.png");
        Files.write(output, new byte[] {1});
        manifest.record("old-parameters", new Manifest.Entry("a.jpg", "a.png", "png", BigDecimal.ONE, null, "t"));
        manifest.record("new-parameters", new Manifest.Entry("a.jpg", "a.png", "png", BigDecimal.ONE, null, "t"));
        assertThat(manifest.completedOutput("old-parameters")).isEmpty();
        assertThat(manifest.completedOutput("new-parameters")).contains(output);

        manifest.forgetOutput(output);
        assertThat(Manifest.load(manifestFile, out).entry("new-parameters")).isEmpty();
    }

    @Test
    void concurrentRecordsAreAllOnDiskWhenEachReturns() throws Exception {
        Path manifestFile = out.resolve("m.json");
        Manifest manifest = Manifest.load(manifestFile, out);
        int threads = 8;
        int perThread = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
        java.util.Set<String> missing = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    String key = "k" + thread + "-" + i;
                    manifest.record(key, new Manifest.Entry("in", key + ".png", "png", BigDecimal.ONE, null, "t"));
                    // Durable on return: a fresh reader sees the entry at once.
                    if (Manifest.load(manifestFile, out).entry(key).isEmpty()) {
                        missing.add(key);
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(missing).isEmpty();
        Manifest reloaded = Manifest.load(manifestFile, out);
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertThat(reloaded.entry("k" + t + "-" + i)).isPresent();
            }
        }
    }

    @Test
    void anEntryPointingOutsideTheOutputFolderIsIgnored() throws IOException {
        Path outside = out.resolveSibling(out.getFileName() + "-evil.png");
        Files.write(outside, new byte[] {1});
        try {
            Path manifestFile = out.resolve("m.json");
            Files.writeString(manifestFile, "{\"version\":1,\"entries\":{\"k\":{\"output\":\"../"
                    + outside.getFileName() + "\",\"format\":\"png\",\"credits\":1}}}");
            assertThat(Manifest.load(manifestFile, out).completedOutput("k")).isEmpty();
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void anUnreadableManifestIsAnErrorNotAnEmptyOne() throws IOException {
        Path manifestFile = out.resolve("m.json");
        Files.writeString(manifestFile, "{ not json");
        assertThatThrownBy(() -> Manifest.load(manifestFile, out)).isInstanceOf(RemoveBgException.class)
                .hasMessageContaining("m.json").hasMessageContaining("reprocess");
        assertThat(Manifest.loadOrEmpty(manifestFile, out).entry("anything")).isEmpty();

        Files.writeString(manifestFile, "[]");
        assertThatThrownBy(() -> Manifest.load(manifestFile, out)).isInstanceOf(RemoveBgException.class);
    }

    @Test
    void aDamagedEntryCostsOnlyThatEntry() throws IOException {
        Path manifestFile = out.resolve("m.json");
        Files.write(out.resolve("ok.png"), new byte[] {1});
        Files.writeString(manifestFile, "{\"entries\":{\"bad\":{\"credits\":\"lots\"},"
                + "\"good\":{\"output\":\"ok.png\",\"format\":\"png\",\"credits\":1}}}");
        Manifest manifest = Manifest.load(manifestFile, out);
        assertThat(manifest.entry("bad")).isEmpty();
        assertThat(manifest.completedOutput("good")).contains(out.resolve("ok.png"));
    }

    @Test
    void aCallInFlightWhenTheProcessDiesIsNamedByTheNextLoadUntilForgotten() throws IOException {
        Path file = out.resolve("m.json");
        Manifest first = Manifest.load(file, out);
        first.markInFlight("k1", "/in/a.jpg");
        first.markInFlight("k2", "/in/b.jpg");
        first.record("k2", new Manifest.Entry("/in/b.jpg", "b.png", "png", BigDecimal.ONE, null, "now"));
        first.markInFlight("k3", "/in/c.jpg");
        first.settled("k3");
        // No close, no shutdown: what is on disk now is what a kill -9 leaves.

        Manifest next = Manifest.load(file, out);
        assertThat(next.leftInFlight()).containsExactly(Path.of("/in/a.jpg"));
        next.forgetLeftInFlight();
        assertThat(Manifest.load(file, out).leftInFlight()).isEmpty();
        assertThat(Manifest.load(file, out).entry("k2")).isPresent();
    }

    @Test
    void theCallsLeftInFlightAreNamedInPathOrderWhateverOrderTheyWereSentIn() throws IOException {
        Path file = out.resolve("m.json");
        Manifest first = Manifest.load(file, out);
        // Keys in another order than the paths, and more entries than Map.copyOf keeps in insertion order.
        String[] paths = {"/in/d.jpg", "/in/a.jpg", "/in/c.jpg", "/in/e.jpg", "/in/b.jpg"};
        for (int i = 0; i < paths.length; i++) {
            first.markInFlight("k" + (9 - i), paths[i]);
        }
        assertThat(Manifest.load(file, out).leftInFlight()).containsExactly(Path.of("/in/a.jpg"),
                Path.of("/in/b.jpg"), Path.of("/in/c.jpg"), Path.of("/in/d.jpg"), Path.of("/in/e.jpg"));
    }

    @Test
    void aCallStartedAgainByTheNextRunStaysInTheJournalWhenThatRunForgetsTheOldOnes() throws IOException {
        Path file = out.resolve("m.json");
        Manifest.load(file, out).markInFlight("k1", "/in/a.jpg");
        Manifest next = Manifest.load(file, out);
        next.markInFlight("k1", "/in/a.jpg"); // sent again, and this run dies too
        next.forgetLeftInFlight();
        assertThat(Manifest.load(file, out).leftInFlight()).containsExactly(Path.of("/in/a.jpg"));
    }
}
