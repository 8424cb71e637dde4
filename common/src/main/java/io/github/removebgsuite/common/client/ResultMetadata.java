package io.github.removebgsuite.common.client;

import io.github.removebgsuite.common.ratelimit.RateLimitSnapshot;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What remove.bg reported about a processed image, from the response headers ({@code X-Type}, {@code X-Width},
 * {@code X-Height}, {@code X-Credits-Charged}, {@code X-Foreground-*}, {@code X-RateLimit-*}) or, for JSON answers,
 * the corresponding fields. Immutable.
 */
public final class ResultMetadata {

    private final String detectedType;
    private final int width;
    private final int height;
    private final BigDecimal creditsCharged;
    private final ForegroundBox foreground;
    private final RateLimitSnapshot rateLimit;

    /**
     * @param detectedType the detected foreground type ({@code X-Type}), or null when not reported
     *     (e.g. with {@code type_level=none})
     * @param width the result's width in pixels, 0 when unknown
     * @param height the result's height in pixels, 0 when unknown
     * @param creditsCharged the credits charged ({@code X-Credits-Charged}), zero when not reported
     * @param foreground the foreground's position and size, or null when not reported
     * @param rateLimit the rate-limit state after the call, or null when not reported
     */
    public ResultMetadata(String detectedType, int width, int height, BigDecimal creditsCharged,
            ForegroundBox foreground, RateLimitSnapshot rateLimit) {
        this.detectedType = detectedType;
        this.width = width;
        this.height = height;
        this.creditsCharged = Objects.requireNonNull(creditsCharged, "creditsCharged");
        this.foreground = foreground;
        this.rateLimit = rateLimit;
    }

    /** The detected foreground type ({@code X-Type}: person, product, car, ...), when reported. */
    public Optional<String> detectedType() {
        return Optional.ofNullable(detectedType);
    }

    /** The result's width in pixels ({@code X-Width}); 0 when not reported. */
    public int width() {
        return width;
    }

    /** The result's height in pixels ({@code X-Height}); 0 when not reported. */
    public int height() {
        return height;
    }

    /** The credits this call cost ({@code X-Credits-Charged}, fractional, e.g. 0.25); zero when not reported. */
    public BigDecimal creditsCharged() {
        return creditsCharged;
    }

    /** The foreground's position and size in the result ({@code X-Foreground-*}), when reported. */
    public Optional<ForegroundBox> foreground() {
        return Optional.ofNullable(foreground);
    }

    /** The rate-limit state after this call ({@code X-RateLimit-*}), when reported. */
    public Optional<RateLimitSnapshot> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultMetadata m && width == m.width && height == m.height
                && Objects.equals(detectedType, m.detectedType) && creditsCharged.compareTo(m.creditsCharged) == 0
                && Objects.equals(foreground, m.foreground) && Objects.equals(rateLimit, m.rateLimit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(detectedType, width, height, creditsCharged.stripTrailingZeros(), foreground, rateLimit);
    }

    @Override
    public String toString() {
        return "ResultMetadata[detectedType=" + detectedType + ", width=" + width + ", height=" + height
                + ", creditsCharged=" + creditsCharged.toPlainString() + ", foreground=" + foreground
                + ", rateLimit=" + rateLimit + "]";
    }
}
