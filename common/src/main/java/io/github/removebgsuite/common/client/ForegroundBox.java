package io.github.removebgsuite.common.client;

/**
 * Where the foreground sits in the result, from the {@code X-Foreground-Top/Left/Width/Height} headers (or the JSON
 * answer's {@code foreground_*} fields). For inputs above 50 megapixels the values refer to the input's resolution.
 *
 * @param top the top edge in pixels
 * @param left the left edge in pixels
 * @param width the width in pixels
 * @param height the height in pixels
 */
public record ForegroundBox(int top, int left, int width, int height) {
}
