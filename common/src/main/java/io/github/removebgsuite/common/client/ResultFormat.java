package io.github.removebgsuite.common.client;

import java.util.Locale;
import java.util.Optional;

/**
 * The format of a result image as remove.bg delivered it (which, with {@code format=auto}, is PNG or JPG depending on
 * whether the result has transparent regions).
 */
public enum ResultFormat {
    /** PNG with alpha ({@code image/png}). */
    PNG("image/png", "png"),
    /** JPEG, no transparency ({@code image/jpeg}). */
    JPG("image/jpeg", "jpg"),
    /** WebP with alpha ({@code image/webp}). */
    WEBP("image/webp", "webp"),
    /** A ZIP of {@code color.jpg} and {@code alpha.png} ({@code application/zip}), to be composed. */
    ZIP("application/zip", "zip");

    private final String mediaType;
    private final String extension;

    ResultFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The canonical media type, e.g. {@code image/png}. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file extension, without the dot, e.g. {@code png}. */
    public String extension() {
        return extension;
    }

    /** The format a {@code Content-Type} names (parameters ignored, {@code image/jpg} accepted); empty otherwise. */
    public static Optional<ResultFormat> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case "image/png":
                return Optional.of(PNG);
            case "image/jpeg":
            case "image/jpg":
                return Optional.of(JPG);
            case "image/webp":
                return Optional.of(WEBP);
            case "application/zip":
            case "application/x-zip-compressed":
                return Optional.of(ZIP);
            default:
                return Optional.empty();
        }
    }

    /** The format the leading bytes ("magic number") identify; empty when they match none. */
    public static Optional<ResultFormat> sniff(byte[] data) {
        for (ResultFormat f : values()) {
            if (f.hasSignature(data)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code data} starts with this format's signature. */
    boolean hasSignature(byte[] data) {
        switch (this) {
            case PNG:
                return startsWith(data, 0, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
            case JPG:
                return startsWith(data, 0, 0xff, 0xd8, 0xff);
            case WEBP:
                return startsWith(data, 0, 'R', 'I', 'F', 'F') && startsWith(data, 8, 'W', 'E', 'B', 'P');
            case ZIP:
                return startsWith(data, 0, 'P', 'K', 3, 4);
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Whether {@code data}, which has this format's signature, also ends the way a complete file does: a PNG's
     * {@code IEND} chunk, a JPEG's end-of-image marker, a WebP whose RIFF size matches, a ZIP's end-of-central-directory
     * record. A body cut off in transit fails this check.
     */
    boolean looksComplete(byte[] data) {
        int n = data.length;
        switch (this) {
            case PNG:
                return n >= 20 && startsWith(data, n - 8, 'I', 'E', 'N', 'D');
            case JPG:
                // Some encoders pad after the EOI marker; accept it within the last few bytes.
                for (int i = n - 2; i >= Math.max(2, n - 16); i--) {
                    if ((data[i] & 0xff) == 0xff && (data[i + 1] & 0xff) == 0xd9) {
                        return true;
                    }
                }
                return false;
            case WEBP:
                if (n < 12) {
                    return false;
                }
                long riffSize = (data[4] & 0xffL) | (data[5] & 0xffL) << 8 | (data[6] & 0xffL) << 16
                        | (data[7] & 0xffL) << 24;
                return riffSize + 8 == n || riffSize + 9 == n; // odd sizes are padded to even
            case ZIP:
                // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
                for (int i = n - 22; i >= Math.max(0, n - 22 - 65535); i--) {
                    if (startsWith(data, i, 'P', 'K', 5, 6)) {
                        return true;
                    }
                }
                return false;
            default:
                throw new AssertionError(this);
        }
    }

    private static boolean startsWith(byte[] data, int offset, int... signature) {
        if (offset < 0 || data.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((data[offset + i] & 0xff) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
