package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Shim of jenkins-core {@code hudson.model.TaskListener}: receives the log of a build or task. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    /** A listener that discards everything. */
    TaskListener NULL = new NullTaskListener();

    /** The stream the log is written to. */
    @NonNull
    PrintStream getLogger();

    /** Writes {@code "ERROR: " + msg} to the log and returns a writer for details. */
    @NonNull
    default PrintWriter error(String msg) {
        PrintStream logger = getLogger();
        logger.print("ERROR: ");
        logger.println(msg);
        return new PrintWriter(new java.io.OutputStreamWriter(logger, StandardCharsets.UTF_8), true);
    }
}
