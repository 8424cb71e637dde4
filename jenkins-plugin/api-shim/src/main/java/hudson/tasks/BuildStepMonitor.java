package hudson.tasks;

/** Shim of jenkins-core {@code hudson.tasks.BuildStepMonitor} (constants only). */
public enum BuildStepMonitor {
    /** No synchronisation with other builds. */
    NONE,
    /** Wait for the same step of the previous build. */
    STEP,
    /** Wait for the whole previous build. */
    BUILD
}
