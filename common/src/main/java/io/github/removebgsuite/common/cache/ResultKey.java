package io.github.removebgsuite.common.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.removebgsuite.common.request.ImageSource;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fingerprint of a background removal: SHA-256 over the backend's identity, the image's content, the canonical
 * parameters and the background file's content. Two requests with the same fingerprint get the same answer, so a
 * {@link ResultCache} entry under it can stand in for a paid call. Never depends on file names, output paths or the
 * order parameters were given in.
 */
public final class ResultKey {
    private static final String VERSION = "removebg-result-v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultKey() {
    }

    /**
     * Whether a request's answer can be cached: not when the service downloads the image or the background itself
     * ({@code image_url}, {@code bg_image_url}), since what it would find there is unknown here.
     */
    public static boolean isCacheable(RemoveBgRequest request) {
        return !(request.image() instanceof ImageSource.Url) && !request.formFields().containsKey("bg_image_url");
    }

    /**
     * The fingerprint of a cacheable request (reads a file or stream source once to hash it).
     *
     * @param backendIdentity the backend the request goes to ({@code RemoveBgClient.backendIdentity()})
     * @return the 64-character lowercase hex key, or empty when {@link #isCacheable(RemoveBgRequest)} is false
     * @throws IOException when the image or background source cannot be read
     */
    public static Optional<String> of(String backendIdentity, RemoveBgRequest request) throws IOException {
        if (!isCacheable(request)) {
            return Optional.empty();
        }
        String image = request.image().isBinary() ? sha256(request.image()) : "";
        ImageSource background = request.fileParts().get("bg_image_file");
        return Optional.of(of(backendIdentity, image, request.formFields(),
                background == null ? null : sha256(background)));
    }

    /**
     * The fingerprint from its parts, for callers that hashed the image already.
     *
     * @param backendIdentity the backend the request goes to
     * @param imageSha256 the SHA-256 of a binary image source, or empty when the image is a text field
     * @param formFields the request's text fields ({@code RemoveBgRequest.formFields()})
     * @param backgroundSha256 the SHA-256 of the {@code bg_image_file}, or null when there is none
     */
    public static String of(String backendIdentity, String imageSha256, Map<String, String> formFields,
            String backgroundSha256) {
        String fields;
        try {
            fields = JSON.writeValueAsString(new TreeMap<>(formFields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
        String canonical = VERSION + "\nbackend=" + backendIdentity + "\ninput=" + imageSha256 + "\nfields=" + fields
                + "\nbg_image_file=" + (backgroundSha256 == null ? "" : backgroundSha256);
        return hex(digest().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** The SHA-256 of a binary source's bytes, as lowercase hex. */
    public static String sha256(ImageSource source) throws IOException {
        if (source instanceof ImageSource.File f) {
            return sha256(f.path());
        } else if (source instanceof ImageSource.Bytes b) {
            return hex(digest().digest(b.bytes()));
        } else if (source instanceof ImageSource.Stream s) {
            try (InputStream in = s.opener().open()) {
                return sha256(in);
            }
        }
        throw new IllegalArgumentException("Only binary sources have content to hash, not " + source.getClass()
                .getSimpleName());
    }

    /** The SHA-256 of a file's bytes, as lowercase hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return hex(digest.digest());
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
