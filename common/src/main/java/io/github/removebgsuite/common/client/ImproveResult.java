package io.github.removebgsuite.common.client;

import java.util.Objects;

/**
 * The answer to {@code POST /improve}: the id remove.bg gave the submitted image.
 *
 * @param id the submission id, e.g. {@code fe09820b-be79-4511-8836-679583529882}
 */
public record ImproveResult(String id) {

    /** Checks the id is present. */
    public ImproveResult {
        Objects.requireNonNull(id, "id");
    }
}
