package io.github.removebgsuite.common.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an image comes from: a file, bytes or a stream uploaded as a multipart part, a base64 string, or a URL the
 * service downloads itself.
 *
 * <p>File, bytes and stream sources travel as the binary form field ({@code image_file}, {@code bg_image_file});
 * {@link Base64} travels as {@code image_file_b64} and {@link Url} as {@code image_url} or {@code bg_image_url}.
 * Uploads are streamed from their origin, so a 22 MB file is never held in memory. A source can be opened more than
 * once, which is what makes a retry possible.
 */
public sealed interface ImageSource permits ImageSource.File, ImageSource.Bytes, ImageSource.Stream,
        ImageSource.Base64, ImageSource.Url {

    /** A file on disk, uploaded as a binary part under its own name and streamed from the disk. */
    static ImageSource file(Path path) {
        Path name = path.getFileName();
        return new File(path, name == null ? "image" : name.toString());
    }

    /**
     * A file on disk, uploaded under another name, e.g. {@code image.jpg} when the file's own name would identify a
     * patient, a sample or a customer.
     */
    static ImageSource file(Path path, String uploadName) {
        return new File(path, uploadName);
    }

    /** Bytes already in memory (a Camel {@code byte[]} body, say), uploaded as a binary part. */
    static ImageSource bytes(String filename, byte[] bytes) {
        return new Bytes(filename, bytes);
    }

    /**
     * A stream that can be opened again for each attempt, uploaded as a binary part.
     *
     * @param contentLength the number of bytes, or -1 when unknown (then the upload is chunked)
     */
    static ImageSource stream(String filename, long contentLength, StreamOpener opener) {
        return new Stream(filename, contentLength, opener);
    }

    /** A base64-encoded image, sent as the text field {@code image_file_b64}. */
    static ImageSource base64(String data) {
        return new Base64(data);
    }

    /** An image URL the service downloads itself, sent as {@code image_url} (or {@code bg_image_url}). */
    static ImageSource url(String url) {
        return new Url(url);
    }

    /** Whether this source travels as a binary multipart part (and so rules out a JSON body). */
    default boolean isBinary() {
        return this instanceof File || this instanceof Bytes || this instanceof Stream;
    }

    /** Opens a fresh stream of the image's bytes each time it is called. */
    @FunctionalInterface
    interface StreamOpener {
        /** Opens a new stream positioned at the first byte. */
        InputStream open() throws IOException;
    }

    /**
     * A file on disk.
     *
     * @param path where the file is
     * @param filename the file name sent in the part's {@code Content-Disposition}
     */
    record File(Path path, String filename) implements ImageSource {
        /** Checks that both are given. */
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(filename, "filename");
        }

        /** The file's size in bytes. */
        public long size() throws IOException {
            return Files.size(path);
        }
    }

    /** Bytes in memory; the array is not copied, so do not change it afterwards. Equal by content. */
    record Bytes(String filename, byte[] bytes) implements ImageSource {
        /** Checks that a name and bytes are given. */
        public Bytes {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && filename.equals(other.filename)
                    && java.util.Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * filename.hashCode() + java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[filename=" + filename + ", length=" + bytes.length + "]";
        }
    }

    /** A re-openable stream. */
    record Stream(String filename, long contentLength, StreamOpener opener) implements ImageSource {
        /** Checks that a name and an opener are given. */
        public Stream {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(opener, "opener");
        }
    }

    /** A base64 string. */
    record Base64(String data) implements ImageSource {
        /** Checks that data is given. */
        public Base64 {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public String toString() {
            return "Base64[length=" + data.length() + "]";
        }
    }

    /** A URL for the service to download. */
    record Url(String url) implements ImageSource {
        /** Checks that a URL is given. */
        public Url {
            Objects.requireNonNull(url, "url");
        }

        /** The URL without user info, query or fragment, where signed URLs carry their credentials. */
        @Override
        public String toString() {
            return "Url[" + WireText.redactUrl(url) + "]";
        }
    }
}
