package hudson.model;

/**
 * Shim of jenkins-core {@code hudson.model.AbstractProject}: the base of freestyle-like projects (used raw in
 * {@code BuildStepDescriptor.isApplicable}).
 *
 * @param <P> the project type
 * @param <R> the build type
 */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> {
}
