package io.jenkins.plugins.removebg;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.Permission;
import java.util.Set;

/**
 * A job and one build of it, for tests without Jenkins: the job's ACL grants exactly the given permissions to
 * everyone (the shim's {@code Jenkins.getAuthentication2()} is the anonymous user).
 */
final class FakeBuild {
    private FakeBuild() {
    }

    /** A build of a job that grants {@code granted}. */
    static TestRun of(Permission... granted) {
        return new TestRun(new TestJob(Set.of(granted)));
    }

    /** A job with a fixed ACL. */
    static final class TestJob extends Job<TestJob, TestRun> {
        private final Set<Permission> granted;

        TestJob(Set<Permission> granted) {
            this.granted = granted;
        }

        @NonNull
        @Override
        public ACL getACL() {
            return ACL.lambda2((auth, permission) -> granted.contains(permission));
        }
    }

    /** A build of a {@link TestJob}. */
    static final class TestRun extends Run<TestJob, TestRun> {
        TestRun(TestJob job) {
            super(job);
        }
    }
}
