/**
 * Writing files so that nothing half-written is ever left on the disk: {@link
 * io.github.removebgsuite.common.files.AtomicFiles} writes to a temporary file and moves it into place, and cleans up
 * after a writer that a shutdown or a kill interrupted.
 */
package io.github.removebgsuite.common.files;
