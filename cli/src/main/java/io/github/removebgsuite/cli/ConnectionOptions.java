package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.cache.ResultCache;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * How a command reaches remove.bg: the key (flag first, then {@code REMOVE_BG_API_KEY}), or an OAuth token, the base
 * URL, or the embedded emulator for offline use. Shared by every command that calls the API.
 */
final class ConnectionOptions {
    /** The environment variable read when {@code --api-key} is absent. */
    static final String API_KEY_ENV = "REMOVE_BG_API_KEY";

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
            if (oauthToken != null && !oauthToken.isBlank()) {
                builder.oauthToken(oauthToken);
            } else {
                String key = apiKey != null && !apiKey.isBlank() ? apiKey : environment.apply(API_KEY_ENV);
                if (key == null || key.isBlank()) {
                    throw new MissingKeyException();
                }
                builder.apiKey(key);
            }
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
