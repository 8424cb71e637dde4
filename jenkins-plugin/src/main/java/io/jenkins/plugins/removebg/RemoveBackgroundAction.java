package io.jenkins.plugins.removebg;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Node;
import hudson.model.Run;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import jenkins.model.Jenkins;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.GET;

/**
 * The remove.bg part of a build's page: the outcome counts and credits on the build's summary ({@code summary.jelly}),
 * and a page ({@code index.jelly}) with a before/after gallery of every image and one line per image. One action per
 * build; a Pipeline that calls the step several times adds one run per call.
 *
 * <p>The gallery's thumbnails come from {@link #doThumbnail}: scaled on the node that holds the workspace to at most
 * {@value Thumbnails#MAX_SIZE} pixels, only for images the step itself reported, only inside the workspace, and only
 * for users with <em>Job/Workspace</em> permission (as Jenkins' own workspace browser requires). While its build is
 * the job's last, it adds the credits-per-build trend to the job's page ({@link RemoveBackgroundTrendAction}).
 */
public final class RemoveBackgroundAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    private final List<BatchSummary> runs = new ArrayList<>();
    private transient Run<?, ?> run;
    /** Finds the workspace of a run on its node; tests replace it, since no Jenkins runs there. */
    private transient Function<BatchSummary, FilePath> workspaces = RemoveBackgroundAction::workspaceInJenkins;

    RemoveBackgroundAction() {
    }

    /** Adds {@code summary} to the build's action, creating the action on first use. */
    static RemoveBackgroundAction record(Run<?, ?> run, BatchSummary summary, @CheckForNull FilePath workspace) {
        if (workspace != null) {
            summary.locateWorkspace(StepRunner.nodeName(workspace), workspace.getRemote());
        }
        RemoveBackgroundAction action = run.getAction(RemoveBackgroundAction.class);
        if (action == null) {
            action = new RemoveBackgroundAction();
            run.addAction(action);
        }
        action.add(summary);
        return action;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
        this.workspaces = RemoveBackgroundAction::workspaceInJenkins;
    }

    /** The build this action belongs to. */
    @CheckForNull
    public Run<?, ?> getRun() {
        return run;
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

    /** Images taken from the shared result cache over every run in this build. */
    public synchronized int getCached() {
        return runs.stream().mapToInt(BatchSummary::getCached).sum();
    }

    /** Images failed over every run in this build. */
    public synchronized int getFailed() {
        return runs.stream().mapToInt(BatchSummary::getFailed).sum();
    }

    /** Images not run over every run in this build. */
    public synchronized int getNotRun() {
        return runs.stream().mapToInt(BatchSummary::getNotRun).sum();
    }

    /** Credits spent over every run in this build. */
    @NonNull
    public synchronized BigDecimal getCreditsSpent() {
        return runs.stream().map(BatchSummary::getCreditsSpent).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether the current user may see the gallery's thumbnails. */
    public boolean isThumbnailsVisible() {
        return run != null && run.hasPermission(Item.WORKSPACE);
    }

    /**
     * Serves a PNG thumbnail of an image the step reported in this build: {@code ?run=<index>&path=<workspace-relative
     * path>&size=<pixels, at most 256>}. Refuses users without <em>Job/Workspace</em> (403), paths the step did not
     * report or that lead outside the workspace (404), and a workspace that is gone or offline (404).
     */
    @GET
    public void doThumbnail(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, InterruptedException {
        if (run == null) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        run.checkPermission(Item.WORKSPACE);
        byte[] png = thumbnail(req.getParameter("run"), req.getParameter("path"), req.getParameter("size"));
        if (png == null) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        rsp.setContentType("image/png");
        rsp.setHeader("Cache-Control", "private, max-age=3600");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.setContentLength(png.length);
        try (OutputStream out = rsp.getOutputStream()) {
            out.write(png);
        }
    }

    /** The thumbnail, or null when the request names nothing this action may show. */
    @CheckForNull
    byte[] thumbnail(@CheckForNull String runIndex, @CheckForNull String path, @CheckForNull String size)
            throws IOException, InterruptedException {
        BatchSummary summary;
        int pixels;
        try {
            int index = runIndex == null ? 0 : Integer.parseInt(runIndex);
            List<BatchSummary> all = getRuns();
            if (index < 0 || index >= all.size()) {
                return null;
            }
            summary = all.get(index);
            pixels = size == null ? 128 : Integer.parseInt(size);
        } catch (NumberFormatException e) {
            return null;
        }
        if (path == null || !reported(summary, path)) {
            return null;
        }
        FilePath workspace = workspaces.apply(summary);
        if (workspace == null) {
            return null;
        }
        try {
            return Thumbnails.render(workspace, path, pixels);
        } catch (AbortException e) {
            return null;
        }
    }

    /** Whether the step reported {@code path} as an input or output of {@code summary}. */
    private static boolean reported(BatchSummary summary, String path) {
        return summary.getEntries().stream()
                .anyMatch(e -> path.equals(e.getInput()) || path.equals(e.getOutput()));
    }

    /** The run's workspace on its node, or null when the node is gone or offline. */
    @CheckForNull
    private static FilePath workspaceInJenkins(BatchSummary summary) {
        String name = summary.getWorkspaceNode();
        String remote = summary.getWorkspaceRemote();
        if (name == null || remote == null) {
            return null;
        }
        Jenkins jenkins = Jenkins.get();
        Node node = name.isEmpty() ? jenkins : jenkins.getNode(name);
        return node == null ? null : node.createPath(remote);
    }

    /** Replaces how workspaces are found (tests, where no Jenkins runs). */
    void workspaces(Function<BatchSummary, FilePath> locator) {
        this.workspaces = locator;
    }

    /** The job's credits-per-build trend, while this is the job's last build. */
    @Override
    public Collection<? extends Action> getProjectActions() {
        return run == null ? List.of() : List.of(new RemoveBackgroundTrendAction(run));
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
