package io.github.removebgsuite.common.batch;

/**
 * Receives a batch's progress. The engine calls a listener from one thread at a time (never concurrently), so an
 * implementation needs no locking of its own; it should return quickly, since workers wait while it runs. An
 * exception thrown by a listener is logged and otherwise ignored: progress reporting never fails a batch.
 */
public interface BatchListener {

    /** A listener that ignores every event. */
    BatchListener NONE = new BatchListener() { };

    /**
     * Called once, after the inputs were resolved and before any image is looked at.
     *
     * @param total the number of inputs, each of which will be reported once through {@link #onItem}
     */
    default void onStart(int total) {
    }

    /**
     * Called once per input, in the order the inputs finish (not the order they were given).
     *
     * @param item the input's outcome
     * @param completed how many inputs have finished so far, including this one
     * @param total the number of inputs
     */
    default void onItem(BatchItem item, int completed, int total) {
    }

    /**
     * Called once before the first image when an earlier run on this output folder ended (killed, crashed or
     * stopped at once) with calls in flight: those images may have been charged without their results being saved.
     * Hosts say so, naming them; this run processes them again.
     *
     * @param inputs the inputs that were in flight, as the earlier run named them
     */
    default void onPossiblyCharged(java.util.List<java.nio.file.Path> inputs) {
    }

    /**
     * Called once when another run (in this or another process) holds the output folder, before waiting for it.
     *
     * @param lockFile the lock file being waited for
     */
    default void onWaitingForLock(java.nio.file.Path lockFile) {
    }

    /** Called once at the end, with the full report (also after a cancellation or a stop). */
    default void onFinish(BatchReport report) {
    }
}
