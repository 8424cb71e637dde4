package io.jenkins.plugins.removebg;

import hudson.util.Secret;
import io.github.removebgsuite.common.ratelimit.MegapixelRateLimiter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One megapixel rate limiter per API key, API URL and rate in each JVM (the controller's or an agent's), so that the
 * builds running side by side on one node share the account's rate limit instead of each assuming all of it. The key
 * is held only as a SHA-256 digest.
 */
final class RateLimiters {
    private static final Map<String, MegapixelRateLimiter> LIMITERS = new ConcurrentHashMap<>();

    private RateLimiters() {
    }

    /** The limiter shared by every build in this JVM that uses {@code apiKey} at {@code apiUrl}. */
    static MegapixelRateLimiter shared(Secret apiKey, String apiUrl, int megapixelsPerMinute) {
        int rate = megapixelsPerMinute > 0 ? megapixelsPerMinute : MegapixelRateLimiter.DEFAULT_MEGAPIXELS_PER_MINUTE;
        String id = sha256(apiKey.getPlainText()) + ' ' + apiUrl + ' ' + rate;
        return LIMITERS.computeIfAbsent(id, k -> new MegapixelRateLimiter(rate));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
