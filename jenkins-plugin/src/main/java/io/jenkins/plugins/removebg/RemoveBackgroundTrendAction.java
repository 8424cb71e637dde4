package io.jenkins.plugins.removebg;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Run;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The credits-per-build trend on a job's page ({@code floatingBox.jelly}): one bar per recent build that ran the step,
 * newest first, with what it processed, took from the cache and skipped. Added to the job by its last build's
 * {@link RemoveBackgroundAction}, so it needs no configuration and works for freestyle and Pipeline jobs alike.
 */
public final class RemoveBackgroundTrendAction implements Action {
    /** How many builds the trend looks back over. */
    static final int MAX_BUILDS = 30;

    private final Run<?, ?> lastBuild;

    RemoveBackgroundTrendAction(Run<?, ?> lastBuild) {
        this.lastBuild = lastBuild;
    }

    /** The recent builds that ran the step, newest first, at most {@value #MAX_BUILDS} looked at. */
    @NonNull
    public List<Bar> getBars() {
        List<Bar> bars = new ArrayList<>();
        Run<?, ?> run = lastBuild;
        for (int looked = 0; run != null && looked < MAX_BUILDS; looked++, run = run.getPreviousBuild()) {
            RemoveBackgroundAction action = run.getAction(RemoveBackgroundAction.class);
            if (action != null) {
                bars.add(new Bar(run.getNumber(), action.getCreditsSpent(), action.getProcessed(), action.getCached(),
                        action.getSkipped(), action.getFailed()));
            }
        }
        BigDecimal max = bars.stream().map(Bar::getCredits).reduce(BigDecimal.ZERO, BigDecimal::max);
        bars.forEach(b -> b.scale(max));
        return Collections.unmodifiableList(bars);
    }

    /** Credits spent over the builds of {@link #getBars()}. */
    @NonNull
    public BigDecimal getTotalCredits() {
        return getBars().stream().map(Bar::getCredits).reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "remove.bg credits per build";
    }

    @Override
    public String getUrlName() {
        return null;
    }

    /** One build in the trend. */
    public static final class Bar {
        private final int number;
        private final BigDecimal credits;
        private final int processed;
        private final int cached;
        private final int skipped;
        private final int failed;
        private int percent;

        Bar(int number, BigDecimal credits, int processed, int cached, int skipped, int failed) {
            this.number = number;
            this.credits = credits;
            this.processed = processed;
            this.cached = cached;
            this.skipped = skipped;
            this.failed = failed;
        }

        void scale(BigDecimal max) {
            percent = max.signum() == 0 ? 0
                    : credits.multiply(BigDecimal.valueOf(100)).divide(max, 0, RoundingMode.HALF_UP).intValue();
        }

        /** The build number. */
        public int getNumber() {
            return number;
        }

        /** Credits the build spent. */
        @NonNull
        public BigDecimal getCredits() {
            return credits;
        }

        /** The bar's length, 0–100, relative to the costliest build shown. */
        public int getPercent() {
            return percent;
        }

        /** Images processed. */
        public int getProcessed() {
            return processed;
        }

        /** Images taken from the result cache. */
        public int getCached() {
            return cached;
        }

        /** Images skipped as unchanged. */
        public int getSkipped() {
            return skipped;
        }

        /** Images that failed. */
        public int getFailed() {
            return failed;
        }
    }
}
