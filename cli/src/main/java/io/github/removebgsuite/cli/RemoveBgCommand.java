package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.error.ApiConnectionException;
import io.github.removebgsuite.common.error.AuthenticationException;
import io.github.removebgsuite.common.error.InsufficientCreditsException;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.error.RateLimitedException;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.error.ServerException;
import io.github.removebgsuite.common.files.AtomicFiles;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code removebg}: the suite's command line. Subcommands remove backgrounds in batches, compose ZIP results, show the
 * account, submit images to the improvement program and run the emulator.
 */
@Command(name = "removebg", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Remove image backgrounds with the remove.bg API (or, offline, its emulator).",
        footer = ExitCode.HELP_FOOTER,
        subcommands = {RemoveCommand.class, Zip2PngCommand.class, AccountCommand.class, ImproveCommand.class,
                EmulatorCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class})
public final class RemoveBgCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Runs the CLI and exits with its {@link ExitCode}. */
    public static void main(String[] args) {
        deleteUnfinishedFilesOnExit();
        System.exit(newCommandLine().execute(args));
    }

    /**
     * Registers the shutdown hook that deletes the temporary files of writes still in progress when the JVM ends (a
     * SIGTERM to {@code zip2png}, a second Ctrl-C to {@code remove}): an ending JVM runs no {@code finally} block, and
     * only this process, which owns its JVM, may end {@link AtomicFiles} writing in it.
     */
    static void deleteUnfinishedFilesOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::shutDown, "removebg-unfinished-files"));
    }

    /** The configured command line, with the exit-code mapping; used by {@link #main} and by tests. */
    public static CommandLine newCommandLine() {
        return newCommandLine(System::getenv);
    }

    /** The command line reading its environment (for {@code REMOVE_BG_API_KEY}) from {@code environment}. */
    static CommandLine newCommandLine(java.util.function.Function<String, String> environment) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K created = defaults.create(type);
                if (created instanceof ConnectionOptions options) {
                    options.environment = environment;
                }
                if (created instanceof SafetyOptions options) {
                    options.environment = environment;
                }
                return created;
            }
        };
        CommandLine cl = new CommandLine(new RemoveBgCommand(), factory);
        cl.setExecutionExceptionHandler(RemoveBgCommand::handle);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("See '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        return cl;
    }

    /**
     * A file error in words: the JDK's message for a missing file is its bare path ("removebg: out.png" says nothing),
     * so the kind of failure is named too.
     */
    static String describe(FileSystemException e) {
        String what = e instanceof NoSuchFileException ? "no such file or folder"
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileAlreadyExistsException ? "already exists"
                : e instanceof NotDirectoryException ? "not a folder"
                : e.getReason() != null ? e.getReason() : "cannot be read or written";
        String reason = e.getReason() != null && !what.equals(e.getReason()) ? " (" + e.getReason() + ")" : "";
        String other = e.getOtherFile() != null ? " -> " + e.getOtherFile() : "";
        return e.getFile() + other + ": " + what + reason;
    }

    /** Maps failures to one-line messages and exit codes; no stack trace for the errors a user can act on. */
    static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("removebg: " + (e instanceof FileSystemException fs ? describe(fs) : e.getMessage()));
        if (e instanceof InvalidParameterException || e instanceof ConnectionOptions.MissingKeyException) {
            return ExitCode.USAGE;
        }
        if (e instanceof AuthenticationException) {
            return ExitCode.AUTHENTICATION;
        }
        if (e instanceof InsufficientCreditsException) {
            return ExitCode.INSUFFICIENT_CREDITS;
        }
        if (e instanceof ApiConnectionException || e instanceof ServerException || e instanceof RateLimitedException) {
            return ExitCode.UNAVAILABLE;
        }
        if (!(e instanceof RemoveBgException) && !(e instanceof java.io.IOException)
                && !(e instanceof java.io.UncheckedIOException)) {
            e.printStackTrace(err);
        }
        return ExitCode.ERROR;
    }
}
