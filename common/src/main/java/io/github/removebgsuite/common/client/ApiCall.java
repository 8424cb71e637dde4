package io.github.removebgsuite.common.client;

import io.github.removebgsuite.common.request.ImageSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One endpoint call as it goes on the wire: the text fields and binary parts of the request model, plus what the
 * transport needs to price and retry it.
 *
 * @param method {@code GET} or {@code POST}
 * @param path the path below the base URL, e.g. {@code removebg}
 * @param fields the text fields (canonical order)
 * @param parts the binary parts ({@code image_file}, {@code bg_image_file}); a JSON body is sent when empty
 * @param image the main image source, priced by the rate limiter; null for calls without an image
 * @param knownCost the image's rate-limit cost in megapixels when already known, 0 to probe the image for it
 * @param idempotent whether repeating the call can never charge twice
 */
record ApiCall(String method, String path, Map<String, String> fields, Map<String, ImageSource> parts,
        ImageSource image, int knownCost, boolean idempotent) {

    ApiCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        // Copies that keep the request model's canonical order on the wire.
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        if (knownCost < 0) {
            throw new IllegalArgumentException("knownCost must not be negative: " + knownCost);
        }
    }

    static ApiCall get(String path) {
        return new ApiCall("GET", path, Map.of(), Map.of(), null, 0, true);
    }

    static ApiCall post(String path, Map<String, String> fields, Map<String, ImageSource> parts, ImageSource image,
            int knownCost) {
        return new ApiCall("POST", path, fields, parts, image, knownCost, false);
    }
}
