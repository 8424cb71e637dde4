package io.jenkins.plugins.removebg;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.concurrent.CompletableFuture;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** A Pipeline step context for tests without Jenkins: the build, its workspace, environment and log. */
final class FakeStepContext extends StepContext {
    private static final long serialVersionUID = 1L;

    /** Completes with the step's return value, or exceptionally with its failure. */
    final transient CompletableFuture<Object> outcome = new CompletableFuture<>();
    private final transient Run<?, ?> run;
    private final transient FilePath workspace;
    private final transient TaskListener listener;

    FakeStepContext(Run<?, ?> run, FilePath workspace, TaskListener listener) {
        this.run = run;
        this.workspace = workspace;
        this.listener = listener;
    }

    @Override
    public <T> T get(Class<T> key) {
        Object value = key == Run.class ? run : key == FilePath.class ? workspace
                : key == TaskListener.class ? listener : key == EnvVars.class ? new EnvVars() : null;
        return key.cast(value);
    }

    @Override
    public void onSuccess(Object result) {
        outcome.complete(result);
    }

    @Override
    public void onFailure(Throwable t) {
        outcome.completeExceptionally(t);
    }

    @Override
    public boolean isReady() {
        return outcome.isDone();
    }

    @Override
    public void setResult(Result r) {
        run.setResult(r);
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
