package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code removebg emulator}: runs the local remove.bg-compatible server until interrupted. */
@Command(name = "emulator", mixinStandardHelpOptions = true, footer = ExitCode.HELP_FOOTER,
        description = "Run a local remove.bg-compatible server on 127.0.0.1 until interrupted (Ctrl-C).")
final class EmulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port on 127.0.0.1 (0 picks a free one; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--api-key", paramLabel = "KEY=CREDITS",
            description = "An accepted API key and its credit balance (repeatable; default: demo=50).")
    List<String> apiKeys = new ArrayList<>();

    @Option(names = "--oauth-token", paramLabel = "TOKEN=CREDITS",
            description = "An accepted OAuth token and its credit balance (repeatable).")
    List<String> tokens = new ArrayList<>();

    @Option(names = "--rate-limit", defaultValue = "500",
            description = "Megapixel images per window (default: ${DEFAULT-VALUE}).")
    int rateLimit;

    @Option(names = "--window-seconds", defaultValue = "60",
            description = "Rate-limit window in seconds (default: ${DEFAULT-VALUE}).")
    int windowSeconds;

    @Override
    public Integer call() throws InterruptedException {
        RemoveBgEmulator.Builder builder = RemoveBgEmulator.builder().port(port)
                .rateLimit(rateLimit, Duration.ofSeconds(windowSeconds));
        List<String> keys = apiKeys.isEmpty() ? List.of("demo=50") : apiKeys;
        for (String key : keys) {
            String[] kv = split("--api-key", key);
            builder.apiKey(kv[0], new BigDecimal(kv[1]));
        }
        for (String token : tokens) {
            String[] kv = split("--oauth-token", token);
            builder.oauthToken(kv[0], new BigDecimal(kv[1]));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (RemoveBgEmulator emulator = builder.build().start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "emulator-shutdown"));
            spec.commandLine().getOut().println("remove.bg emulator listening at " + emulator.baseUrl()
                    + " with " + count(keys.size(), "API key") + " and " + count(tokens.size(), "OAuth token")
                    + "; Ctrl-C stops it.");
            spec.commandLine().getOut().flush();
            stopped.await();
        }
        return ExitCode.OK;
    }

    private static String[] split(String option, String value) {
        int eq = value.lastIndexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new InvalidParameterException(option, "(hidden)", "KEY=CREDITS, e.g. demo=50");
        }
        String credits = value.substring(eq + 1);
        try {
            new BigDecimal(credits);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(option, "(hidden)", "KEY=CREDITS with a decimal number of credits");
        }
        return new String[] {value.substring(0, eq), credits};
    }

    /** "1 API key", "2 API keys". */
    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
