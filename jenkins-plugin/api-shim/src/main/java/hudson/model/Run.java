package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import java.io.IOException;

/**
 * Shim of jenkins-core {@code hudson.model.Run}: one build of a {@link Job}.
 *
 * @param <JobT> the job type
 * @param <RunT> the build type
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    private volatile Result result;

    /** A new build of {@code job}. */
    protected Run(@NonNull JobT job) {
    }

    /** Sets the result; it can only get worse. */
    public void setResult(@NonNull Result r) {
        if (r == null) {
            throw new IllegalArgumentException("cannot set result to null");
        }
        if (result == null || r.isWorseThan(result)) {
            result = r;
        }
    }

    /** The build's environment variables. */
    @NonNull
    public EnvVars getEnvironment(@NonNull TaskListener listener) throws IOException, InterruptedException {
        return new EnvVars();
    }
}
