package io.github.removebgsuite.common.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The record of finished images that makes re-runs free. An entry is keyed on the input's SHA-256 together with the
 * canonical request parameters (and the background image's SHA-256, and whether ZIP results are composed), never on
 * the output path: renaming the output or the input does not re-charge, and changing any parameter does.
 *
 * <p>It is also the journal of calls in flight ({@link #markInFlight}): what a killed run may have been charged for.
 *
 * <p>The file is JSON, rewritten atomically (and flushed to the disk) after every change so that a batch interrupted at any moment
 * (even killed) leaves a manifest that lists exactly the results that were written. Output paths are stored relative
 * to the output folder, so the folder can be moved with its manifest.
 */
final class Manifest {
    static final int VERSION = 1;
    // Compact: the file is rewritten after every image, and large batches make it large.
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One finished image.
     *
     * @param input the input path as it was (for people reading the file; not used for matching)
     * @param output the output path relative to the output folder, '/'-separated
     * @param format the result format written ({@code png}, {@code jpg}, {@code webp}, {@code zip})
     * @param credits the credits charged
     * @param type the detected foreground type, or null
     * @param completed when it finished (ISO-8601)
     */
    record Entry(String input, String output, String format, BigDecimal credits, String type, String completed) {
    }

    /**
     * One call in flight: recorded durably before its request is sent, removed when its result is saved or when it
     * ended without a charge. An entry still present when a run starts was left by a run that died (or stopped at
     * once) with the call under way: it may have been charged.
     *
     * @param input the input path as it was
     * @param started when the call was about to be sent (ISO-8601)
     */
    record InFlight(String input, String started) {
    }

    private final Path file;
    private final Path outputDirectory;
    private final Map<String, Entry> entries;
    private final Map<String, InFlight> inFlight;
    /** The in-flight entries found at load: what earlier runs may have been charged for. */
    private final Map<String, InFlight> leftInFlight;
    private final Object writeLock = new Object();
    /** How many changes were made to {@link #entries}; guarded by this. */
    private long changes;
    /** The change count the file on disk reflects; guarded by {@link #writeLock}. */
    private long written;

    private Manifest(Path file, Path outputDirectory, Map<String, Entry> entries, Map<String, InFlight> inFlight) {
        this.file = file;
        this.outputDirectory = outputDirectory;
        this.entries = entries;
        this.inFlight = inFlight;
        this.leftInFlight = Map.copyOf(inFlight);
    }

    private static Manifest empty(Path file, Path outputDirectory) {
        return new Manifest(file, outputDirectory, new TreeMap<>(), new TreeMap<>());
    }

    /**
     * Reads the manifest, or starts an empty one when the file does not exist.
     *
     * @throws RemoveBgException when the file exists but cannot be read or parsed: ignoring it could re-charge every
     *     image, so the user decides (repair or delete it, or process everything again)
     */
    static Manifest load(Path file, Path outputDirectory) {
        Map<String, Entry> entries = new TreeMap<>();
        Map<String, InFlight> inFlight = new TreeMap<>();
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (NoSuchFileException e) {
            return empty(file, outputDirectory);
        } catch (IOException e) {
            throw new RemoveBgException("The batch manifest " + file + " cannot be read (" + e.getMessage()
                    + "); delete it or process everything again with reprocess", e);
        }
        JsonNode items = root == null ? null : root.get("entries");
        if (items == null || !items.isObject()) {
            throw new RemoveBgException("The batch manifest " + file + " is not a removebg-suite manifest (no"
                    + " \"entries\" object); delete it or process everything again with reprocess");
        }
        for (Map.Entry<String, JsonNode> e : items.properties()) {
            try {
                Entry entry = JSON.treeToValue(e.getValue(), Entry.class);
                if (entry.output() != null && entry.format() != null) {
                    entries.put(e.getKey(), entry);
                }
            } catch (JsonProcessingException ignored) {
                // One damaged entry costs one image at most; the rest of the manifest stays useful.
            }
        }
        JsonNode calls = root.get("inFlight");
        if (calls != null && calls.isObject()) {
            for (Map.Entry<String, JsonNode> e : calls.properties()) {
                try {
                    inFlight.put(e.getKey(), JSON.treeToValue(e.getValue(), InFlight.class));
                } catch (JsonProcessingException ignored) {
                    // Unreadable: it can no longer be named, but the image is processed again all the same.
                }
            }
        }
        return new Manifest(file, outputDirectory, entries, inFlight);
    }

    /**
     * For {@code reprocess}, which does not consult old entries: reads the manifest to keep its other entries, or
     * starts an empty one when it is missing or unreadable (it is replaced at the first finished image).
     */
    static Manifest loadOrEmpty(Path file, Path outputDirectory) {
        try {
            return load(file, outputDirectory);
        } catch (RemoveBgException e) {
            return empty(file, outputDirectory);
        }
    }

    /**
     * The finished output for a key, when the entry exists and its output file is still there and inside the output
     * folder. An entry whose output was deleted or moved is treated as absent, so the image is processed again.
     */
    synchronized Optional<Path> completedOutput(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        Path output = outputDirectory.resolve(entry.output()).normalize();
        if (!output.startsWith(outputDirectory) || !Files.isRegularFile(output)) {
            return Optional.empty();
        }
        return Optional.of(output);
    }

    synchronized Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /**
     * Records a finished image and rewrites the file atomically before returning. Entries of other keys that named the
     * same output file are dropped: that file now holds this result, so theirs is gone (running those parameters again
     * must not skip).
     */
    void record(String key, Entry entry) throws IOException {
        long version;
        synchronized (this) {
            entries.values().removeIf(e -> e.output().equals(entry.output()));
            entries.put(key, entry);
            inFlight.remove(key);
            version = ++changes;
        }
        save(version);
    }

    /**
     * Records, durably and before returning, that a call for this key is about to be sent: if the process dies before
     * {@link #record} or {@link #settled}, the next run learns that the image may have been charged.
     */
    void markInFlight(String key, String input) throws IOException {
        long version;
        synchronized (this) {
            inFlight.put(key, new InFlight(input, Instant.now().toString()));
            version = ++changes;
        }
        save(version);
    }

    /** Forgets a call in flight that ended without a result to save and without a charge (an error answer). */
    void settled(String key) throws IOException {
        long version;
        synchronized (this) {
            if (inFlight.remove(key) == null) {
                return;
            }
            version = ++changes;
        }
        save(version);
    }

    /**
     * The inputs earlier runs left in flight (they may have been charged), sorted by path: the report and the warning
     * that name them read the same on every run, whatever order the calls were sent in.
     */
    List<Path> leftInFlight() {
        return leftInFlight.values().stream().map(c -> Path.of(c.input())).sorted().toList();
    }

    /**
     * Drops what earlier runs left in flight and this run did not start again: it has been reported once, and those
     * images are either done now or no longer among the inputs.
     */
    void forgetLeftInFlight() throws IOException {
        long version;
        synchronized (this) {
            boolean changed = false;
            for (Map.Entry<String, InFlight> left : leftInFlight.entrySet()) {
                changed |= inFlight.remove(left.getKey(), left.getValue());
            }
            if (!changed) {
                return;
            }
            version = ++changes;
        }
        save(version);
    }

    /**
     * Drops the entries naming this output file, after something else was written there (a copied earlier result), and
     * rewrites the file if any was dropped.
     */
    void forgetOutput(Path output) throws IOException {
        String relative = relativize(output);
        long version;
        synchronized (this) {
            if (!entries.values().removeIf(e -> e.output().equals(relative))) {
                return;
            }
            version = ++changes;
        }
        save(version);
    }

    /**
     * Writes the manifest as it is now, unless a write that started after change {@code version} already did: images
     * finishing while a write is under way share the next one (a group commit), so the cost of the rewrites grows with
     * the number of writes, not with images times concurrency, and each caller still returns only once its change is on
     * disk.
     */
    private void save(long version) throws IOException {
        synchronized (writeLock) {
            if (written >= version) {
                return;
            }
            byte[] bytes;
            long snapshot;
            synchronized (this) {
                ObjectNode root = JSON.createObjectNode();
                root.put("version", VERSION);
                root.set("entries", JSON.valueToTree(entries));
                root.set("inFlight", JSON.valueToTree(inFlight));
                bytes = JSON.writeValueAsBytes(root);
                snapshot = changes;
            }
            AtomicFiles.write(file, out -> out.write(bytes));
            written = snapshot;
        }
    }

    /** The output path as stored in an entry: relative to the output folder, '/'-separated. */
    String relativize(Path output) {
        return outputDirectory.relativize(output).toString().replace(java.io.File.separatorChar, '/');
    }

    /**
     * The manifest key: SHA-256 over a version tag, the backend's base URL (an emulator's result must not pass for
     * remove.bg's), the input's SHA-256, the text fields in canonical (sorted, JSON escaped, so no two maps encode
     * alike) order, the background image's SHA-256 and, for ZIP results only, whether they are composed.
     */
    static String key(String backend, String inputSha256, Map<String, String> formFields, String backgroundSha256,
            boolean zip, boolean composeZipToPng) {
        String fields;
        try {
            fields = JSON.writeValueAsString(new TreeMap<>(formFields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
        String canonical = "removebg-manifest-v" + VERSION + "\nbackend=" + backend + "\ninput=" + inputSha256
                + "\nfields=" + fields
                + "\nbg_image_file=" + (backgroundSha256 == null ? "" : backgroundSha256)
                + "\ncompose=" + (zip ? Boolean.toString(composeZipToPng) : "n/a");
        return sha256(canonical.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
