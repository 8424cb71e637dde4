package io.github.removebgsuite.common.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCacheTest {

    private static final Map<String, String> HEADERS = Map.of("Content-Type", "image/png", "X-Type", "person",
            "X-Width", "60", "X-Height", "40");

    @TempDir
    Path dir;

    private static String key(int i) {
        return CacheFillerMain.key(i);
    }

    private Path entryFile(String key) {
        return dir.resolve("v1").resolve(key.substring(0, 2)).resolve(key + ".entry");
    }

    private static byte[] bytes(int length, int seed) {
        byte[] body = new byte[length];
        Arrays.fill(body, (byte) seed);
        for (int i = 0; i < length; i += 7) {
            body[i] = (byte) (i * 31 + seed);
        }
        return body;
    }

    @Test
    void aSizeIsReadAsPeopleWriteItAndABadOneNamesTheSetting() {
        assertThat(ResultCache.builder().directory(dir).maxSize("500m").build().maxBytes()).isEqualTo(500L << 20);
        assertThat(ResultCache.builder().directory(dir).maxSize(" 2G ").build().maxBytes()).isEqualTo(2L << 30);
        assertThat(ResultCache.builder().directory(dir).maxSize("1.5GiB").build().maxBytes())
                .isEqualTo(3L << 29);
        assertThat(ResultCache.builder().directory(dir).maxSize("4096").build().maxBytes()).isEqualTo(4096);
        for (String bad : new String[] {"", "lots", "-5m", "0", "5x", "9999999999t"}) {
            assertThatThrownBy(() -> ResultCache.builder().directory(dir).maxSize(bad))
                    .as(bad).isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("cache_max_size").hasMessageContaining("500m");
        }
    }

    @Test
    void anEntryRoundTripsItsHeadersAndBody() throws Exception {
        ResultCache cache = ResultCache.open(dir);
        byte[] body = bytes(5000, 3);
        cache.put(key(1), new CachedResponse(HEADERS, body));

        assertThat(entryFile(key(1))).isRegularFile();
        assertThat(cache.get(key(1))).hasValueSatisfying(hit -> {
            assertThat(hit.headers()).isEqualTo(HEADERS);
            assertThat(hit.headers().keySet()).containsExactly("Content-Type", "X-Height", "X-Type", "X-Width");
            assertThat(hit.body()).isEqualTo(body);
        });
        assertThat(cache.directory()).isEqualTo(dir);
        assertThat(cache.maxBytes()).isEqualTo(ResultCache.DEFAULT_MAX_BYTES);
    }

    @Test
    void aSecondPutOfTheSameKeyReplacesTheEntry() throws Exception {
        ResultCache cache = ResultCache.open(dir);
        cache.put(key(1), new CachedResponse(HEADERS, bytes(10, 1)));
        cache.put(key(1), new CachedResponse(Map.of("X-Type", "car"), bytes(20, 2)));

        assertThat(cache.get(key(1))).contains(new CachedResponse(Map.of("X-Type", "car"), bytes(20, 2)));
        try (var files = Files.list(entryFile(key(1)).getParent())) {
            assertThat(files).containsExactly(entryFile(key(1)));
        }
    }

    @Test
    void anAbsentKeyIsAMiss() {
        assertThat(ResultCache.open(dir).get(key(2))).isEmpty();
    }

    @Test
    void aBadKeyIsRefused() {
        ResultCache cache = ResultCache.open(dir);
        for (String bad : new String[] {"abc", key(1).toUpperCase(), key(1) + "0", "../" + key(1).substring(3), null}) {
            assertThatThrownBy(() -> cache.get(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("64 lowercase hex");
            assertThatThrownBy(() -> cache.put(bad, new CachedResponse(HEADERS, new byte[1])))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aCorruptBodyByteIsNeverServedAndTheFileIsDeleted() throws Exception {
        ResultCache cache = ResultCache.open(dir);
        cache.put(key(1), new CachedResponse(HEADERS, bytes(300, 5)));
        byte[] file = Files.readAllBytes(entryFile(key(1)));
        file[file.length - 10] ^= 1;
        Files.write(entryFile(key(1)), file);

        assertThat(cache.get(key(1))).isEmpty();
        assertThat(entryFile(key(1))).doesNotExist();
    }

    @Test
    void aTruncatedEntryIsNeverServed() throws Exception {
        ResultCache cache = ResultCache.open(dir);
        cache.put(key(1), new CachedResponse(HEADERS, bytes(300, 5)));
        byte[] file = Files.readAllBytes(entryFile(key(1)));
        Files.write(entryFile(key(1)), Arrays.copyOf(file, file.length - 1));

        assertThat(cache.get(key(1))).isEmpty();
        assertThat(entryFile(key(1))).doesNotExist();
    }

    @Test
    void garbageFilesAreNeverServed() throws Exception {
        ResultCache cache = ResultCache.open(dir);
        byte[][] garbage = {
            new byte[0],
            "not an entry at all".getBytes(StandardCharsets.UTF_8),
            concat(EntryFormat.MAGIC, "{not json\n".getBytes(StandardCharsets.UTF_8)),
            concat(EntryFormat.MAGIC, "{\"headers\":{}}\nbody".getBytes(StandardCharsets.UTF_8)),
            concat(EntryFormat.MAGIC, "no newline after the header".getBytes(StandardCharsets.UTF_8)),
        };
        for (int i = 0; i < garbage.length; i++) {
            Path file = entryFile(key(10 + i));
            Files.createDirectories(file.getParent());
            Files.write(file, garbage[i]);

            assertThat(cache.get(key(10 + i))).as("garbage %d", i).isEmpty();
            assertThat(file).as("garbage %d", i).doesNotExist();
        }
    }

    @Test
    void evictionDeletesTheLeastRecentlyUsedEntriesFirst() throws Exception {
        ResultCache cache = ResultCache.open(dir);
        for (int i = 0; i < 4; i++) {
            cache.put(key(i), new CachedResponse(HEADERS, bytes(1000, i)));
        }
        long entrySize = Files.size(entryFile(key(0)));
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        int[] ageOrder = {2, 0, 3, 1}; // oldest first
        for (int rank = 0; rank < ageOrder.length; rank++) {
            Files.setLastModifiedTime(entryFile(key(ageOrder[rank])), FileTime.from(base.plusSeconds(rank)));
        }

        ResultCache bounded = ResultCache.builder().directory(dir).maxBytes(2 * entrySize).build();

        assertThat(entryFile(key(2))).doesNotExist();
        assertThat(entryFile(key(0))).doesNotExist();
        assertThat(entryFile(key(3))).exists();
        assertThat(entryFile(key(1))).exists();
        assertThat(bounded.get(key(3))).isPresent();
    }

    @Test
    void aHitMarksTheEntryAsRecentlyUsed() throws Exception {
        ResultCache cache = ResultCache.open(dir);
        cache.put(key(0), new CachedResponse(HEADERS, bytes(1000, 0)));
        cache.put(key(1), new CachedResponse(HEADERS, bytes(1000, 1)));
        long entrySize = Files.size(entryFile(key(0)));
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(entryFile(key(0)), old);
        Files.setLastModifiedTime(entryFile(key(1)), FileTime.from(Instant.parse("2021-01-01T00:00:00Z")));
        ResultCache bounded = ResultCache.builder().directory(dir).maxBytes(2 * entrySize).build();

        assertThat(bounded.get(key(0))).isPresent();
        assertThat(Files.getLastModifiedTime(entryFile(key(0)))).isGreaterThan(old);
        bounded.put(key(2), new CachedResponse(HEADERS, bytes(1000, 2)));

        assertThat(entryFile(key(1))).doesNotExist();
        assertThat(entryFile(key(0))).exists();
        assertThat(entryFile(key(2))).exists();
    }

    @Test
    void theSizeBoundHoldsAfterEveryPut() throws Exception {
        long max = 20_000;
        ResultCache cache = ResultCache.builder().directory(dir).maxBytes(max).build();
        for (int i = 0; i < 40; i++) {
            cache.put(key(i), new CachedResponse(HEADERS, bytes(500 + 97 * i, i)));
            assertThat(ResultCacheProcessesTest.totalBytes(dir)).as("after put %d", i).isLessThanOrEqualTo(max);
            assertThat(cache.get(key(i))).as("the entry just put").isPresent();
        }
    }

    @Test
    void staleTemporaryFilesAreDeletedByAScanButFreshOnesAreKept() throws Exception {
        Path shard = Files.createDirectories(dir.resolve("v1/ab"));
        Path stale = Files.write(shard.resolve(key(1) + ".0011223344556677.tmp"), new byte[10]);
        Path fresh = Files.write(shard.resolve(key(2) + ".8899aabbccddeeff.tmp"), new byte[10]);
        Instant pastStale = Instant.now().minus(ResultCache.STALE_TEMP_AGE).minusSeconds(60);
        Files.setLastModifiedTime(stale, FileTime.from(pastStale));

        ResultCache.open(dir);

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void aMissingFolderIsCreated() {
        Path nested = dir.resolve("a/b/cache");
        ResultCache.open(nested);
        assertThat(nested.resolve("v1")).isDirectory();
    }

    @Test
    void aFileInPlaceOfTheFolderIsRefusedNamingCacheDir() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        for (Path bad : new Path[] {file, file.resolve("below")}) {
            assertThatThrownBy(() -> ResultCache.open(bad)).isInstanceOfSatisfying(InvalidParameterException.class,
                    e -> {
                        assertThat(e.parameter()).isEqualTo("cache_dir");
                        assertThat(e.value()).isEqualTo(bad.toString());
                        assertThat(e.allowed()).contains("folder").contains("write");
                    });
        }
    }

    @Test
    void aReadOnlyFolderIsRefusedNamingCacheDir() throws Exception {
        Path readOnly = Files.createDirectories(dir.resolve("ro/v1"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(readOnly), "this user (root?) can write a read-only folder");
            assertThatThrownBy(() -> ResultCache.open(dir.resolve("ro")))
                    .isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo("cache_dir"));
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aBoundThatIsNotPositiveIsRefusedNamingCacheMaxBytes() {
        for (long bad : new long[] {0, -1}) {
            assertThatThrownBy(() -> ResultCache.builder().directory(dir).maxBytes(bad).build())
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("cache_max_bytes");
                        assertThat(e.allowed()).contains("positive");
                    });
        }
        assertThat(dir.resolve("v1")).doesNotExist();
    }

    @Test
    void aCachedResponseCopiesItsHeadersAndShowsNoBody() {
        var headers = new java.util.HashMap<>(HEADERS);
        CachedResponse response = new CachedResponse(headers, bytes(3, 1));
        headers.put("X-Type", "car");

        assertThat(response.headers()).containsEntry("X-Type", "person");
        assertThatThrownBy(() -> response.headers().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(response).hasToString("CachedResponse[headers=" + new java.util.TreeMap<>(HEADERS)
                + ", body=3 bytes]");
        assertThatThrownBy(() -> new CachedResponse(null, new byte[0])).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CachedResponse(HEADERS, null)).isInstanceOf(NullPointerException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
