package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.batch.BatchItem;
import io.github.removebgsuite.common.batch.BatchListener;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Shows a batch's progress on standard error: a one-line bar redrawn in place on a terminal, a line per image
 * otherwise (logs, CI). Failures, images an interrupted run may have been charged for, and a wait for another run are
 * always printed; how much else depends on the {@link Verbosity}.
 */
final class ProgressPrinter implements BatchListener {
    private static final int BAR_WIDTH = 30;

    /** How much the CLI prints besides results and errors. */
    enum Verbosity {
        /** The summary, failures and warnings only. */
        QUIET,
        /** Also a line per image sent or taken from the cache; unchanged (skipped) images only in the summary. */
        NORMAL,
        /** Also a line per skipped image and what the run found before starting. */
        VERBOSE
    }

    private final PrintWriter err;
    private final Verbosity verbosity;
    private final boolean terminal;

    ProgressPrinter(PrintWriter err, Verbosity verbosity, boolean terminal) {
        this.err = err;
        this.verbosity = verbosity;
        this.terminal = terminal;
    }

    @Override
    public synchronized void onStart(int total) {
        if (verbosity == Verbosity.VERBOSE) {
            err.println("found " + total + (total == 1 ? " image" : " images"));
            err.flush();
        }
    }

    @Override
    public synchronized void onItem(BatchItem item, int completed, int total) {
        boolean failure = item.outcome() == BatchItem.Outcome.FAILED || item.outcome() == BatchItem.Outcome.NOT_RUN;
        boolean show = failure || verbosity == Verbosity.VERBOSE
                || (verbosity == Verbosity.NORMAL && item.outcome() != BatchItem.Outcome.SKIPPED);
        clearBar();
        if (show) {
            err.println(line(item));
        }
        if (terminal && verbosity != Verbosity.QUIET) {
            err.print(bar(completed, total));
            if (completed == total) {
                err.println();
            }
        }
        err.flush();
    }

    @Override
    public synchronized void onPossiblyCharged(List<Path> inputs) {
        clearBar();
        err.println("warning: an earlier run on this output folder was interrupted with " + inputs.size()
                + (inputs.size() == 1 ? " image" : " images") + " in flight; remove.bg may have charged for "
                + (inputs.size() == 1 ? "it" : "them") + " without the result being saved (processing again): "
                + inputs.stream().map(Path::toString).collect(Collectors.joining(", ")));
        err.flush();
    }

    @Override
    public synchronized void onWaitingForLock(Path lockFile) {
        clearBar();
        err.println("waiting for another removebg run to finish with this output folder (it holds " + lockFile
                + "); see --lock-timeout");
        err.flush();
    }

    private void clearBar() {
        if (terminal) {
            err.print('\r');
            err.print(" ".repeat(BAR_WIDTH + 60));
            err.print('\r');
        }
    }

    static String line(BatchItem item) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-9s", item.outcome().name().toLowerCase(Locale.ROOT)))
                .append(' ').append(item.input());
        item.output().ifPresent(o -> s.append(" -> ").append(o));
        if (item.outcome() == BatchItem.Outcome.CACHED) {
            s.append(" (0 credits: from the shared cache)");
        } else if (item.credits() != null && item.credits().signum() > 0) {
            s.append(" (").append(credits(item.credits())).append(')');
        }
        item.message().ifPresent(m -> s.append(": ").append(m));
        return s.toString();
    }

    /** "1 credit", "0.25 credits", "3 credits". */
    static String credits(BigDecimal credits) {
        String number = credits.stripTrailingZeros().toPlainString();
        return number + (credits.compareTo(BigDecimal.ONE) == 0 ? " credit" : " credits");
    }

    static String bar(int completed, int total) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) completed * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + completed + "/" + total;
    }
}
