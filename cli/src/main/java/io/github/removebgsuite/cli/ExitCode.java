package io.github.removebgsuite.cli;

/**
 * The exit codes scripts can rely on. They are part of the CLI's contract and documented in {@code removebg --help}.
 */
public final class ExitCode {
    /** Everything asked for was done (skipped-as-unchanged images count as done). */
    public static final int OK = 0;
    /** The batch ran, but at least one image failed or was not run (budget, cancel); see the summary and report. */
    public static final int PARTIAL_FAILURE = 1;
    /** Bad command line or parameter value; nothing was sent and no credit was spent. */
    public static final int USAGE = 2;
    /** The API rejected the key or token (HTTP 403). */
    public static final int AUTHENTICATION = 3;
    /** The account has too few credits (HTTP 402). */
    public static final int INSUFFICIENT_CREDITS = 4;
    /** The API could not be reached, or kept failing after retries (connection errors, 5xx, 429). */
    public static final int UNAVAILABLE = 5;
    /** Any other failure (an unreadable input, an unwritable output folder, an unexpected answer). */
    public static final int ERROR = 6;
    /**
     * Stopped by Ctrl-C (SIGINT): 128 + 2, the shell's convention. The images already sent were finished and saved
     * (unless a second signal stopped at once); the rest were not run, and the same command does them.
     */
    public static final int STOPPED_BY_SIGINT = 130;
    /** Stopped by SIGTERM: 128 + 15; otherwise as {@link #STOPPED_BY_SIGINT}. */
    public static final int STOPPED_BY_SIGTERM = 143;

    /** The footer printed under {@code --help}. */
    static final String HELP_FOOTER = "%nExit codes:%n"
            + "  0  done (unchanged images skipped count as done)%n"
            + "  1  some images failed or were not run; see the summary%n"
            + "  2  bad option or parameter value; nothing was sent%n"
            + "  3  authentication failed (403)%n"
            + "  4  insufficient credits (402)%n"
            + "  5  API unreachable or still failing after retries (network, 5xx, 429)%n"
            + "  6  other error%n"
            + "  130, 143  stopped by Ctrl-C (SIGINT) or SIGTERM: the images already sent%n"
            + "            were finished and saved (a second signal stops at once); run the%n"
            + "            same command again for the rest%n";

    private ExitCode() {
    }
}
