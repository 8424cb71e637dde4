package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.cache.ResultCache;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.ratelimit.MegapixelRateLimiter;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * How a command reaches remove.bg: the key (flag first, then {@code REMOVE_BG_API_KEY}), or an OAuth token, the base
 * URL, or the embedded emulator for offline use. Shared by every command that calls the API.
 */
final class ConnectionOptions {
    /** The environment variable read when {@code --api-key} is absent. */
    static final String API_KEY_ENV = "REMOVE_BG_API_KEY";

    /** The environment variable read when {@code --rate-limit-dir} is absent. */
    static final String RATE_LIMIT_DIR_ENV = "REMOVE_BG_RATE_LIMIT_DIR";

    /** The key and credits the embedded emulator accepts; it exists only inside this process. */
    private static final String EMULATOR_KEY = "embedded-emulator-key";
    private static final BigDecimal EMULATOR_CREDITS = new BigDecimal("50");

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "remove.bg API key (default: the REMOVE_BG_API_KEY environment variable; the flag wins).")
    String apiKey;

    @Option(names = "--oauth-token", paramLabel = "TOKEN",
            description = "OAuth 2.0 access token, sent as Authorization: Bearer, instead of an API key.")
    String oauthToken;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = RemoveBgClient.DEFAULT_BASE_URL,
            description = "API base URL (default: ${DEFAULT-VALUE}); e.g. a remove.bg-compatible server.")
    String baseUrl;

    @Option(names = "--emulator",
            description = "Run offline against an in-process remove.bg emulator (no key needed, no credits spent).")
    boolean emulator;

    @Option(names = "--read-timeout", paramLabel = "SECONDS",
            description = "How long to wait for a result before giving up (default: the client's, sized for 50 MP images).")
    Integer readTimeoutSeconds;

    @Option(names = "--rate-limit-dir", paramLabel = "DIR",
            description = "Share the key's rate limit with every removebg run that names the same folder (parallel "
                    + "jobs on this machine, or machines mounting one folder): they pace as one client, without 429s "
                    + "or an unused budget. Default: the " + RATE_LIMIT_DIR_ENV + " environment variable; none when "
                    + "unset (not used with --emulator, which serves this run alone).")
    Path rateLimitDir;

    /** The environment, replaceable in tests. */
    Function<String, String> environment = System::getenv;

    /** A client and, when {@code --emulator} was given, the emulator it talks to; closing closes both. */
    record Connection(RemoveBgClient client, RemoveBgEmulator emulator) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    /** Opens a client as configured, starting the embedded emulator first if asked to. */
    Connection connect(PrintWriter err) {
        return connect(err, null);
    }

    /**
     * Opens a client as configured, using {@code cache} (may be null) as its shared result cache, and starting the
     * embedded emulator first if asked to.
     */
    Connection connect(PrintWriter err, ResultCache cache) {
        RemoveBgClient.Builder builder = RemoveBgClient.builder().userAgent("cli");
        if (cache != null) {
            builder.resultCache(cache);
        }
        if (readTimeoutSeconds != null) {
            if (readTimeoutSeconds < 1) {
                throw new InvalidParameterException("--read-timeout", readTimeoutSeconds.toString(),
                        "a whole number of seconds >= 1");
            }
            builder.readTimeout(java.time.Duration.ofSeconds(readTimeoutSeconds));
        }
        RemoveBgEmulator started = null;
        if (emulator) {
            started = RemoveBgEmulator.builder().port(0).apiKey(EMULATOR_KEY, EMULATOR_CREDITS).build().start();
            err.println("Using the embedded remove.bg emulator at " + started.baseUrl()
                    + " (offline; " + EMULATOR_CREDITS + " demo credits).");
            builder.baseUrl(started.baseUrl()).apiKey(EMULATOR_KEY);
        } else {
            builder.baseUrl(baseUrl);
            String credential;
            if (oauthToken != null && !oauthToken.isBlank()) {
                credential = oauthToken;
                builder.oauthToken(credential);
            } else {
                credential = apiKey != null && !apiKey.isBlank() ? apiKey : environment.apply(API_KEY_ENV);
                if (credential == null || credential.isBlank()) {
                    throw new MissingKeyException();
                }
                builder.apiKey(credential);
            }
            sharedRateLimiter(credential).ifPresent(builder::rateLimiter);
        }
        try {
            return new Connection(builder.build(), started);
        } catch (RuntimeException e) {
            if (started != null) {
                started.close();
            }
            throw e;
        }
    }

    /** The limiter shared through the folder asked for by flag or environment; empty when none was. */
    private Optional<MegapixelRateLimiter> sharedRateLimiter(String credential) {
        boolean fromFlag = rateLimitDir != null;
        String fromEnvironment = fromFlag ? null : environment.apply(RATE_LIMIT_DIR_ENV);
        if (!fromFlag && (fromEnvironment == null || fromEnvironment.isBlank())) {
            return Optional.empty();
        }
        Path folder = (fromFlag ? rateLimitDir : Path.of(fromEnvironment)).toAbsolutePath().normalize();
        try {
            return Optional.of(MegapixelRateLimiter.sharedThrough(
                    MegapixelRateLimiter.stateFileFor(folder, credential, baseUrl),
                    MegapixelRateLimiter.DEFAULT_MEGAPIXELS_PER_MINUTE, MegapixelRateLimiter.DEFAULT_WINDOW,
                    Clock.systemUTC()));
        } catch (InvalidParameterException e) {
            // The core names the file, whose name is a digest; a user of this command typed the folder.
            int reason = e.allowed().indexOf(" (");
            throw new InvalidParameterException(fromFlag ? "--rate-limit-dir" : RATE_LIMIT_DIR_ENV, folder.toString(),
                    "a folder this user can create files in and lock them"
                            + (reason < 0 ? "" : e.allowed().substring(reason)));
        }
    }

    /** No key was given by flag or environment. */
    static final class MissingKeyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingKeyException() {
            super("No API key: pass --api-key KEY, set " + API_KEY_ENV + ", use --oauth-token, or run offline with "
                    + "--emulator.");
        }
    }

    /** For messages: never the key itself. */
    @Override
    public String toString() {
        return "ConnectionOptions[baseUrl=" + baseUrl + ", emulator=" + emulator + ", apiKey="
                + (apiKey == null ? "unset" : "***") + ", oauthToken=" + (oauthToken == null ? "unset" : "***") + "]";
    }
}
