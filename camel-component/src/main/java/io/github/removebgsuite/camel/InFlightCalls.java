package io.github.removebgsuite.camel;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts the remove.bg calls in flight, so a stopping producer or component can wait for them instead of closing the
 * client under them: a call that was sent may already be charged, and its answer is worth waiting for (it is
 * delivered to the route, and saved in the result cache when one is configured).
 */
final class InFlightCalls {

    private int calls;
    private int waiters;

    /** A call was handed to the client. */
    synchronized void started() {
        calls++;
    }

    /** A call's answer (or failure) was delivered to the route. */
    synchronized void finished() {
        calls--;
        notifyAll();
    }

    /** The calls in flight now. */
    synchronized int count() {
        return calls;
    }

    /**
     * Waits until no call is in flight, at most {@code timeout}.
     *
     * @return whether none is left in flight
     */
    synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        waiters++;
        notifyAll();
        try {
            while (calls > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        } finally {
            waiters--;
        }
    }

    /**
     * Waits until some thread waits in {@link #awaitNone} (tests use it to act while a stop is waiting for a call).
     *
     * @return false when the timeout passed first
     */
    synchronized boolean awaitWaiter(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waiters == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
