package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Shim of jenkins-core {@code hudson.model.TaskListener}: receives the log of a build or task. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    /** A listener that discards everything. */
    TaskListener NULL = new NullTaskListener();

    /** The stream the log is written to. */
    @NonNull
    PrintStream getLogger();
}
