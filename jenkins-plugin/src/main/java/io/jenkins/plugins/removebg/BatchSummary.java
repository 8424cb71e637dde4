package io.jenkins.plugins.removebg;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.github.removebgsuite.common.batch.BatchItem;
import io.github.removebgsuite.common.batch.BatchReport;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of the step did, as the agent reports it back to the controller and as the build page shows it: the
 * counts, the credits and one line per input, with workspace-relative paths. Plain values only, so it crosses
 * remoting and is stored in the build's XML as is.
 */
public final class BatchSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int processed;
    private final int skipped;
    private final int cached;
    private final int failed;
    private final int notRun;
    private final int estimated;
    private final BigDecimal creditsSpent;
    private final BigDecimal estimatedCredits;
    private final boolean dryRun;
    @CheckForNull
    private final String stopReason;
    @CheckForNull
    private final String reportFile;
    /** Whether the build was aborted while the step ran (the calls in flight were let finish and saved). */
    private final boolean aborted;
    /** Inputs an earlier, interrupted run may have been charged for without saving the result. */
    private final ArrayList<String> possiblyCharged;
    /** A plain ArrayList: it crosses remoting and is stored in build.xml. */
    private final ArrayList<Entry> entries;
    /** The node that holds the workspace ("" for the built-in node), set on the controller; null when unknown. */
    @CheckForNull
    private String workspaceNode;
    /** The workspace as its node sees it, set on the controller; null when unknown. */
    @CheckForNull
    private String workspaceRemote;

    BatchSummary(BatchReport report, Path workspace, @CheckForNull Path reportFile, boolean aborted) {
        this.processed = report.processed();
        this.skipped = report.skipped();
        this.cached = report.cached();
        this.aborted = aborted;
        this.possiblyCharged = new ArrayList<>();
        report.possiblyCharged().forEach(p -> possiblyCharged.add(relative(workspace, p)));
        this.failed = report.failed();
        this.notRun = report.notRun();
        this.dryRun = report.dryRun();
        this.creditsSpent = report.creditsSpent();
        this.estimatedCredits = report.estimatedCredits();
        this.stopReason = report.stopReason().orElse(null);
        this.reportFile = reportFile == null ? null : relative(workspace, reportFile);
        ArrayList<Entry> list = new ArrayList<>();
        int estimates = 0;
        for (BatchItem item : report.items()) {
            list.add(new Entry(relative(workspace, item.input()), item.outcome().name(), item.credits(),
                    item.output().map(p -> relative(workspace, p)).orElse(null), item.message().orElse(null)));
            if (item.outcome() == BatchItem.Outcome.ESTIMATED) {
                estimates++;
            }
        }
        this.estimated = estimates;
        this.entries = list;
    }

    static String relative(Path workspace, Path file) {
        Path root = workspace.toAbsolutePath().normalize();
        Path p = file.toAbsolutePath().normalize();
        return (p.startsWith(root) ? root.relativize(p) : p).toString().replace('\\', '/');
    }

    /** Images whose background was removed in this run. */
    public int getProcessed() {
        return processed;
    }

    /** Images skipped because the manifest shows them done with the same parameters. */
    public int getSkipped() {
        return skipped;
    }

    /**
     * Images whose result came from the shared result cache (another workspace or build paid for it) and was
     * written; they cost nothing.
     */
    public int getCached() {
        return cached;
    }

    /** Whether the build was aborted while this run was under way. */
    public boolean isAborted() {
        return aborted;
    }

    /** Inputs an earlier, interrupted run may have been charged for without saving their results. */
    @NonNull
    public List<String> getPossiblyCharged() {
        return Collections.unmodifiableList(possiblyCharged);
    }

    /** Images that failed. */
    public int getFailed() {
        return failed;
    }

    /** Images not attempted (budget reached, stopped early or aborted). */
    public int getNotRun() {
        return notRun;
    }

    /** Images a dry run would process. */
    public int getEstimated() {
        return estimated;
    }

    /** Credits charged by remove.bg in this run. */
    @NonNull
    public BigDecimal getCreditsSpent() {
        return creditsSpent;
    }

    /** Credits a dry run estimates. */
    @NonNull
    public BigDecimal getEstimatedCredits() {
        return estimatedCredits;
    }

    /** Whether this was a dry run. */
    public boolean isDryRun() {
        return dryRun;
    }

    /** Why the batch stopped early, or null. */
    @CheckForNull
    public String getStopReason() {
        return stopReason;
    }

    /** The workspace-relative report file, or null. */
    @CheckForNull
    public String getReportFile() {
        return reportFile;
    }

    /** The node that holds the workspace ("" for the built-in node), or null when unknown. */
    @CheckForNull
    String getWorkspaceNode() {
        return workspaceNode;
    }

    /** The workspace as its node sees it, or null when unknown. */
    @CheckForNull
    String getWorkspaceRemote() {
        return workspaceRemote;
    }

    /** Records where the workspace is, for the build page's thumbnails (set on the controller). */
    void locateWorkspace(@CheckForNull String node, @CheckForNull String remote) {
        this.workspaceNode = node;
        this.workspaceRemote = remote;
    }

    /** One entry per input, in the order they finished. */
    @NonNull
    public List<Entry> getEntries() {
        return Collections.unmodifiableList(entries);
    }

    /** The one-line summary written at the end of the build log. */
    @NonNull
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (dryRun) {
            s.append("dry run: ").append(estimated).append(" would be processed for about ")
                    .append(estimatedCredits.stripTrailingZeros().toPlainString()).append(" credits, ")
                    .append(skipped).append(" skipped");
        } else {
            s.append(processed).append(" processed, ").append(skipped).append(" skipped, ");
            if (cached > 0) {
                s.append(cached).append(" from the cache, ");
            }
            s.append(failed)
                    .append(" failed, ").append(notRun).append(" not run; ")
                    .append(creditsSpent.stripTrailingZeros().toPlainString()).append(" credits spent");
        }
        if (stopReason != null) {
            s.append("; stopped early: ").append(stopReason);
        }
        if (aborted) {
            s.append("; the build was aborted");
        }
        return s.toString();
    }

    /**
     * The summary as the Pipeline step returns it: a map of plain values, which a sandboxed Pipeline script reads
     * without any approval ({@code r.processed}, {@code r.outputs.size()}):
     * {@code processed}, {@code skipped}, {@code cached}, {@code failed}, {@code notRun}, {@code estimated} (integers),
     * {@code credits} and {@code estimatedCredits} (decimals), {@code dryRun} (boolean), {@code outputs} (the
     * workspace-relative result files of this run, written or already there), {@code failedInputs} and
     * {@code notRunInputs} (workspace-relative inputs), {@code reportFile} (or null) and {@code stopReason} (or null).
     */
    @NonNull
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("processed", processed);
        map.put("skipped", skipped);
        map.put("cached", cached);
        map.put("failed", failed);
        map.put("notRun", notRun);
        map.put("estimated", estimated);
        map.put("credits", plain(creditsSpent));
        map.put("estimatedCredits", plain(estimatedCredits));
        map.put("dryRun", dryRun);
        ArrayList<String> outputs = new ArrayList<>();
        ArrayList<String> failedInputs = new ArrayList<>();
        ArrayList<String> notRunInputs = new ArrayList<>();
        for (Entry e : entries) {
            switch (e.getOutcome()) {
                case "FAILED" -> failedInputs.add(e.getInput());
                case "NOT_RUN" -> notRunInputs.add(e.getInput());
                case "ESTIMATED" -> { }
                default -> {
                    if (e.getOutput() != null) {
                        outputs.add(e.getOutput());
                    }
                }
            }
        }
        map.put("outputs", outputs);
        map.put("failedInputs", failedInputs);
        map.put("notRunInputs", notRunInputs);
        map.put("reportFile", reportFile);
        map.put("stopReason", stopReason);
        return map;
    }

    /** {@code 2} rather than {@code 2.00}, and never {@code 1E+1}. */
    private static BigDecimal plain(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    @Override
    public String toString() {
        return "BatchSummary[" + describe() + "]";
    }

    /** What became of one input. */
    public static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String input;
        private final String outcome;
        private final BigDecimal credits;
        @CheckForNull
        private final String output;
        @CheckForNull
        private final String message;

        Entry(String input, String outcome, BigDecimal credits, @CheckForNull String output,
                @CheckForNull String message) {
            this.input = input;
            this.outcome = outcome;
            this.credits = credits;
            this.output = output;
            this.message = message;
        }

        /** The input image, relative to the workspace. */
        @NonNull
        public String getInput() {
            return input;
        }

        /** DONE, SKIPPED, CACHED, FAILED, NOT_RUN or ESTIMATED. */
        @NonNull
        public String getOutcome() {
            return outcome;
        }

        /** Credits charged (or estimated) for this input. */
        @NonNull
        public BigDecimal getCredits() {
            return credits;
        }

        /** The output file, relative to the workspace, or null. */
        @CheckForNull
        public String getOutput() {
            return output;
        }

        /** Why it failed, was skipped or not run, or null. */
        @CheckForNull
        public String getMessage() {
            return message;
        }
    }
}
