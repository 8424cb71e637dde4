package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Computer;
import hudson.remoting.LocalChannel;
import hudson.remoting.VirtualChannel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.concurrent.Executors;
import org.jenkinsci.remoting.RoleChecker;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * Shim of jenkins-core {@code hudson.FilePath}: a file or folder on the node that holds it (the controller or an agent).
 *
 * <p>Unlike the real class, which runs a callable in-process when the path is local, this shim's {@link #act} always
 * behaves as if the path were on an agent: the callable is serialised and deserialised with Java serialisation before it
 * runs (on {@link #localChannel}), and so are its result and any exception it throws. A callable that captures
 * something remoting could not send therefore fails here exactly as it would on a real agent.
 */
public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    /** The channel for work done in this JVM. */
    @Deprecated
    public static final LocalChannel localChannel = new LocalChannel(Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "FilePath.localChannel");
        t.setDaemon(true);
        return t;
    }));

    private transient VirtualChannel channel;
    private final String remote;

    /** A path on the node behind {@code channel} (null for the local JVM). */
    public FilePath(@CheckForNull VirtualChannel channel, @NonNull String remote) {
        this.channel = channel instanceof LocalChannel ? null : channel;
        this.remote = remote;
    }

    /** A local path. */
    public FilePath(@NonNull File localPath) {
        this.channel = null;
        this.remote = localPath.getPath();
    }

    /** The path as the node sees it. */
    public String getRemote() {
        return remote;
    }

    /**
     * Runs {@code callable} on the node that holds this path, with the path as its {@link File}. In this shim the
     * callable, its result and any exception cross a serialisation boundary, as they do over remoting.
     */
    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        callable.checkRoles(new RoleChecker() {
            @Override
            public void check(@NonNull RoleSensitive subject, @NonNull java.util.Collection<org.jenkinsci.remoting.Role> expected) {
                // The local "agent" accepts every role, as a controller does for its built-in node.
            }
        });
        FileCallable<T> copy = roundTrip(callable, "callable");
        Object outcome;
        try {
            outcome = copy.invoke(new File(remote), localChannel);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            outcome = new Thrown(e);
        }
        Object back = roundTrip((Serializable) outcome, "result");
        if (back instanceof Thrown thrown) {
            Throwable t = thrown.throwable;
            if (t instanceof IOException io) {
                throw io;
            } else if (t instanceof InterruptedException ie) {
                throw ie;
            } else if (t instanceof RuntimeException re) {
                throw re;
            }
            throw (Error) t;
        }
        @SuppressWarnings("unchecked")
        T result = (T) back;
        return result;
    }

    private static <S> S roundTrip(S value, String what) throws IOException {
        if (value != null && !(value instanceof Serializable)) {
            throw new NotSerializableException(what + " " + value.getClass().getName());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        ClassLoader loader = value == null ? FilePath.class.getClassLoader() : value.getClass().getClassLoader();
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()), loader)) {
            @SuppressWarnings("unchecked")
            S copy = (S) in.readObject();
            return copy;
        } catch (ClassNotFoundException e) {
            throw new IOException("Cannot deserialise the " + what, e);
        }
    }

    /** The channel to the node that holds this path; the local channel for a path in this JVM. */
    public VirtualChannel getChannel() {
        return channel != null ? channel : localChannel;
    }

    /** The computer of the node that holds this path, or null (always, with no Jenkins running). */
    public @CheckForNull Computer toComputer() {
        return null;
    }

    @Override
    public String toString() {
        return remote;
    }

    /** A throwable on its way back from the "agent". */
    private static final class Thrown implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Throwable throwable;

        Thrown(Throwable throwable) {
            this.throwable = throwable;
        }
    }

    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }

    /**
     * Code that runs on the node holding a file.
     *
     * @param <T> the result type, which must be serialisable
     */
    public interface FileCallable<T> extends Serializable, RoleSensitive {
        /** Does the work with the local {@code f} on its node. */
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
