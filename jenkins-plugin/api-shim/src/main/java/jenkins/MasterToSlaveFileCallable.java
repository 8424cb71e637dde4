package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

/**
 * Shim of jenkins-core {@code jenkins.MasterToSlaveFileCallable}: the base class of file callables the controller runs on
 * agents.
 *
 * @param <T> the result type
 */
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
    private static final long serialVersionUID = 1L;
}
