package io.github.removebgsuite.common.cache;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * A folder of saved remove.bg answers keyed by request fingerprint; safe for several processes (and machines on a
 * shared folder) at once.
 *
 * <p>Each entry is one file, {@code <directory>/v1/<first two hex chars of the key>/<key>.entry}, written to a
 * temporary file in the same folder and moved into place atomically. {@link #get} checks every entry's length and
 * SHA-256 and never serves a corrupt or partial one. Once the folder holds more than {@link #maxBytes()}, the entries
 * least recently used (by file modification time, which a hit refreshes) are deleted. Instances are thread-safe.
 */
public final class ResultCache {

    /** The default bound on the bytes of all entries: 1 GiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    /** Temporary files older than this were left by a killed process and are deleted during a scan. */
    static final Duration STALE_TEMP_AGE = Duration.ofHours(1);

    private static final Logger LOG = System.getLogger(ResultCache.class.getName());
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?\\s*");
    private static final String ENTRY_SUFFIX = ".entry";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final String LAYOUT = "v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final Path root;
    private final long maxBytes;
    /** The bytes of all entries as last scanned plus those put since; other processes write too, so an estimate. */
    private final AtomicLong estimatedBytes = new AtomicLong();
    /** Held only while scanning and evicting, never while a body is read or written. */
    private final ReentrantLock scanLock = new ReentrantLock();

    private ResultCache(Path directory, long maxBytes) {
        this.directory = directory;
        this.root = directory.resolve(LAYOUT);
        this.maxBytes = maxBytes;
    }

    /**
     * Opens (creating it if missing) a cache folder bounded by {@link #DEFAULT_MAX_BYTES}.
     *
     * @throws InvalidParameterException naming {@code cache_dir} if the folder cannot be created or written
     */
    public static ResultCache open(Path directory) {
        return builder().directory(directory).build();
    }

    /** A builder; {@link Builder#directory(Path)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The cache folder, as given to the builder. */
    public Path directory() {
        return directory;
    }

    /** The bound on the bytes of all entry files, past which least-recently-used entries are evicted. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The entry for a key, or empty: absent, or corrupt/partial (then deleted and logged, never served). A hit marks
     * the entry as recently used. Read errors are logged and answered with empty, never thrown.
     *
     * @param key 64 lowercase hex characters
     * @throws IllegalArgumentException if the key is not 64 lowercase hex characters
     */
    public Optional<CachedResponse> get(String key) {
        Path entry = entryPath(key);
        byte[] file;
        Object fileKey;
        try {
            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
            fileKey = attributes.fileKey();
            if (attributes.size() > Integer.MAX_VALUE - 16) {
                return discard(entry, fileKey, "entry of " + attributes.size() + " bytes is larger than any written");
            }
            file = Files.readAllBytes(entry);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read cache entry {0}: {1}; treating it as absent", entry, e.toString());
            return Optional.empty();
        }
        CachedResponse response;
        try {
            response = EntryFormat.decode(file);
        } catch (EntryFormat.CorruptEntryException e) {
            return discard(entry, fileKey, e.getMessage());
        }
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Cannot mark cache entry {0} as used: {1}", entry, e.toString());
        }
        return Optional.of(response);
    }

    /**
     * Saves an entry atomically (a temporary file in the same folder, then an atomic move), replacing any entry of the
     * same key; then evicts least-recently-used entries while the cache is over {@link #maxBytes()}.
     *
     * @param key 64 lowercase hex characters
     * @throws IllegalArgumentException if the key is not 64 lowercase hex characters
     * @throws IOException if the entry cannot be written (nothing half-written is left behind)
     */
    public void put(String key, CachedResponse response) throws IOException {
        Path entry = entryPath(key);
        Objects.requireNonNull(response, "response");
        byte[] prefix = EntryFormat.prefix(response);
        Path folder = Files.createDirectories(entry.getParent());
        Path temp = folder.resolve(key + "." + randomSuffix() + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer[] buffers = {ByteBuffer.wrap(prefix), ByteBuffer.wrap(response.body())};
                while (buffers[0].hasRemaining() || buffers[1].hasRemaining()) {
                    channel.write(buffers);
                }
                channel.force(true);
            }
            Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (estimatedBytes.addAndGet(prefix.length + (long) response.body().length) > maxBytes) {
            scanAndEvict();
        }
    }

    /**
     * Rescans the folder (other processes write too), deletes stale temporary files, then deletes the
     * least-recently-used entries until the total is within {@link #maxBytes()}.
     */
    private void scanAndEvict() {
        scanLock.lock();
        try {
            if (estimatedBytes.get() <= maxBytes) {
                return; // another thread scanned meanwhile
            }
            List<EntryFile> entries = scan();
            long total = entries.stream().mapToLong(EntryFile::size).sum();
            entries.sort(Comparator.comparing(EntryFile::lastModified).thenComparing(e -> e.path().getFileName()));
            for (int i = 0; total > maxBytes && i < entries.size(); i++) {
                EntryFile oldest = entries.get(i);
                try {
                    Files.deleteIfExists(oldest.path());
                    LOG.log(Level.DEBUG, "Evicted cache entry {0} ({1} bytes)", oldest.path(), oldest.size());
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Cannot evict cache entry {0}: {1}", oldest.path(), e.toString());
                }
                total -= oldest.size();
            }
            estimatedBytes.set(total);
        } finally {
            scanLock.unlock();
        }
    }

    /** Every entry file now in the folder, deleting stale temporary files on the way. */
    private List<EntryFile> scan() {
        List<EntryFile> entries = new ArrayList<>();
        Instant staleBefore = Instant.now().minus(STALE_TEMP_AGE);
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(root,
                p -> SHARD.matcher(p.getFileName().toString()).matches())) {
            for (Path shard : shards) {
                scanShard(shard, staleBefore, entries);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot scan cache folder {0}: {1}", root, e.toString());
        }
        return entries;
    }

    private static void scanShard(Path shard, Instant staleBefore, List<EntryFile> entries) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException gone) {
                    continue; // evicted or moved by another process meanwhile
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                if (name.endsWith(ENTRY_SUFFIX)) {
                    entries.add(new EntryFile(file, attributes.size(), attributes.lastModifiedTime()));
                } else if (name.endsWith(TEMP_SUFFIX)
                        && attributes.lastModifiedTime().toInstant().isBefore(staleBefore)) {
                    deleteStaleTemp(file);
                }
            }
        } catch (NoSuchFileException gone) {
            // a shard folder deleted by someone else: nothing in it to count
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot scan cache folder {0}: {1}", shard, e.toString());
        }
    }

    private static void deleteStaleTemp(Path file) {
        try {
            Files.deleteIfExists(file);
            LOG.log(Level.DEBUG, "Deleted stale cache temporary file {0}", file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete stale cache temporary file {0}: {1}", file, e.toString());
        }
    }

    /**
     * Deletes a corrupt entry, unless (as far as the file system can tell, by its file key) another process has
     * meanwhile replaced it with a new file, which may well be whole.
     */
    private Optional<CachedResponse> discard(Path entry, Object fileKeyRead, String reason) {
        LOG.log(Level.WARNING, "Deleting corrupt cache entry {0}: {1}", entry, reason);
        try {
            if (fileKeyRead != null
                    && !fileKeyRead.equals(Files.readAttributes(entry, BasicFileAttributes.class).fileKey())) {
                return Optional.empty(); // replaced meanwhile: the next get checks the new file
            }
            Files.deleteIfExists(entry);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete corrupt cache entry {0}: {1}", entry, e.toString());
        }
        return Optional.empty();
    }

    private Path entryPath(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("A result cache key must be 64 lowercase hex characters (a SHA-256), "
                    + "not "
                    + (key == null ? "null" : "'" + (key.length() > 80 ? key.substring(0, 77) + "..." : key) + "'"));
        }
        return root.resolve(key.substring(0, 2)).resolve(key + ENTRY_SUFFIX);
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Creates and checks the folder, then scans it once (evicting if it is already over the bound). */
    private ResultCache initialize() {
        String allowed = "a folder that exists or can be created, and that this process can write";
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new InvalidParameterException("cache_dir", directory.toString(), allowed);
        }
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new InvalidParameterException("cache_dir", directory.toString(), allowed);
        }
        Path probe = root.resolve("probe." + randomSuffix() + TEMP_SUFFIX);
        try {
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new InvalidParameterException("cache_dir", directory.toString(), allowed);
        }
        estimatedBytes.set(Long.MAX_VALUE); // unknown until the first scan, which this forces
        scanAndEvict();
        return this;
    }

    /** One entry file found by a scan. */
    private record EntryFile(Path path, long size, FileTime lastModified) {
    }

    /** Builds a {@link ResultCache}; {@link #directory(Path)} is required. */
    public static final class Builder {
        private Path directory;
        private long maxBytes = DEFAULT_MAX_BYTES;

        private Builder() {
        }

        /** The cache folder; created if missing. Required. */
        public Builder directory(Path d) {
            this.directory = Objects.requireNonNull(d, "directory");
            return this;
        }

        /** The bound on the bytes of all entries, past which least-recently-used ones are evicted; default 1 GiB. */
        public Builder maxBytes(long n) {
            this.maxBytes = n;
            return this;
        }

        /**
         * The bound as people write it: a number of bytes, or a number with a binary unit {@code k}, {@code m},
         * {@code g} or {@code t} (case-insensitive, an optional trailing {@code b} or {@code ib}): {@code 500m},
         * {@code 2G}, {@code 1.5GiB}. The one parser every host uses for its size setting.
         *
         * @throws InvalidParameterException naming {@code cache_max_size} when the text is not such a size
         */
        public Builder maxSize(String size) {
            String allowed = "a size in bytes, or with a unit k, m, g or t (binary), e.g. 500m or 2g";
            if (size == null || size.isBlank()) {
                throw new InvalidParameterException("cache_max_size", size, allowed);
            }
            java.util.regex.Matcher m = SIZE.matcher(size);
            if (!m.matches()) {
                throw new InvalidParameterException("cache_max_size", size, allowed);
            }
            String unit = m.group(2).toLowerCase(java.util.Locale.ROOT);
            int exponent = unit.isEmpty() ? 0 : 10 * (1 + "kmgt".indexOf(unit));
            java.math.BigDecimal bytes = new java.math.BigDecimal(m.group(1))
                    .multiply(java.math.BigDecimal.valueOf(2).pow(exponent));
            if (bytes.signum() <= 0 || bytes.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                throw new InvalidParameterException("cache_max_size", size, allowed + ", more than 0");
            }
            this.maxBytes = bytes.longValue();
            return this;
        }

        /**
         * Creates the folder if missing and scans it once.
         *
         * @throws InvalidParameterException naming {@code cache_dir} if no folder was given or it cannot be created or
         *     written, or naming {@code cache_max_bytes} if the bound is not positive
         */
        public ResultCache build() {
            if (directory == null) {
                throw new InvalidParameterException("cache_dir", null, "a folder path");
            }
            if (maxBytes <= 0) {
                throw new InvalidParameterException("cache_max_bytes", Long.toString(maxBytes),
                        "a positive number of bytes");
            }
            return new ResultCache(directory, maxBytes).initialize();
        }
    }
}
