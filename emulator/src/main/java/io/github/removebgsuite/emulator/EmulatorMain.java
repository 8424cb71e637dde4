package io.github.removebgsuite.emulator;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point: {@code java -jar removebg-emulator-<version>-standalone.jar --port 8080 --api-key KEY=50
 * --oauth-token TOKEN=5 --rate-limit 500 --window 60s [--allow-remote-image-urls]}. Runs until interrupted.
 */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    /** Parses the options, starts the emulator and waits for Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        RemoveBgEmulator.Builder builder;
        try {
            builder = parse(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("removebg-emulator: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (builder == null) {
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (RemoveBgEmulator emulator = builder.build().start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "removebg-emulator-stop"));
            System.out.println("remove.bg emulator listening at " + emulator.baseUrl() + " (Ctrl-C stops it)");
            stop.await();
        }
    }

    /** The builder for the arguments, or null when only help was asked for. */
    static RemoveBgEmulator.Builder parse(String[] args, PrintStream out) {
        RemoveBgEmulator.Builder builder = RemoveBgEmulator.builder().port(8080);
        int rate = 500;
        Duration window = Duration.ofMinutes(1);
        boolean anyKey = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h":
                case "--help":
                    out.println(usage());
                    return null;
                case "--allow-remote-image-urls":
                    builder.allowRemoteImageUrls(true);
                    break;
                case "--port":
                    builder.port(integer(arg, value(args, ++i, arg)));
                    break;
                case "--api-key": {
                    String[] kv = credential(arg, value(args, ++i, arg));
                    builder.apiKey(kv[0], new BigDecimal(kv[1]));
                    anyKey = true;
                    break;
                }
                case "--oauth-token": {
                    String[] kv = credential(arg, value(args, ++i, arg));
                    builder.oauthToken(kv[0], new BigDecimal(kv[1]));
                    anyKey = true;
                    break;
                }
                case "--rate-limit":
                    rate = integer(arg, value(args, ++i, arg));
                    break;
                case "--window":
                    window = duration(value(args, ++i, arg));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (!anyKey) {
            builder.apiKey("demo", new BigDecimal("50"));
        }
        return builder.rateLimit(rate, window);
    }

    static String usage() {
        return "usage: java -jar removebg-emulator-standalone.jar [--port 8080] [--api-key KEY=CREDITS]... "
                + "[--oauth-token TOKEN=CREDITS]... [--rate-limit 500] [--window 60s] [--allow-remote-image-urls]\n"
                + "Without --api-key/--oauth-token the key 'demo' with 50 credits is accepted.";
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs an integer");
        }
    }

    /** {@code NAME=CREDITS}; the name is never echoed in messages. */
    private static String[] credential(String option, String value) {
        int eq = value.lastIndexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new IllegalArgumentException(option + " needs NAME=CREDITS, e.g. demo=50");
        }
        try {
            new BigDecimal(value.substring(eq + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a decimal number of credits after '='");
        }
        return new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }

    /** {@code 60s}, {@code 500ms}, {@code 2m}, or plain seconds. */
    static Duration duration(String text) {
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--window needs a duration such as 60s, 500ms or 2m");
        }
    }
}
