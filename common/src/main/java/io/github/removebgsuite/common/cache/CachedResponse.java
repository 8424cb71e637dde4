package io.github.removebgsuite.common.cache;

import java.util.Map;

/**
 * PLACEHOLDER (see {@link ResultCache}): one saved answer, its headers and body.
 *
 * @param headers the headers the result depends on
 * @param body the body
 */
public record CachedResponse(Map<String, String> headers, byte[] body) {
}
