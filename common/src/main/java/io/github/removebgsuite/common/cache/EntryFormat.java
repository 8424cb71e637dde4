package io.github.removebgsuite.common.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes of one entry file: a magic line, a one-line JSON header (the headers, the body's length and its SHA-256),
 * then the body. Decoding checks all three and refuses anything else.
 */
final class EntryFormat {

    /** The first line of every entry file; a new layout gets a new magic line and a new {@code v} folder. */
    static final byte[] MAGIC = "removebg-suite result cache entry v1\n".getBytes(StandardCharsets.US_ASCII);

    /** The longest header line accepted, so a garbage file is refused without parsing megabytes of it. */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private EntryFormat() {
    }

    /** The magic line and the header line (ending in a newline) to write before {@code response.body()}. */
    static byte[] prefix(CachedResponse response) {
        ObjectNode header = JSON.createObjectNode();
        ObjectNode headers = header.putObject("headers");
        response.headers().forEach(headers::put);
        header.put("body_length", response.body().length);
        header.put("body_sha256", sha256(response.body()));
        byte[] line;
        try {
            line = JSON.writeValueAsBytes(header);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a cache entry header", e);
        }
        byte[] prefix = Arrays.copyOf(MAGIC, MAGIC.length + line.length + 1);
        System.arraycopy(line, 0, prefix, MAGIC.length, line.length);
        prefix[prefix.length - 1] = '\n';
        return prefix;
    }

    /**
     * The response held by a whole entry file.
     *
     * @throws CorruptEntryException if the magic line, header, body length or SHA-256 is wrong
     */
    static CachedResponse decode(byte[] file) throws CorruptEntryException {
        if (file.length < MAGIC.length || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptEntryException("no entry magic line");
        }
        int end = -1;
        int limit = (int) Math.min(file.length, (long) MAGIC.length + MAX_HEADER_BYTES);
        for (int i = MAGIC.length; i < limit; i++) {
            if (file[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new CorruptEntryException("no complete header line");
        }
        JsonNode header;
        try {
            header = JSON.readTree(file, MAGIC.length, end - MAGIC.length);
        } catch (IOException e) {
            throw new CorruptEntryException("header is not JSON");
        }
        if (header == null || !header.isObject() || !header.path("headers").isObject()
                || !header.path("body_length").canConvertToLong() || !header.path("body_sha256").isTextual()) {
            throw new CorruptEntryException("header lacks headers, body_length or body_sha256");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.get("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual()) {
                throw new CorruptEntryException("header " + field.getKey() + " is not text");
            }
            headers.put(field.getKey(), field.getValue().textValue());
        }
        long length = header.get("body_length").longValue();
        int bodyStart = end + 1;
        if (length != file.length - bodyStart) {
            throw new CorruptEntryException("body is " + (file.length - bodyStart) + " bytes, header says " + length);
        }
        byte[] body = Arrays.copyOfRange(file, bodyStart, file.length);
        if (!sha256(body).equals(header.get("body_sha256").textValue())) {
            throw new CorruptEntryException("body SHA-256 does not match the header");
        }
        return new CachedResponse(headers, body);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** An entry file that is not a whole, intact entry. */
    static final class CorruptEntryException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptEntryException(String reason) {
            super(reason, null, false, false);
        }
    }
}
