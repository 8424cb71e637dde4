package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Shim of workflow-step-api {@code org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution} (without
 * running {@link #run()} as the starting user, {@code ACL.as2}): runs a step's blocking work on a thread of its own and
 * reports its return value or failure to the context. {@link #stop} interrupts that thread and fails the step at once
 * with the stop's cause; whatever the thread still throws is added to that cause as suppressed.
 *
 * @param <T> the step's return value
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;

    private transient volatile Future<?> task;
    private transient String threadName;
    private transient volatile Throwable stopCause;

    private static ExecutorService executorService;

    /** An execution in {@code context}. */
    protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
        super(context);
    }

    /** The step's work, on its own thread; the return value becomes the step's. */
    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        task = getExecutorService().submit(() -> {
            threadName = Thread.currentThread().getName();
            try {
                T ret = run();
                getContext().onSuccess(ret);
            } catch (Throwable x) {
                if (stopCause == null) {
                    getContext().onFailure(x);
                } else {
                    stopCause.addSuppressed(x);
                }
            }
        });
        return false;
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        if (task != null) {
            stopCause = cause;
            task.cancel(true);
        }
        super.stop(cause);
    }

    @Override
    public void onResume() {
        getContext().onFailure(new IllegalStateException("Jenkins was restarted while the step was running"));
    }

    @Override
    public @NonNull String getStatus() {
        return threadName != null ? "running in thread: " + threadName : "not yet scheduled";
    }

    @Override
    public boolean blocksRestart() {
        return threadName != null;
    }

    static synchronized ExecutorService getExecutorService() {
        if (executorService == null) {
            executorService = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution");
                t.setDaemon(true);
                return t;
            });
        }
        return executorService;
    }
}
