package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.batch.BatchItem;
import io.github.removebgsuite.common.batch.BatchListener;
import java.io.PrintWriter;

/**
 * Shows a batch's progress on standard error: a one-line bar redrawn in place on a terminal, a line per image
 * otherwise (logs, CI). Failures are always printed with their reason.
 */
final class ProgressPrinter implements BatchListener {
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal;

    ProgressPrinter(PrintWriter err, boolean quiet, boolean terminal) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = terminal;
    }

    @Override
    public synchronized void onItem(BatchItem item, int completed, int total) {
        boolean failure = item.outcome() == BatchItem.Outcome.FAILED || item.outcome() == BatchItem.Outcome.NOT_RUN;
        if (terminal) {
            err.print('\r');
            err.print(" ".repeat(BAR_WIDTH + 60));
            err.print('\r');
        }
        if (failure || !quiet) {
            err.println(line(item));
        }
        if (terminal && !quiet) {
            err.print(bar(completed, total));
            if (completed == total) {
                err.println();
            }
        }
        err.flush();
    }

    static String line(BatchItem item) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-9s", item.outcome().name().toLowerCase(java.util.Locale.ROOT)))
                .append(' ').append(item.input());
        item.output().ifPresent(o -> s.append(" -> ").append(o));
        if (item.credits() != null && item.credits().signum() > 0) {
            s.append(" (").append(item.credits().stripTrailingZeros().toPlainString()).append(" credits)");
        }
        item.message().ifPresent(m -> s.append(": ").append(m));
        return s.toString();
    }

    static String bar(int completed, int total) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) completed * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + completed + "/" + total;
    }
}
