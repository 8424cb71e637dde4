package io.github.removebgsuite.common.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PLACEHOLDER with the agreed API, in memory only, so that the hosts can wire the cache while the real on-disk
 * implementation is written on its own branch; the merge of that branch replaces this file.
 */
public final class ResultCache {
    /** The default size bound: 1 GiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    private static final Map<String, CachedResponse> MEM = new ConcurrentHashMap<>();
    private final Path directory;
    private final long maxBytes;

    private ResultCache(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    /** A cache in {@code directory} with the default size bound. */
    public static ResultCache open(Path directory) {
        return builder().directory(directory).build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The cache folder. */
    public Path directory() {
        return directory;
    }

    /** The size bound. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The entry for a key, or empty. */
    public Optional<CachedResponse> get(String key) {
        return Optional.ofNullable(MEM.get(directory.toAbsolutePath() + "/" + key));
    }

    /** Saves an entry. */
    public void put(String key, CachedResponse response) throws IOException {
        MEM.put(directory.toAbsolutePath() + "/" + key, response);
    }

    @Override
    public String toString() {
        return "ResultCache[" + directory + "]";
    }

    /** Builds a cache. */
    public static final class Builder {
        private Path directory;
        private long maxBytes = DEFAULT_MAX_BYTES;

        /** The folder. */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** The size bound in bytes. */
        public Builder maxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
            return this;
        }

        /** Builds it. */
        public ResultCache build() {
            return new ResultCache(directory, maxBytes);
        }
    }
}
