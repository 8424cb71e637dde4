package hudson.model;

import java.io.IOException;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;

/**
 * Shim of jenkins-core {@code hudson.model.AbstractBuild}: a build of an {@link AbstractProject}.
 *
 * @param <P> the project type
 * @param <R> the build type
 */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {
    /** A new build of {@code job}. */
    protected AbstractBuild(@NonNull P job) throws IOException {
        super(job);
    }

    /** Set by Jenkins when the build gets a workspace on a node; never in the sandbox. */
    private transient volatile FilePath workspace;

    /** The workspace the build runs in, or null when it has none (yet). */
    @CheckForNull
    public final FilePath getWorkspace() {
        return workspace;
    }
}
