/**
 * The shared result cache: a folder of saved remove.bg answers keyed by request fingerprint, so an image already
 * processed with the same parameters on the same backend costs no second credit.
 *
 * <p>{@link io.github.removebgsuite.common.cache.ResultCache} stores each answer
 * ({@link io.github.removebgsuite.common.cache.CachedResponse}: the headers the result depends on and the body) in one
 * file, {@code <dir>/v1/<first two hex chars of the key>/<key>.entry}, written to a temporary file in the same folder
 * and then moved into place atomically, so readers only ever see whole entries. Every read checks the body's length and
 * SHA-256; a corrupt or partial entry is deleted and treated as absent. Least-recently-used entries (by file time,
 * which a hit refreshes) are evicted while the folder holds more than the configured maximum. Several threads,
 * processes and machines on a shared folder may use one cache at once.
 */
package io.github.removebgsuite.common.cache;
