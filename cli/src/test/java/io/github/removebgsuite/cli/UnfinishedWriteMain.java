package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.files.AtomicFiles;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A child JVM for {@code UnfinishedWriteIT}: installs the CLI's own shutdown hook, starts an {@link AtomicFiles}
 * write of {@code args[0]} whose content never ends, and prints {@code writing} once the temporary file holds bytes,
 * so the test can signal it mid-write without guessing at timing.
 */
public final class UnfinishedWriteMain {
    private UnfinishedWriteMain() {
    }

    /** {@code args[0]}: the target file. */
    public static void main(String[] args) throws Exception {
        RemoveBgCommand.deleteUnfinishedFilesOnExit();
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write(new byte[100_000]);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                new CountDownLatch(1).await(); // until the JVM ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
