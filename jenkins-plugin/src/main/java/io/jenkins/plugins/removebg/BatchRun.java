package io.jenkins.plugins.removebg;

import io.github.removebgsuite.common.batch.BatchEngine;
import io.github.removebgsuite.common.batch.BatchJob;
import io.github.removebgsuite.common.batch.BatchReport;
import io.github.removebgsuite.common.batch.StopSignal;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One batch, run on a thread of its own while the step's thread waits for it, so that an abort of the build (which
 * interrupts the step's thread: the executor's in a freestyle build, the step's own in Pipeline, the agent's request
 * thread over remoting) becomes a graceful stop of the batch rather than a lost paid result.
 *
 * <p>The first interrupt requests a graceful stop ({@link StopSignal#requestStop()}): no new image is started and the
 * calls in flight may finish within the grace period and are saved. A second interrupt stops at once
 * ({@link StopSignal#stopNow()}). Each is said in the build log. An abort while the batch still waits for another
 * build to release the output folder ends the wait at once: nothing was sent yet, so nothing is at stake.
 */
final class BatchRun {
    private final CompletableFuture<BatchReport> report = new CompletableFuture<>();
    private final StopSignal stop;
    private final PrintStream log;
    private final AtomicBoolean waitingForLock;
    private final Thread thread;
    private int interrupts;

    /**
     * Starts {@code job} on a new thread.
     *
     * @param waitingForLock true while the batch waits for another build's output folder (set by the job's listener)
     */
    BatchRun(BatchEngine engine, BatchJob job, StopSignal stop, PrintStream log, AtomicBoolean waitingForLock) {
        this.stop = stop;
        this.log = log;
        this.waitingForLock = waitingForLock;
        this.thread = new Thread(() -> {
            try {
                report.complete(engine.run(job));
            } catch (Throwable t) {
                report.completeExceptionally(t);
            }
        }, "removebg batch " + job.outputDirectory());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits for the batch to end, turning interrupts of the calling thread into stop requests, and returns its
     * report (which, after a stop, lists the images not run).
     *
     * @throws RuntimeException whatever the engine threw (a {@code RemoveBgException} when nothing could be processed)
     * @throws InterruptedException when the build was aborted before the batch could start
     */
    BatchReport await() throws InterruptedException {
        while (true) {
            try {
                return report.get();
            } catch (InterruptedException e) {
                interrupts++;
                if (waitingForLock.get()) {
                    log.println(RemoveBackgroundCallable.LOG_PREFIX
                            + "Aborted while waiting for another build's output folder; nothing was sent.");
                    thread.interrupt();
                } else if (interrupts == 1) {
                    log.println(RemoveBackgroundCallable.LOG_PREFIX + "Abort requested: no new image is started; the "
                            + "calls in flight may take up to " + stop.grace().toSeconds() + " s to finish and their "
                            + "paid results are saved. Abort again to stop at once.");
                    stop.requestStop();
                } else {
                    log.println(RemoveBackgroundCallable.LOG_PREFIX + "Aborted again: stopping at once. The calls "
                            + "still in flight are cancelled; remove.bg may charge them, and the next build names "
                            + "them and processes them again.");
                    stop.stopNow();
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (interrupts > 0 && waitingForLock.get()) {
                    InterruptedException aborted = new InterruptedException("remove.bg: the build was aborted while "
                            + "waiting for another build's output folder; nothing was sent");
                    aborted.initCause(cause);
                    throw aborted;
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /** Whether the calling thread was interrupted (the build aborted) while the batch ran. */
    boolean aborted() {
        return interrupts > 0;
    }
}
