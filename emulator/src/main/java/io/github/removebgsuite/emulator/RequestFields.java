package io.github.removebgsuite.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * The fields of one request body, whatever its encoding: {@code multipart/form-data},
 * {@code application/x-www-form-urlencoded} or {@code application/json}. Every field keeps its raw bytes (binary parts
 * such as {@code image_file}) and is readable as text. JSON objects are flattened to bracket keys, so
 * {@code {"shadow_type": {"car": "car"}}} and {@code {"shadow_type[car]": "car"}} read alike.
 */
final class RequestFields {
    /** Largest body accepted at all: room for a 22 MB file as base64 plus a background image. */
    static final long MAX_BODY_BYTES = 80L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, byte[]> values;
    private final Map<String, Integer> counts;

    private RequestFields(Map<String, byte[]> values, Map<String, Integer> counts) {
        this.values = values;
        this.counts = counts;
    }

    /** Parses a body of the given {@code Content-Type}; an empty or absent body gives no fields. */
    static RequestFields parse(String contentType, InputStream body) throws ApiError {
        Map<String, byte[]> values = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        try {
            if (type.startsWith("multipart/form-data")) {
                parseMultipart(contentType, body, values, counts);
            } else {
                byte[] bytes = readLimited(body, MAX_BODY_BYTES);
                if (bytes.length == 0) {
                    return new RequestFields(values, counts);
                }
                if (type.startsWith("application/json")) {
                    parseJson(bytes, values, counts);
                } else if (type.startsWith("application/x-www-form-urlencoded")) {
                    parseUrlEncoded(new String(bytes, StandardCharsets.US_ASCII), values, counts);
                } else {
                    throw ApiError.badRequest("invalid_parameter", "Unsupported request body",
                            "Content-Type must be multipart/form-data, application/x-www-form-urlencoded or "
                                    + "application/json.");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ApiError.badRequest("invalid_parameter", "Unreadable request body",
                    "The " + (type.isEmpty() ? "request" : type.split(";")[0]) + " body could not be parsed.");
        }
        return new RequestFields(values, counts);
    }

    private static void put(Map<String, byte[]> values, Map<String, Integer> counts, String name, byte[] value) {
        values.put(name, value);
        counts.merge(name, 1, Integer::sum);
    }

    private static void parseMultipart(String contentType, InputStream body, Map<String, byte[]> values,
            Map<String, Integer> counts) throws IOException {
        MultipartUpload upload = new MultipartUpload();
        upload.setSizeMax(MAX_BODY_BYTES);
        FileItemInputIterator items = upload.getItemIterator(new StreamContext(contentType, body));
        while (items.hasNext()) {
            FileItemInput item = items.next();
            try (InputStream in = item.getInputStream()) {
                put(values, counts, item.getFieldName(), in.readAllBytes());
            }
        }
    }

    private static void parseUrlEncoded(String body, Map<String, byte[]> values, Map<String, Integer> counts) {
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            put(values, counts, name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void parseJson(byte[] body, Map<String, byte[]> values, Map<String, Integer> counts)
            throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.isObject()) {
            throw new IOException("JSON body is not an object");
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    put(values, counts, field.getKey() + "[" + entry.getKey() + "]", scalar(entry.getValue()));
                }
            } else if (!value.isNull()) {
                put(values, counts, field.getKey(), scalar(value));
            }
        }
    }

    private static byte[] scalar(JsonNode node) throws IOException {
        if (!node.isValueNode()) {
            throw new IOException("JSON values must be strings, numbers or booleans");
        }
        return node.asText().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > limit) {
                throw new IOException("body over " + limit + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** True when the field is present and not blank (the API treats empty fields as absent). */
    boolean has(String name) {
        byte[] value = values.get(name);
        return value != null && (value.length > 0 && !text(name).orElse("").isBlank());
    }

    /** The field as trimmed UTF-8 text, when present and not blank. */
    Optional<String> text(String name) {
        byte[] value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = new String(value, StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The field's raw bytes, when present and not empty. */
    Optional<byte[]> bytes(String name) {
        byte[] value = values.get(name);
        return value == null || value.length == 0 ? Optional.empty() : Optional.of(value);
    }

    /** How often a field name occurred in the body. */
    int count(String name) {
        return counts.getOrDefault(name, 0);
    }

    /** Every field name, in arrival order. */
    List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** The fields {@code prefix[key]} as a map from key to text value. */
    Map<String, String> perKey(String prefix) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : values.keySet()) {
            if (name.startsWith(prefix + "[") && name.endsWith("]")) {
                text(name).ifPresent(v -> map.put(name.substring(prefix.length() + 1, name.length() - 1)
                        .trim().toLowerCase(Locale.ROOT), v));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** Commons FileUpload bound to a plain request context; only its streaming iterator is used. */
    private static final class MultipartUpload
            extends AbstractFileUpload<StreamContext, DiskFileItem, DiskFileItemFactory> {
        @Override
        public FileItemInputIterator getItemIterator(StreamContext request) throws FileUploadException, IOException {
            return getItemIterator((RequestContext) request);
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(StreamContext request) throws FileUploadException {
            throw new UnsupportedOperationException("streaming only");
        }

        @Override
        public List<DiskFileItem> parseRequest(StreamContext request) throws FileUploadException {
            throw new UnsupportedOperationException("streaming only");
        }
    }

    /** The request as Commons FileUpload sees it: a content type and a stream. */
    private record StreamContext(String contentType, InputStream body) implements RequestContext {
        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return body;
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }
}
