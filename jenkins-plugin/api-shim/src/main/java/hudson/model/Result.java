package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** Shim of jenkins-core {@code hudson.model.Result}: the status of a build, ordered from best to worst. */
public final class Result implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The build had no errors. */
    @NonNull
    public static final Result SUCCESS = new Result("SUCCESS", 0, true);
    /** The build had non-fatal errors. */
    @NonNull
    public static final Result UNSTABLE = new Result("UNSTABLE", 1, true);
    /** The build had a fatal error. */
    @NonNull
    public static final Result FAILURE = new Result("FAILURE", 2, true);
    /** The module was not built. */
    @NonNull
    public static final Result NOT_BUILT = new Result("NOT_BUILT", 3, false);
    /** The build was aborted. */
    @NonNull
    public static final Result ABORTED = new Result("ABORTED", 4, false);

    private static final Result[] ALL = {SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED};

    private final String name;
    /** Bigger is worse. */
    public final int ordinal;
    /** Whether a build with this result completed. */
    public final boolean completeBuild;

    private Result(String name, int ordinal, boolean complete) {
        this.name = name;
        this.ordinal = ordinal;
        this.completeBuild = complete;
    }

    /** The worse of the two. */
    @NonNull
    public Result combine(@NonNull Result that) {
        return this.ordinal < that.ordinal ? that : this;
    }

    /** Whether this is worse than {@code that}. */
    public boolean isWorseThan(@NonNull Result that) {
        return this.ordinal > that.ordinal;
    }

    @Override
    @NonNull
    public String toString() {
        return name;
    }

    private Object readResolve() {
        for (Result r : ALL) {
            if (ordinal == r.ordinal) {
                return r;
            }
        }
        return FAILURE;
    }
}
