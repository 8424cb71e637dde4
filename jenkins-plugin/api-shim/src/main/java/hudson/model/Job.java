package hudson.model;

/**
 * Shim of jenkins-core {@code hudson.model.Job}: an item that has builds.
 *
 * @param <JobT> the job type
 * @param <RunT> the build type
 */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
}
