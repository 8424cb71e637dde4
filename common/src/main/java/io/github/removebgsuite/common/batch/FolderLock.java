package io.github.removebgsuite.common.batch;

import io.github.removebgsuite.common.error.RemoveBgException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The exclusive right to write one output folder's manifest and results: an operating-system file lock on
 * {@code <manifest>.lock} against other processes (and machines, where the file system supports it), plus a lock
 * inside this JVM, since a JVM cannot take the same file lock twice. The lock file is left in place when released:
 * deleting it would let a waiting process lock a file that a third one can no longer see.
 */
final class FolderLock implements AutoCloseable {
    /** How often a waiting run tries the file lock again. */
    private static final long RETRY_MILLIS = 100;
    private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Semaphore local;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Semaphore local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting while another run holds it.
     *
     * @param lockFile the lock file (created when missing)
     * @param timeout how long to wait at most; null waits as long as it takes, zero not at all
     * @param onWait called once, before the first wait
     * @param stopped polled while waiting: when it turns true the wait ends (a stop asked for while waiting)
     * @throws RemoveBgException when the wait timed out, was stopped, or the lock file cannot be used
     * @throws InterruptedException when the thread was interrupted while waiting
     */
    static FolderLock acquire(Path lockFile, Duration timeout, Runnable onWait, BooleanSupplier stopped)
            throws InterruptedException {
        Path key = lockFile.toAbsolutePath().normalize();
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        boolean announced = false;
        Semaphore local = IN_THIS_JVM.computeIfAbsent(key, k -> new Semaphore(1));
        if (!local.tryAcquire()) {
            onWait.run();
            announced = true;
            while (!local.tryAcquire(Math.min(RETRY_MILLIS, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)),
                    TimeUnit.MILLISECONDS)) {
                if (stopped.getAsBoolean()) {
                    throw stoppedWhileWaiting(key);
                }
                if (System.nanoTime() >= deadline) {
                    throw busy(key, timeout);
                }
            }
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    String holder = "held by process " + ProcessHandle.current().pid() + "\n";
                    channel.truncate(0).write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                    return new FolderLock(local, channel, lock);
                }
                if (!announced) {
                    onWait.run();
                    announced = true;
                }
                if (stopped.getAsBoolean()) {
                    throw stoppedWhileWaiting(key);
                }
                if (System.nanoTime() >= deadline) {
                    throw busy(key, timeout);
                }
                Thread.sleep(Math.min(RETRY_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (IOException e) {
            closeQuietly(channel);
            local.release();
            throw new RemoveBgException("Cannot lock the output folder through " + key + ": " + e.getMessage(), e);
        } catch (RuntimeException | InterruptedException e) {
            closeQuietly(channel);
            local.release();
            throw e;
        }
    }

    private static RemoveBgException stoppedWhileWaiting(Path key) {
        return new RemoveBgException("Stopped while waiting for another run on the output folder " + key.getParent()
                + "; nothing was processed.");
    }

    private static RemoveBgException busy(Path key, Duration timeout) {
        return new RemoveBgException("Another removebg run is using the output folder " + key.getParent()
                + " (it holds " + key.getFileName() + ")" + (timeout.isZero() ? "" : " and did not finish within "
                + timeout.toSeconds() + " s") + "; wait for it to end or choose another output folder.");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing releases the lock anyway.
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it too.
        } finally {
            closeQuietly(channel);
            local.release();
        }
    }
}
