package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Queue;
import hudson.security.ACL;
import org.springframework.security.core.Authentication;

/** Shim of jenkins-core {@code hudson.model.queue.Tasks}: helpers for queue tasks. */
public class Tasks {
    private Tasks() {
    }

    /**
     * The identity a task's builds run as. Jenkins asks its {@code QueueItemAuthenticator}s; with none configured, as
     * here, that is {@link ACL#SYSTEM2}.
     */
    @NonNull
    public static Authentication getAuthenticationOf2(@NonNull Queue.Task t) {
        return ACL.SYSTEM2;
    }
}
