package io.github.removebgsuite.common.client;

import io.github.removebgsuite.common.request.ImageSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * A multipart part streamed from an {@link ImageSource}: the source is opened in {@link #writeTo(BufferedSink)}, on
 * the connection's thread, and copied in small chunks, so a 22 MB file never sits in memory; each attempt opens it
 * afresh, which is what lets a retry re-send it.
 */
final class ImageSourceBody extends RequestBody {

    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private final ImageSource source;
    private final String filename;

    ImageSourceBody(ImageSource source) {
        if (!source.isBinary()) {
            throw new IllegalArgumentException("not a binary image source: " + source.getClass().getSimpleName());
        }
        this.source = source;
        this.filename = filenameOf(source);
    }

    /** The file name sent in the part's {@code Content-Disposition}. */
    String filename() {
        return filename;
    }

    @Override
    public MediaType contentType() {
        String name = filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return MediaType.get("image/jpeg");
        }
        if (name.endsWith(".png")) {
            return MediaType.get("image/png");
        }
        if (name.endsWith(".webp")) {
            return MediaType.get("image/webp");
        }
        return OCTET_STREAM;
    }

    @Override
    public long contentLength() throws IOException {
        if (source instanceof ImageSource.File file) {
            return Files.size(file.path());
        }
        if (source instanceof ImageSource.Bytes bytes) {
            return bytes.bytes().length;
        }
        return ((ImageSource.Stream) source).contentLength();
    }

    @Override
    public boolean isOneShot() {
        return false;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        if (source instanceof ImageSource.Bytes bytes) {
            sink.write(bytes.bytes());
            return;
        }
        try (InputStream in = open(); Source from = Okio.source(in)) {
            sink.writeAll(from);
        }
    }

    private InputStream open() throws IOException {
        if (source instanceof ImageSource.File file) {
            return Files.newInputStream(file.path());
        }
        InputStream in = ((ImageSource.Stream) source).opener().open();
        if (in == null) {
            throw new IOException("the stream opener for '" + filename + "' returned no stream");
        }
        return in;
    }

    private static String filenameOf(ImageSource source) {
        if (source instanceof ImageSource.File file) {
            return file.filename();
        }
        if (source instanceof ImageSource.Bytes bytes) {
            return bytes.filename();
        }
        return ((ImageSource.Stream) source).filename();
    }
}
