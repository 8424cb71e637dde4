package io.github.removebgsuite.bench;

/**
 * Does nothing: {@code bench/run} times this process to learn what starting the JVM costs on this machine, with the
 * same flags and class path as the composer's process.
 */
public final class JvmStart {

    private JvmStart() {
    }

    /** Entry point: returns at once. */
    public static void main(String[] args) {
        // the JVM's start and exit are the whole measurement
    }
}
