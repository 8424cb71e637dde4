package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.IOException;
import jenkins.model.RunAction2;

/**
 * Shim of jenkins-core {@code hudson.model.Run}: one build of a {@link Job}. Its permissions are its job's.
 *
 * @param <JobT> the job type
 * @param <RunT> the build type
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements AccessControlled {
    /** The build number. */
    public transient int number;
    private final transient JobT project;
    private volatile Result result;

    /** A new build of {@code job}. */
    protected Run(@NonNull JobT job) throws IOException {
        this.project = job;
    }

    /** The build number. */
    public int getNumber() {
        return number;
    }

    /** The build before this one, or null; subclasses that keep a build history answer it. */
    public @CheckForNull RunT getPreviousBuild() {
        return null;
    }

    /** The job this is a build of. */
    public @NonNull JobT getParent() {
        return project;
    }

    /** The build's result so far, or null while it is running without one. */
    public @CheckForNull Result getResult() {
        return result;
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

    /** Attaches an action; a {@link RunAction2} is told which build it belongs to. */
    @Override
    public void addAction(@NonNull Action a) {
        super.addAction(a);
        if (a instanceof RunAction2) {
            ((RunAction2) a).onAttached(this);
        }
    }

    /** The build's environment variables. */
    @NonNull
    public EnvVars getEnvironment(@NonNull TaskListener listener) throws IOException, InterruptedException {
        return new EnvVars();
    }

    @Override
    public @NonNull ACL getACL() {
        return getParent().getACL();
    }
}
