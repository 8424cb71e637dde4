package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.image.ImageCompleteness;
import io.github.removebgsuite.common.image.ImageDimensions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks on an image source that can be made before a credit is spent: the file exists, is a JPG, PNG or WebP
 * image by its header and complete (not cut short), and is within the API's 22 MB and 50 megapixel limits (read from the header, never decoded). Shared by {@code /removebg} and {@code /improve}, which document the same limits.
 */
final class ImageSourceCheck {

    /**
     * The documented "up to 22 MB". The reference does not say whether MB means 10^6 or 2^20 bytes; the larger reading
     * is used so that no file the API accepts is refused here (the API still refuses what is too large for it).
     */
    static final long MAX_FILE_BYTES = 22L * 1024 * 1024;
    /** The documented input limit, 50 megapixels (8000 x 6250). */
    static final long MAX_INPUT_PIXELS = 50_000_000L;
    /** The documented PNG output limit, 10 megapixels (4000 x 2500). */
    static final long MAX_PNG_PIXELS = 10_000_000L;

    private ImageSourceCheck() {
    }

    /** A file source from a local path as hosts pass it, checked to be a readable regular file. */
    static ImageSource localPath(String parameter, String path) {
        Path p;
        try {
            p = Path.of(path.strip());
        } catch (InvalidPathException e) {
            throw new InvalidParameterException(parameter, path, "the path of a readable local image file");
        }
        ImageSource source = ImageSource.file(p);
        checkReadable(parameter, source);
        return source;
    }

    /** Refuses a file source that is missing, a folder or unreadable. */
    static void checkReadable(String parameter, ImageSource source) {
        if (source instanceof ImageSource.File file) {
            Path p = file.path();
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw new InvalidParameterException(parameter, p.toString(),
                        "the path of a readable local image file (none is at this path)");
            }
        }
    }

    /**
     * Checks an image source against the size and resolution limits and returns its dimensions when they can be read
     * from the header (a file, bytes or base64; a stream is not opened and a URL is not fetched).
     */
    static Optional<ImageDimensions> checkLimits(String parameter, ImageSource source) {
        checkReadable(parameter, source);
        long bytes;
        Optional<ImageDimensions> dimensions;
        try {
            if (source instanceof ImageSource.File file) {
                bytes = file.size();
                dimensions = bytes > MAX_FILE_BYTES ? Optional.empty() : ImageDimensions.probe(file.path());
            } else if (source instanceof ImageSource.Bytes b) {
                bytes = b.bytes().length;
                dimensions = bytes > MAX_FILE_BYTES ? Optional.empty() : ImageDimensions.probe(b.bytes());
            } else if (source instanceof ImageSource.Stream s) {
                bytes = s.contentLength();
                dimensions = Optional.empty();
            } else if (source instanceof ImageSource.Base64 b64) {
                bytes = WireText.checkBase64(parameter, b64.data());
                dimensions = bytes > MAX_FILE_BYTES ? Optional.empty() : probeBase64(b64.data());
            } else {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new InvalidParameterException(parameter, describe(source), "a readable image (" + e + ")");
        }
        if (bytes > MAX_FILE_BYTES) {
            throw new InvalidParameterException(parameter, describe(source), "an image of at most 22 MB (this one has "
                    + String.format(Locale.ROOT, "%.1f", bytes / 1024d / 1024d) + " MB)");
        }
        if (dimensions.isEmpty() && !(source instanceof ImageSource.Stream)) {
            // The API reads JPG, PNG and WebP only; refusing here saves the round trip and names the parameter.
            // (A stream is never opened here, so its header is unknown; the API judges it.)
            throw new InvalidParameterException(parameter, describe(source),
                    "a JPG, PNG or WebP image (its header could not be read as one)");
        }
        dimensions.ifPresent(d -> {
            if ((long) d.width() * d.height() > MAX_INPUT_PIXELS) {
                throw new InvalidParameterException(parameter, describe(source), "an image of at most 50 megapixels"
                        + " (this one is " + d.width() + "x" + d.height() + ", "
                        + String.format(Locale.ROOT, "%.1f", d.megapixels()) + " MP)");
            }
        });
        if (dimensions.isPresent()) {
            checkComplete(parameter, source);
        }
        return dimensions;
    }

    /**
     * Refuses an image whose structure shows it is cut short (an interrupted download or copy): the API would charge
     * for it and return a cut-out of the part that arrived. A stream is not read and a URL is not fetched.
     */
    private static void checkComplete(String parameter, ImageSource source) {
        Optional<String> problem;
        try {
            if (source instanceof ImageSource.File file) {
                problem = ImageCompleteness.problem(file.path());
            } else if (source instanceof ImageSource.Bytes b) {
                problem = ImageCompleteness.problem(b.bytes());
            } else if (source instanceof ImageSource.Base64 b64) {
                problem = ImageCompleteness.problem(
                        Base64.getMimeDecoder().decode(b64.data().getBytes(StandardCharsets.ISO_8859_1)));
            } else {
                return;
            }
        } catch (IOException e) {
            throw new InvalidParameterException(parameter, describe(source), "a readable image (" + e + ")");
        }
        problem.ifPresent(why -> {
            throw new InvalidParameterException(parameter, describe(source),
                    "a complete JPG, PNG or WebP image (" + why + "; nothing was sent)");
        });
    }

    private static Optional<ImageDimensions> probeBase64(String data) throws IOException {
        byte[] ascii = data.getBytes(StandardCharsets.ISO_8859_1);
        try (InputStream in = Base64.getMimeDecoder().wrap(new ByteArrayInputStream(ascii))) {
            return ImageDimensions.probe(in);
        }
    }

    /** A description of a source for an error message: never its bytes or base64 text. */
    static String describe(ImageSource source) {
        if (source instanceof ImageSource.Base64 b64) {
            return "<" + b64.data().length() + " base64 characters>";
        }
        if (source instanceof ImageSource.Url url) {
            return WireText.redactUrl(url.url());
        }
        if (source instanceof ImageSource.File file) {
            return file.path().toString();
        }
        return RemoveBgOptions.describe(source);
    }
}
