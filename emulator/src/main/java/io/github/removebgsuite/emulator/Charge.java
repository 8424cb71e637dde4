package io.github.removebgsuite.emulator;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One charged {@code /removebg} call, as recorded by the emulator: lets tests prove that no image was charged twice.
 *
 * @param key the API key or OAuth token charged (hidden in {@link #toString()})
 * @param imageSha256 lower-case hex SHA-256 of the input image bytes as received (file, decoded base64 or download)
 * @param credits the credits charged (0.25 or 1)
 * @param timestamp when the charge was booked
 */
public record Charge(String key, String imageSha256, BigDecimal credits, Instant timestamp) {
    @Override
    public String toString() {
        return "Charge[key=***, imageSha256=" + imageSha256 + ", credits=" + credits.toPlainString() + ", timestamp="
                + timestamp + "]";
    }
}
