package io.github.removebgsuite.common.compose;

import java.io.InterruptedIOException;

/**
 * The heap that the compositions of one {@link ZipComposer} may hold at once. A composition books its estimate before
 * decoding and waits while the others' would not leave room for it; one composition always runs, however large, so a
 * budget smaller than one image only serialises the work.
 */
final class MemoryBudget {

    private final long bytes;
    private long inUse;
    private long peak;
    private long largest;

    MemoryBudget(long bytes) {
        this.bytes = bytes;
    }

    long bytes() {
        return bytes;
    }

    /** Waits until {@code amount} fits beside what the running compositions booked, then books it. */
    synchronized void acquire(long amount) throws InterruptedIOException {
        while (inUse > 0 && inUse + amount > bytes) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for memory to compose a ZIP result");
            }
        }
        inUse += amount;
        peak = Math.max(peak, inUse);
        largest = Math.max(largest, amount);
    }

    /** The most booked at once so far: never above the budget unless a single composition was larger. */
    synchronized long peak() {
        return peak;
    }

    /** The largest single booking so far. */
    synchronized long largest() {
        return largest;
    }

    synchronized void release(long amount) {
        inUse -= amount;
        notifyAll();
    }
}
