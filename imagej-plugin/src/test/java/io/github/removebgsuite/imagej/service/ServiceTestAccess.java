package io.github.removebgsuite.imagej.service;

import java.util.function.UnaryOperator;

/** Lets tests in other packages play the environment of {@link DefaultRemoveBgService}. */
public final class ServiceTestAccess {

    private ServiceTestAccess() {
    }

    /** Replaces the service's environment lookup (it must be the default service). */
    public static void setEnvironment(RemoveBgService service, UnaryOperator<String> environment) {
        ((DefaultRemoveBgService) service).setEnvironment(environment);
    }
}
