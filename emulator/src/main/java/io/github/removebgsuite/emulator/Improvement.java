package io.github.removebgsuite.emulator;

import java.time.Instant;
import java.util.Optional;

/**
 * One image kept by {@code POST /improve}.
 *
 * @param id the id answered to the client
 * @param imageSha256 lower-case hex SHA-256 of the submitted image bytes
 * @param imageSize the submitted image's size in bytes
 * @param imageFilename the {@code image_filename} sent
 * @param tag the {@code tag} sent
 * @param timestamp when the submission arrived
 */
public record Improvement(String id, String imageSha256, long imageSize, Optional<String> imageFilename,
        Optional<String> tag, Instant timestamp) {
}
