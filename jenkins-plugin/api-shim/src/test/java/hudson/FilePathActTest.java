package hudson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.StreamTaskListener;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.NotSerializableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shim's {@code FilePath.act} behaves like a call to an agent over remoting. */
class FilePathActTest {
    @TempDir
    Path dir;

    static final class ListFiles extends MasterToSlaveFileCallable<ArrayList<String>> {
        private static final long serialVersionUID = 1L;
        final List<String> seen = new ArrayList<>();
        final TaskListener listener;

        ListFiles(TaskListener listener) {
            this.listener = listener;
        }

        @Override
        public ArrayList<String> invoke(File f, VirtualChannel channel) {
            seen.add("ran");
            listener.getLogger().println("listing " + f.getName());
            ArrayList<String> names = new ArrayList<>();
            for (String n : f.list()) {
                names.add(n);
            }
            return names;
        }
    }

    @Test
    void runsACopyOfTheCallableAndForwardsTheListener() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ListFiles callable = new ListFiles(new StreamTaskListener(log, StandardCharsets.UTF_8));

        List<String> names = new FilePath(dir.toFile()).act(callable);

        assertThat(names).containsExactly("a.txt");
        assertThat(callable.seen).as("the agent ran a copy, not this instance").isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("listing " + dir.getFileName());
    }

    @Test
    void aCallableCapturingSomethingUnserialisableFailsAsOnAnAgent() {
        Object notSerializable = new Object();
        FilePath.FileCallable<String> callable = new MasterToSlaveFileCallable<>() {
            private static final long serialVersionUID = 1L;
            private final Object captured = notSerializable;

            @Override
            public String invoke(File f, VirtualChannel channel) {
                return String.valueOf(captured);
            }
        };
        assertThatThrownBy(() -> new FilePath(dir.toFile()).act(callable)).isInstanceOf(NotSerializableException.class);
    }

    static final class Fails extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String invoke(File f, VirtualChannel channel) throws IOException {
            throw new AbortException("no luck in " + f.getName());
        }
    }

    @Test
    void exceptionsComeBackSerialised() {
        assertThatThrownBy(() -> new FilePath(dir.toFile()).act(new Fails()))
                .isInstanceOf(AbortException.class).hasMessage("no luck in " + dir.getFileName());
    }
}
