package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.batch.StopSignal;
import io.github.removebgsuite.common.cache.ResultCache;
import io.github.removebgsuite.common.error.InvalidParameterException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The options that keep a batch from paying twice: the shared result cache (which outlives an output folder), the
 * grace period a stop gives the calls already paid for, and how long to wait for another run on the same output
 * folder. The mechanisms live in {@code common}; this maps the command line onto them.
 */
final class SafetyOptions {
    /** The environment variable read when {@code --cache-dir} is absent. */
    static final String CACHE_DIR_ENV = "REMOVE_BG_CACHE_DIR";

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Shared result cache: a result found here (same image, same parameters, same backend) is "
                    + "written without a call and costs 0 credits; new results are added. Point several output "
                    + "folders, machines (a network folder) or tools at it. Default: the " + CACHE_DIR_ENV
                    + " environment variable; none when unset.")
    Path cacheDir;

    @Option(names = "--cache-max-size", paramLabel = "SIZE",
            description = "Bound on the cache's size; least recently used results are evicted past it, e.g. 500m or "
                    + "20g (default: 1g).")
    String cacheMaxSize;

    @Option(names = "--grace-period", paramLabel = "SECONDS", defaultValue = "30",
            description = "On Ctrl-C or SIGTERM, how long the images already sent (already paid for) may take to "
                    + "finish and be saved before the run stops; a second signal stops at once "
                    + "(default: ${DEFAULT-VALUE}).")
    int gracePeriodSeconds;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS",
            description = "When another removebg run uses the output folder, wait at most this long for it "
                    + "(0: refuse at once). Default: wait until it ends.")
    Integer lockTimeoutSeconds;

    /** The environment, replaceable in tests. */
    Function<String, String> environment = System::getenv;

    /** The cache to use, opened (and created) now; empty when none was asked for. */
    Optional<ResultCache> openCache() {
        Path dir = cacheDir;
        if (dir == null) {
            String fromEnvironment = environment.apply(CACHE_DIR_ENV);
            if (fromEnvironment == null || fromEnvironment.isBlank()) {
                if (cacheMaxSize != null) {
                    throw new InvalidParameterException("--cache-max-size", cacheMaxSize,
                            "used with --cache-dir (or " + CACHE_DIR_ENV + ")");
                }
                return Optional.empty();
            }
            dir = Path.of(fromEnvironment);
        }
        ResultCache.Builder cache = ResultCache.builder().directory(dir.toAbsolutePath().normalize());
        try {
            if (cacheMaxSize != null) {
                cache.maxSize(cacheMaxSize);
            }
            return Optional.of(cache.build());
        } catch (InvalidParameterException e) {
            // The core names its own settings (cache_dir, cache_max_size); a user of this command typed the flags.
            String flag = e.parameter().equals("cache_max_size") ? "--cache-max-size"
                    : cacheDir != null ? "--cache-dir" : CACHE_DIR_ENV;
            throw new InvalidParameterException(flag, e.value(), e.allowed());
        }
    }

    /** A new stop signal with the grace period asked for. */
    StopSignal stopSignal() {
        if (gracePeriodSeconds < 0) {
            throw new InvalidParameterException("--grace-period", Integer.toString(gracePeriodSeconds),
                    "a whole number of seconds >= 0");
        }
        return new StopSignal(Duration.ofSeconds(gracePeriodSeconds));
    }

    /** How long to wait for the output folder; empty means as long as it takes. */
    Optional<Duration> lockTimeout() {
        if (lockTimeoutSeconds == null) {
            return Optional.empty();
        }
        if (lockTimeoutSeconds < 0) {
            throw new InvalidParameterException("--lock-timeout", lockTimeoutSeconds.toString(),
                    "a whole number of seconds >= 0");
        }
        return Optional.of(Duration.ofSeconds(lockTimeoutSeconds));
    }
}
