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
     * Waits until no call is in flight, at most {@code timeout}. An interrupt (Camel interrupts its shutdown task when
     * its own timeout forces the routes down) does not cut the wait short, since the calls waited for may already be
     * charged; the thread's interrupt status is restored before returning.
     *
     * @return whether none is left in flight
     */
    synchronized boolean awaitNone(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (calls > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
