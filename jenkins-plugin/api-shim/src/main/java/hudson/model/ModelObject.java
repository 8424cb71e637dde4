package hudson.model;

/** Shim of jenkins-core {@code hudson.model.ModelObject}: an object with a display name. */
public interface ModelObject {
    /** A human-readable name. */
    String getDisplayName();
}
