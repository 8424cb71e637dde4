package hudson;

/** Shim of jenkins-core {@code hudson.ExtensionPoint}: the marker of an extensible type. */
public interface ExtensionPoint {
}
