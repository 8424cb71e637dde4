/**
 * The one typed model of every remove.bg request parameter, validated before any credit is spent.
 *
 * <p>The API's own names are the vocabulary: {@link RemoveBgOptions#fromParameters} takes {@code size}, {@code
 * crop_margin} or {@code shadow_type[car]} as hosts pass them, the builders' methods are their camelCase, and {@code
 * formFields()} returns them exactly as they go on the wire, sorted by name. One parser serves both ways in: every
 * enum has {@code fromWire(parameter, value)}, every value type ({@link Roi}, {@link CropMargin}, {@link Scale},
 * {@link Position}, {@link ShadowOpacity}, {@link BgColor}) has {@code parse(value)} and {@code wireValue()}, and
 * every failure is an {@link io.github.removebgsuite.common.error.InvalidParameterException} naming the parameter, the
 * rejected value and what is allowed. A blank value means "not set"; a name the model does not know is passed through
 * verbatim.
 */
package io.github.removebgsuite.common.request;
