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
import java.util.List;

/**
 * What one run of the step did, as the agent reports it back to the controller and as the build page shows it: the
 * counts, the credits and one line per input, with workspace-relative paths. Plain values only, so it crosses
 * remoting and is stored in the build's XML as is.
 */
public final class BatchSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int processed;
    private final int skipped;
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
    /** A plain ArrayList: it crosses remoting and is stored in build.xml. */
    private final ArrayList<Entry> entries;

    BatchSummary(BatchReport report, Path workspace, @CheckForNull Path reportFile) {
        this.processed = report.processed();
        this.skipped = report.skipped();
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
            s.append(processed).append(" processed, ").append(skipped).append(" skipped, ").append(failed)
                    .append(" failed, ").append(notRun).append(" not run; ")
                    .append(creditsSpent.stripTrailingZeros().toPlainString()).append(" credits spent");
        }
        if (stopReason != null) {
            s.append("; stopped early: ").append(stopReason);
        }
        return s.toString();
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

        /** DONE, SKIPPED, FAILED, NOT_RUN or ESTIMATED. */
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
