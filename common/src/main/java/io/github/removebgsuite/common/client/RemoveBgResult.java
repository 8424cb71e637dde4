package io.github.removebgsuite.common.client;

import io.github.removebgsuite.common.files.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A processed image: its bytes as remove.bg delivered them (already decoded from {@code result_b64} for JSON answers),
 * the actual format and the metadata. Immutable; the bytes were checked to be a complete image of the format named.
 */
public final class RemoveBgResult {

    private final byte[] bytes;
    private final String contentType;
    private final ResultFormat format;
    private final ResultMetadata metadata;
    private final boolean fromCache;

    /**
     * @param bytes the image bytes (copied)
     * @param contentType the media type of the image, e.g. {@code image/png}
     * @param format the format of the image
     * @param metadata what the API reported about the call
     */
    public RemoveBgResult(byte[] bytes, String contentType, ResultFormat format, ResultMetadata metadata) {
        this(format, contentType, bytes.clone(), metadata, false);
    }

    /** Takes ownership of {@code owned} without copying it (for the client, which made the array). */
    private RemoveBgResult(ResultFormat format, String contentType, byte[] owned, ResultMetadata metadata,
            boolean fromCache) {
        this.bytes = Objects.requireNonNull(owned, "bytes");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.format = Objects.requireNonNull(format, "format");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.fromCache = fromCache;
    }

    static RemoveBgResult owning(byte[] owned, String contentType, ResultFormat format, ResultMetadata metadata) {
        return new RemoveBgResult(format, contentType, owned, metadata, false);
    }

    static RemoveBgResult fromCache(byte[] owned, String contentType, ResultFormat format, ResultMetadata metadata) {
        return new RemoveBgResult(format, contentType, owned, metadata, true);
    }

    /** The bytes without a copy, for the client's own use (the result cache); never handed out. */
    byte[] ownedBytes() {
        return bytes;
    }

    /**
     * Whether this result came from the client's result cache instead of a call: then nothing was charged and
     * {@link ResultMetadata#creditsCharged()} is zero.
     */
    public boolean fromCache() {
        return fromCache;
    }

    /** A copy of the image bytes. Prefer {@link #writeTo(Path)} or {@link #openStream()} for large results. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The image's size in bytes. */
    public int size() {
        return bytes.length;
    }

    /** A stream over the image bytes (no copy). */
    public InputStream openStream() {
        return new ByteArrayInputStream(bytes);
    }

    /** Writes the image bytes to {@code out} (which it does not close). */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    /** The result's media type as delivered ({@code Content-Type}, or the decoded image's type for JSON answers). */
    public String contentType() {
        return contentType;
    }

    /** The result's format (PNG, JPG, WEBP or ZIP). */
    public ResultFormat format() {
        return format;
    }

    /** What remove.bg reported about the call: type, size, credits, foreground box, rate limit. */
    public ResultMetadata metadata() {
        return metadata;
    }

    /**
     * Writes the image to {@code target} with {@link AtomicFiles#write}: readers never see a half-written file and a
     * failure leaves nothing behind. Missing parent folders are created; an existing target is replaced.
     */
    public void writeTo(Path target) throws IOException {
        AtomicFiles.write(target, out -> out.write(bytes));
    }

    @Override
    public String toString() {
        return "RemoveBgResult[format=" + format + ", contentType=" + contentType + ", size=" + bytes.length
                + (fromCache ? ", fromCache" : "") + ", metadata=" + metadata + "]";
    }
}
