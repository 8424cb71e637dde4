package io.github.removebgsuite.common.ratelimit;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The file through which limiters share one {@link WindowState}: each step opens it, takes its lock (an operating
 * system lock, so other processes wait too), reads the state, applies the step, writes the state back and closes it.
 * The state is small and each step short (well under a millisecond), so no limiter holds the lock for long.
 *
 * <p>Within one JVM a lock on a file region is held by the JVM, not by a thread (a second {@code FileChannel.lock} on
 * it would fail with {@code OverlappingFileLockException}), so the JVM's limiters on one file also take one
 * {@link ReentrantLock} first.
 *
 * <p>When the file cannot be read or written after it was opened once (a full disk, a folder removed), the step is
 * applied to the last state read, so pacing goes on as one limiter's would; the failure is logged once.
 */
final class StateFile {
    private static final Logger LOG = System.getLogger(MegapixelRateLimiter.class.getName());

    /** One lock per state file in this JVM (a handful of small objects: one per key a JVM uses). */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantLock jvmLock;
    private final int limit;
    private final Duration window;
    /** The state of the last step, for when the file fails and for {@code toString}. */
    private WindowState last;
    private boolean failing;

    /**
     * Opens (and creates) the state file once, so that a folder that cannot hold it is refused now, not on the first
     * call.
     *
     * @throws InvalidParameterException naming {@code rate_limit_file} when the file cannot be created or locked
     */
    StateFile(Path file, int limit, Duration window, Instant now) {
        this.file = file.toAbsolutePath().normalize();
        this.jvmLock = JVM_LOCKS.computeIfAbsent(this.file, f -> new ReentrantLock());
        this.limit = limit;
        this.window = window;
        this.last = new WindowState(limit, window, now);
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            apply(now, state -> null, false);
        } catch (IOException e) {
            throw new InvalidParameterException("rate_limit_file", this.file.toString(),
                    "a file this process can create, read, write and lock (" + reason(e) + ")");
        }
    }

    /** What went wrong, in words (a {@code FileSystemException}'s message is only its path). */
    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is in the way: it is not a folder";
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof NoSuchFileException f) {
            return "no such file or folder: " + f.getFile();
        }
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() + ": " + f.getFile()
                : e.toString();
    }

    /** Applies {@code step} to the shared state as it is now, and stores the result. */
    <T> T update(Instant now, Function<WindowState, T> step) {
        try {
            T result = apply(now, step, true);
            failing = false;
            return result;
        } catch (IOException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, () -> "The shared rate-limit state " + file + " cannot be used ("
                        + reason(e) + "); pacing on what this process knows until it can.");
            }
            return step.apply(last);
        }
    }

    /** The state of the last step (for {@code toString}, which reads no file). */
    WindowState last() {
        return last;
    }

    /** The longest a held call waits before asking again: another process's answer wakes no thread here. */
    Duration pollInterval() {
        Duration poll = window.dividedBy(50);
        if (poll.compareTo(Duration.ofMillis(5)) < 0) {
            return Duration.ofMillis(5);
        }
        return poll.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : poll;
    }

    private <T> T apply(Instant now, Function<WindowState, T> step, boolean store) throws IOException {
        jvmLock.lock();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            WindowState state = read(channel);
            if (state == null || state.expire(now)) {
                state = new WindowState(limit, window, now);
            }
            T result = step.apply(state);
            if (store) {
                ByteBuffer bytes = ByteBuffer.wrap(state.toBytes());
                int length = bytes.remaining();
                while (bytes.hasRemaining()) {
                    channel.write(bytes, length - bytes.remaining());
                }
                channel.truncate(length);
            }
            last = state;
            return result;
        } finally {
            jvmLock.unlock();
        }
    }

    private WindowState read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0 || size > 1 << 20) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) size);
        while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) >= 0) {
            // reads until full
        }
        return WindowState.fromBytes(bytes.array(), window);
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
