package hudson.model;

/** Shim of jenkins-core {@code hudson.model.Queue}, reduced to the nested {@link Task} type. */
public class Queue {
    private Queue() {
    }

    /** Something that can be scheduled to run, such as a job. */
    public interface Task {
    }
}
