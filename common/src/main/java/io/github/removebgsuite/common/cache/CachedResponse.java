package io.github.removebgsuite.common.cache;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One saved remove.bg answer: the response headers the result depends on ({@code Content-Type}, {@code X-Type},
 * {@code X-Width}, ...; names as given) and the body. The body array is not copied: callers must not change it.
 *
 * @param headers the response headers the result depends on; copied to an unmodifiable map sorted by name
 * @param body the response body, exactly as received
 */
public record CachedResponse(Map<String, String> headers, byte[] body) {

    /**
     * @throws NullPointerException if {@code headers}, one of its names or values, or {@code body} is null
     */
    public CachedResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        SortedMap<String, String> sorted = new TreeMap<>();
        headers.forEach((name, value) -> sorted.put(Objects.requireNonNull(name, "header name"),
                Objects.requireNonNull(value, () -> "value of header " + name)));
        headers = Collections.unmodifiableSortedMap(sorted);
    }

    /** Equal when the headers and the body's bytes are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CachedResponse that && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * headers.hashCode() + Arrays.hashCode(body);
    }

    /** The headers and the body's length (never the body itself). */
    @Override
    public String toString() {
        return "CachedResponse[headers=" + headers + ", body=" + body.length + " bytes]";
    }
}
