package io.jenkins.plugins.removebg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A build log that lets a test wait until a line containing some text was written (no sleeps, no polling). */
final class LogLatch extends ByteArrayOutputStream {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final Map<String, CountDownLatch> awaited = new ConcurrentHashMap<>();

    /** Registers {@code text} before the action that will log it. */
    LogLatch expect(String text) {
        awaited.putIfAbsent(text, new CountDownLatch(1));
        check();
        return this;
    }

    /** Waits until {@code text} (registered with {@link #expect}) was written; fails the test after a minute. */
    void await(String text) throws InterruptedException {
        if (!awaited.get(text).await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the log never said '" + text + "':\n" + text());
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        super.write(b, off, len);
        check();
    }

    @Override
    public synchronized void write(int b) {
        super.write(b);
        check();
    }

    private synchronized void check() {
        String log = toString(StandardCharsets.UTF_8);
        awaited.forEach((text, latch) -> {
            if (log.contains(text)) {
                latch.countDown();
            }
        });
    }

    /** Everything written so far. */
    synchronized String text() {
        return toString(StandardCharsets.UTF_8);
    }
}
