package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shim of jenkins-core {@code hudson.model.Actionable}: something actions can be attached to. */
public abstract class Actionable {
    private final List<Action> actions = new CopyOnWriteArrayList<>();

    /** Attaches an action. */
    public void addAction(@NonNull Action a) {
        if (a == null) {
            throw new IllegalArgumentException("Action must be non-null");
        }
        actions.add(a);
    }

    /** The first attached action of {@code type}, or null. */
    public <T extends Action> T getAction(Class<T> type) {
        for (Action a : actions) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }
}
