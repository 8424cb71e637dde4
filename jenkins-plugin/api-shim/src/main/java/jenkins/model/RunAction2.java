package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Shim of jenkins-core {@code jenkins.model.RunAction2}: an action told which build it belongs to. */
public interface RunAction2 extends Action {
    /** Called when the action is added to {@code r}. */
    void onAttached(Run<?, ?> r);

    /** Called when {@code r} is loaded from disk with this action. */
    void onLoad(Run<?, ?> r);
}
