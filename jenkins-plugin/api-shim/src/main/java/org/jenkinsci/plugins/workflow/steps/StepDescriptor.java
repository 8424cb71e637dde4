package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Collections;
import java.util.Set;

/**
 * Shim of workflow-step-api {@code org.jenkinsci.plugins.workflow.steps.StepDescriptor} (without the meta-step and
 * argument-model helpers): the function name of a {@link Step} and the context it needs.
 */
public abstract class StepDescriptor extends Descriptor<Step> {
    /** The context types ({@code FilePath}, {@code Run}…) the step needs to run. */
    public abstract Set<? extends Class<?>> getRequiredContext();

    /** The context types the step gives its body; none by default. */
    public Set<? extends Class<?>> getProvidedContext() {
        return Collections.emptySet();
    }

    /** The name the step is called by in a Pipeline script. */
    public abstract String getFunctionName();

    /** Whether the step takes a block; false by default. */
    public boolean takesImplicitBlockArgument() {
        return false;
    }

    /** Whether the step is hidden among the advanced ones in the snippet generator; false by default. */
    public boolean isAdvanced() {
        return false;
    }

    /** Whether the step is a meta-step such as {@code step}; false by default. */
    public boolean isMetaStep() {
        return false;
    }
}
