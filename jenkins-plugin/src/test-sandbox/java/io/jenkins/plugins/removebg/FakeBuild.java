package io.jenkins.plugins.removebg;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.Permission;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        return TestRun.create(new TestJob(Set.of(granted)), 1, null);
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

    /** A build of a {@link TestJob}, with the build before it. */
    static final class TestRun extends Run<TestJob, TestRun> {
        private final TestRun previous;

        private TestRun(TestJob job, int number, TestRun previous) throws IOException {
            super(job);
            this.number = number;
            this.previous = previous;
        }

        static TestRun create(TestJob job, int number, TestRun previous) {
            try {
                return new TestRun(job, number, previous);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next build of the same job. */
        TestRun next() {
            return create(getParent(), number + 1, this);
        }

        @Override
        public TestRun getPreviousBuild() {
            return previous;
        }
    }
}
