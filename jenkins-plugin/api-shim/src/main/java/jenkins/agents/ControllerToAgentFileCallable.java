package jenkins.agents;

import hudson.FilePath;
import jenkins.security.Roles;
import org.jenkinsci.remoting.RoleChecker;

/**
 * Shim of jenkins-core {@code jenkins.agents.ControllerToAgentFileCallable} (since 2.485): a file callable the
 * controller sends to an agent.
 *
 * @param <T> the result type
 */
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
    @Override
    default void checkRoles(RoleChecker checker) throws SecurityException {
        checker.check(this, Roles.SLAVE);
    }
}
