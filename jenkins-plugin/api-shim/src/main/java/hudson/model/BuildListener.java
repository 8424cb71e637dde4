package hudson.model;

/** Shim of jenkins-core {@code hudson.model.BuildListener}: the listener of a build. */
public interface BuildListener extends TaskListener {
}
