package io.github.removebgsuite.camel;

import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.request.ImageSource;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/**
 * Turns a message into the image it carries: the {@code image_url} or {@code image_file_b64} given by header or
 * option, else the body. Files (a {@code File}, a {@code Path}, or the {@code GenericFile} of a {@code file:}
 * consumer) are streamed from disk on each attempt, so a 22 MB upload is never held in memory; other bodies go
 * through Camel's type converters to bytes ({@code ftp:} files, streams, stream caches).
 */
final class ImageBodies {

    /**
     * The most bytes read from a stream body: remove.bg's 22 MB upload limit plus one byte, so an oversize stream is
     * refused with a clear error instead of being buffered whole.
     */
    static final long MAX_UPLOAD_BYTES = 22L * 1024 * 1024;

    private static final String ALLOWED = "a message body with the image (byte[], InputStream, File, Path or a file: "
            + "or ftp: message), or an image_url / image_file_b64 given by header or option";

    private ImageBodies() {
    }

    /** The image of a message, by the precedence header, option, body. */
    static ImageSource imageOf(Message in, RemoveBgConfiguration configuration) throws InvalidPayloadException {
        String url = nonBlank(in.getHeader(RemoveBgConstants.IMAGE_URL, String.class));
        if (url != null) {
            return ImageSource.url(url);
        }
        String b64 = nonBlank(in.getHeader(RemoveBgConstants.IMAGE_FILE_B64, String.class));
        if (b64 != null) {
            return ImageSource.base64(b64);
        }
        if (nonBlank(configuration.getImageUrl()) != null) {
            return ImageSource.url(configuration.getImageUrl().strip());
        }
        if (nonBlank(configuration.getImageFileB64()) != null) {
            return ImageSource.base64(configuration.getImageFileB64().strip());
        }
        return fromBody(in);
    }

    private static ImageSource fromBody(Message in) throws InvalidPayloadException {
        Object body = in.getBody();
        if (body == null) {
            throw new InvalidParameterException("image_file", null, ALLOWED);
        }
        if (body instanceof byte[] bytes) {
            return ImageSource.bytes(filename(in), bytes);
        }
        Path file = localFile(body);
        if (file != null) {
            return ImageSource.file(file);
        }
        if (body instanceof URL || body instanceof URI) {
            return ImageSource.url(body.toString());
        }
        if (body instanceof InputStream stream) {
            return ImageSource.bytes(filename(in), readBounded(stream));
        }
        return ImageSource.bytes(filename(in), in.getMandatoryBody(byte[].class));
    }

    /**
     * The local file behind a body, or null when the body is not a local file (an {@code ftp:} file, say).
     *
     * @throws InvalidParameterException when the body names a local file that does not exist or is not readable
     */
    private static Path localFile(Object body) {
        Object candidate = body instanceof WrappedFile<?> wrapped ? wrapped.getFile() : body;
        Path path = null;
        if (candidate instanceof File file) {
            path = file.toPath();
        } else if (candidate instanceof Path p) {
            path = p;
        }
        if (path != null && !(Files.isRegularFile(path) && Files.isReadable(path))) {
            throw new InvalidParameterException("image_file", path.toString(), "an existing, readable image file");
        }
        return path;
    }

    /**
     * Reads a stream body up to the upload limit. A stream cache is rewound first and left open, so a redelivery
     * reads it again; any other stream is consumed and closed.
     */
    private static byte[] readBounded(InputStream stream) {
        boolean cached = stream instanceof StreamCache;
        if (cached) {
            ((StreamCache) stream).reset();
        }
        try {
            byte[] bytes = stream.readNBytes((int) MAX_UPLOAD_BYTES + 1);
            if (bytes.length > MAX_UPLOAD_BYTES) {
                throw new InvalidParameterException("image_file", "a stream of more than " + MAX_UPLOAD_BYTES
                        + " bytes", "an image of at most 22 MB");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the image from the message body: " + e.getMessage(), e);
        } finally {
            if (!cached) {
                closeQuietly(stream);
            }
        }
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the bytes were read (or the read already failed); a failing close changes nothing for the upload
        }
    }

    /** The name sent in the upload's Content-Disposition: the consumer's file name, else {@code image}. */
    private static String filename(Message in) {
        String name = nonBlank(in.getHeader(Exchange.FILE_NAME_ONLY, String.class));
        if (name == null) {
            name = nonBlank(in.getHeader(Exchange.FILE_NAME, String.class));
        }
        if (name == null) {
            return "image";
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String last = name.substring(slash + 1);
        return last.isEmpty() ? "image" : last;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
