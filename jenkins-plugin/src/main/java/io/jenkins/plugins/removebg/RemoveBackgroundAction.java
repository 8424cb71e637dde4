package io.jenkins.plugins.removebg;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Run;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The remove.bg summary on a build's page ({@code summary.jelly}) with a page listing every image
 * ({@code index.jelly}). One action per build; a Pipeline that calls the step several times adds one summary per call.
 */
public final class RemoveBackgroundAction implements Action {
    private final List<BatchSummary> runs = new ArrayList<>();

    RemoveBackgroundAction() {
    }

    /** Adds {@code summary} to the build's action, creating the action on first use. */
    static RemoveBackgroundAction record(Run<?, ?> run, BatchSummary summary) {
        RemoveBackgroundAction action = run.getAction(RemoveBackgroundAction.class);
        if (action == null) {
            action = new RemoveBackgroundAction();
            run.addAction(action);
        }
        action.add(summary);
        return action;
    }

    synchronized void add(BatchSummary summary) {
        runs.add(summary);
    }

    /** The summaries of the step's runs in this build, in order. */
    @NonNull
    public synchronized List<BatchSummary> getRuns() {
        return Collections.unmodifiableList(new ArrayList<>(runs));
    }

    /** Images processed over every run in this build. */
    public synchronized int getProcessed() {
        return runs.stream().mapToInt(BatchSummary::getProcessed).sum();
    }

    /** Images skipped over every run in this build. */
    public synchronized int getSkipped() {
        return runs.stream().mapToInt(BatchSummary::getSkipped).sum();
    }

    /** Images failed over every run in this build. */
    public synchronized int getFailed() {
        return runs.stream().mapToInt(BatchSummary::getFailed).sum();
    }

    /** Credits spent over every run in this build. */
    @NonNull
    public synchronized BigDecimal getCreditsSpent() {
        return runs.stream().map(BatchSummary::getCreditsSpent).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public String getIconFileName() {
        return "symbol-document-text";
    }

    @Override
    public String getDisplayName() {
        return "remove.bg";
    }

    @Override
    public String getUrlName() {
        return "removebg";
    }
}
