package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shim of jenkins-core {@code hudson.util.StreamTaskListener}: a listener writing to a stream.
 *
 * <p>When Jenkins sends the real class to an agent it exports the stream, so that what the agent writes arrives in the
 * original stream. The shim does the same inside one JVM: serialisation writes a handle to the stream and
 * deserialisation finds the same stream again.
 */
public class StreamTaskListener implements TaskListener {
    private static final long serialVersionUID = 1L;
    private static final Map<Long, PrintStream> EXPORTED = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_ID = new AtomicLong();

    @NonNull
    private transient PrintStream out;
    @CheckForNull
    private transient Charset charset;

    /** A listener writing to {@code out} in {@code charset} (UTF-8 when null). */
    public StreamTaskListener(@NonNull OutputStream out, @CheckForNull Charset charset) {
        Charset cs = charset == null ? StandardCharsets.UTF_8 : charset;
        this.out = out instanceof PrintStream ps ? ps : new PrintStream(out, false, cs);
        this.charset = cs;
    }

    @Override
    @NonNull
    public PrintStream getLogger() {
        return out;
    }

    private void writeObject(ObjectOutputStream oos) throws IOException {
        long id = NEXT_ID.incrementAndGet();
        EXPORTED.put(id, out);
        oos.writeLong(id);
        oos.writeObject(charset == null ? null : charset.name());
    }

    private void readObject(ObjectInputStream ois) throws IOException, ClassNotFoundException {
        long id = ois.readLong();
        String name = (String) ois.readObject();
        PrintStream exported = EXPORTED.get(id);
        if (exported == null) {
            throw new IOException("The exported log stream " + id + " is gone");
        }
        this.out = exported;
        this.charset = name == null ? null : Charset.forName(name);
    }
}
