package io.github.removebgsuite.imagej;

import io.github.removebgsuite.common.retry.RetryPolicy;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import io.github.removebgsuite.imagej.service.RemoveBgService;
import io.github.removebgsuite.imagej.service.ServiceTestAccess;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.scijava.Context;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.prefs.PrefService;

/**
 * A real SciJava context wired to an emulator on loopback, recording every log line and status message, as the
 * plugin's tests need it. One bench serves every test class of the run ({@link #shared()}), since a context takes
 * seconds to start; tests {@link #reset()} it and set their read timeout.
 */
final class FijiBench implements AutoCloseable {

    private static FijiBench shared;

    /** The bench of this test run, started on first use and closed when the JVM exits; reset for the caller. */
    static synchronized FijiBench shared() {
        if (shared == null) {
            shared = new FijiBench();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        shared.reset();
        return shared;
    }

    static final String KEY = "fiji-test-key-5b1d0c3a9e";
    static final String POOR_KEY = "fiji-poor-key-77aa01";

    final Context context;
    final RemoveBgEmulator emulator;
    final RemoveBgService service;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<String> statuses = Collections.synchronizedList(new ArrayList<>());

    FijiBench() {
        emulator = RemoveBgEmulator.builder()
                .port(0)
                .apiKey(KEY, new BigDecimal("1000"))
                .apiKey(POOR_KEY, BigDecimal.ZERO)
                // windows of a second, as in the other hosts' tests: a 429's X-RateLimit-Reset is always under a
                // second away, so how the client waits for it does not depend on when in the minute a test runs
                .rateLimit(500, Duration.ofSeconds(1))
                .build()
                .start();
        context = new Context();
        service = context.service(RemoveBgService.class);
        service.setBaseUrl(emulator.baseUrl());
        LogService logService = context.service(LogService.class);
        logService.setLevel(LogLevel.INFO);
        logService.addLogListener(message -> {
            synchronized (log) {
                log.add(message.text() + (message.throwable() == null ? "" : " " + message.throwable()));
                log.notifyAll();
            }
        });
        context.service(EventService.class).subscribe(this);
        reset();
    }

    /** Builds the plugin's clients with this read timeout, fast retries and a short connect timeout. */
    void useReadTimeout(Duration readTimeout) {
        service.setClientCustomizer(builder -> builder
                .readTimeout(readTimeout)
                .connectTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(4)
                        .initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(40))
                        .maxRateLimitWait(Duration.ofSeconds(3))
                        .build()));
    }

    @EventHandler
    private void onStatus(StatusEvent event) {
        if (event.getStatusMessage() != null) {
            statuses.add(event.getStatusMessage());
        }
    }

    /**
     * Forgets saved keys, consent and captured text; clears the emulator's faults and the environment; restores the
     * default read timeout (10 s) and log level (INFO, Fiji's default).
     */
    void reset() {
        useReadTimeout(Duration.ofSeconds(10));
        ServiceTestAccess.setEnvironment(service, name -> null);
        context.service(LogService.class).setLevel(LogLevel.INFO);
        context.service(PrefService.class).clear(RemoveBgService.class);
        service.setResultCache(null);
        log.clear();
        statuses.clear();
        emulator.faults().clear();
    }

    /** Plays a {@code REMOVE_BG_API_KEY} environment variable holding {@link #KEY}. */
    void keyInEnvironment() {
        ServiceTestAccess.setEnvironment(service, name -> "REMOVE_BG_API_KEY".equals(name) ? KEY : null);
    }

    /** Runs a command with its inputs given as a map, the way scripts and {@code --run} do, and waits. */
    CommandModule run(Class<? extends Command> command, Object... keysAndValues) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            inputs.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return run(command, inputs);
    }

    CommandModule run(Class<? extends Command> command, Map<String, Object> inputs) {
        try {
            return context.service(CommandService.class).run(command, true, inputs).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("The command threw instead of reporting", e.getCause());
        }
    }

    /**
     * Waits until a log line matches (a latch on the log, not a sleep).
     *
     * @return whether one did within {@code timeout}
     */
    boolean awaitLog(java.util.function.Predicate<String> line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (log) {
            while (log.stream().noneMatch(line)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                log.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Every text the user could have seen: log lines and status messages. */
    List<String> everythingShown() {
        List<String> all = new ArrayList<>();
        synchronized (log) {
            all.addAll(log);
        }
        synchronized (statuses) {
            all.addAll(statuses);
        }
        return all;
    }

    @Override
    public void close() {
        context.dispose();
        emulator.close();
    }
}
