package io.github.removebgsuite.common.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.ByteString;

/** Test fixtures: generated images, canned answers and decoders for recorded request bodies. */
final class Wire {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Wire() {
    }

    /** A real PNG of the given size, generated with ImageIO. */
    static byte[] png(int width, int height) {
        return encode(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    /** A real JPEG of the given size. */
    static byte[] jpeg(int width, int height) {
        return encode(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 200 carrying a PNG result with the documented headers. */
    static MockResponse.Builder pngResult(byte[] png) {
        return new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "image/png")
                .setHeader("X-Type", "product")
                .setHeader("X-Width", "4")
                .setHeader("X-Height", "3")
                .setHeader("X-Credits-Charged", "0.25")
                .setHeader("X-Foreground-Top", "1")
                .setHeader("X-Foreground-Left", "2")
                .setHeader("X-Foreground-Width", "3")
                .setHeader("X-Foreground-Height", "1")
                .setHeader("X-RateLimit-Limit", "500")
                .setHeader("X-RateLimit-Remaining", "499")
                .setHeader("X-RateLimit-Reset", "1757465959")
                .body(new Buffer().write(png));
    }

    /** An error answer with a JSON body. */
    static MockResponse error(int status, String json) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(json).build();
    }

    /** One part of a recorded multipart body. */
    record Part(Headers headers, ByteString body) {
        String utf8() {
            return body.utf8();
        }
    }

    /** The parts of a recorded {@code multipart/form-data} body, by field name, in order. */
    static Map<String, Part> multipart(RecordedRequest request) throws IOException {
        MediaType type = MediaType.parse(request.getHeaders().get("Content-Type"));
        if (type == null || !"multipart".equals(type.type()) || !"form-data".equals(type.subtype())) {
            throw new AssertionError("not multipart/form-data: " + request.getHeaders().get("Content-Type"));
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()),
                type.parameter("boundary"))) {
            MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                String disposition = part.headers().get("Content-Disposition");
                String name = disposition.replaceAll(".*\\bname=\"([^\"]*)\".*", "$1");
                parts.put(name, new Part(part.headers(), part.body().readByteString()));
            }
        }
        return parts;
    }

    /** The text fields of a recorded multipart body (parts without a file name). */
    static Map<String, String> multipartFields(RecordedRequest request) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        multipart(request).forEach((name, part) -> {
            if (!part.headers().get("Content-Disposition").contains("filename=")) {
                fields.put(name, part.utf8());
            }
        });
        return fields;
    }

    /** A recorded JSON body. */
    static JsonNode json(RecordedRequest request) throws IOException {
        String type = request.getHeaders().get("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            throw new AssertionError("not JSON: " + type);
        }
        return MAPPER.readTree(request.getBody().utf8());
    }
}
