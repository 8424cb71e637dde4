package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/**
 * Shim of workflow-step-api {@code org.jenkinsci.plugins.workflow.steps.Step}: one Pipeline step as configured in a
 * script; {@link #start} begins running it.
 */
@SuppressWarnings("deprecation")
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    /** Starts running the step in {@code context}. */
    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        return (StepDescriptor) super.getDescriptor();
    }
}
