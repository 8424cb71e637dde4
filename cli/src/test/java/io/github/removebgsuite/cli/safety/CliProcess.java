package io.github.removebgsuite.cli.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged {@code removebg.jar} running in a child JVM, as a user runs it, with its output collected line by line
 * so a test can wait for a line instead of for time. {@link #close()} kills it if it still runs.
 */
final class CliProcess implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private CliProcess(Process process) {
        this.process = process;
        this.outReader = reader(process.getInputStream());
        this.errReader = reader(process.getErrorStream());
    }

    /** The jar the build packaged (failsafe passes its path). */
    static Path jar() {
        String jar = System.getProperty("removebg.jar");
        if (jar == null) {
            throw new IllegalStateException("Run through maven-failsafe: the system property removebg.jar names "
                    + "the packaged CLI");
        }
        return Path.of(jar);
    }

    /** Starts {@code java -jar removebg.jar args…} in {@code workingDirectory}, with no API key in its environment. */
    static CliProcess start(Path workingDirectory, String... args) throws IOException {
        List<String> launch = new ArrayList<>(List.of("-jar", jar().toString()));
        launch.addAll(List.of(args));
        return launch(workingDirectory, launch);
    }

    /**
     * Starts a test's own {@code main} class on the packaged jar's class path (and the test classes') in
     * {@code workingDirectory}, with no API key in its environment.
     */
    static CliProcess startMain(Path workingDirectory, Class<?> main, String... args) throws IOException {
        Path testClasses;
        try {
            testClasses = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> launch = new ArrayList<>(List.of("-cp",
                jar() + java.io.File.pathSeparator + testClasses, main.getName()));
        launch.addAll(List.of(args));
        return launch(workingDirectory, launch);
    }

    private static CliProcess launch(Path workingDirectory, List<String> launch) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        // A killed child cannot delete its temporary files (ImageIO's caches): keep them in the test's own folder.
        Path tmp = Files.createDirectories(workingDirectory.resolve(".jvm-tmp"));
        command.add("-Djava.io.tmpdir=" + tmp);
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().remove("REMOVE_BG_API_KEY");
        builder.environment().remove("REMOVE_BG_CACHE_DIR");
        return new CliProcess(builder.start());
    }

    private Thread reader(InputStream stream) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "cli-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits until a line matching {@code test} was printed (on stdout or stderr). */
    String awaitLine(Predicate<String> test) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (test.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !outReader.isAlive() && !errReader.isAlive())) {
                    throw new AssertionError("The CLI never printed the expected line; it printed:\n"
                            + String.join("\n", lines));
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    /** Waits for the process to end and its output to be read; returns the exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The CLI did not end within " + WAIT.toSeconds() + " s; it printed:\n" + output());
        }
        outReader.join(WAIT.toMillis());
        errReader.join(WAIT.toMillis());
        return process.exitValue();
    }

    /** Everything printed so far. */
    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /**
     * SIGTERM on Unix, keeping the output pipes open so what the CLI prints while it stops is still read
     * ({@code Process.destroy()} closes them; the handle only signals).
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL on Unix: no shutdown hook, no finally block runs in the child. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Whether the child still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** The child's operating-system process id. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
