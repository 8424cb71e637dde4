package io.github.removebgsuite.bench;

import io.github.removebgsuite.common.batch.BatchEngine;
import io.github.removebgsuite.common.batch.BatchItem;
import io.github.removebgsuite.common.batch.BatchJob;
import io.github.removebgsuite.common.batch.BatchReport;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.ratelimit.MegapixelRateLimiter;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One process of {@link RateLimitBench}'s "processes sharing one state file" scenarios: our batch engine (concurrency
 * 4) with a limiter that shares the state file, as a {@code removebg remove --rate-limit-dir} run would. Prints
 * {@code ready} once it has sent its first, middle and last image with a throwaway key (so that, as with the
 * clients in the benchmark's own JVM after its warm-up, the measured windows hold no JVM start and no code loading
 * and compiling), and starts when a line arrives on its standard input; then prints the number of images done, then
 * the first failure, if any.
 *
 * <p>Usage: {@code RateLimitClient BASE_URL KEY WARM_UP_KEY LIMIT_MP WINDOW_SECONDS STATE_FILE OUT_DIR BASE_DIR
 * IMAGE...}
 */
public final class RateLimitClient {
    private RateLimitClient() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> images = new ArrayList<>();
        for (int i = 8; i < args.length; i++) {
            images.add(Path.of(args[i]));
        }
        int limit = Integer.parseInt(args[3]);
        Duration window = Duration.ofSeconds(Long.parseLong(args[4]));
        Path out = Path.of(args[6]);
        Path base = Path.of(args[7]);
        try (RemoveBgClient warmUp = RemoveBgClient.builder().baseUrl(args[0]).apiKey(args[2]).build()) {
            new BatchEngine(warmUp).run(BatchJob.builder()
                    .inputs(List.of(images.get(0), images.get(images.size() / 2), images.get(images.size() - 1)))
                    .outputDirectory(out.resolveSibling(out.getFileName() + "-warm-up")).baseDirectory(base)
                    .options(RemoveBgOptions.defaults()).concurrency(1).reprocess(true).build());
        }
        MegapixelRateLimiter limiter = MegapixelRateLimiter.sharedThrough(Path.of(args[5]), limit, window,
                Clock.systemUTC());
        try (RemoveBgClient client = RemoveBgClient.builder().baseUrl(args[0]).apiKey(args[1]).rateLimiter(limiter)
                .build()) {
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            BatchReport report = new BatchEngine(client).run(BatchJob.builder().inputs(images)
                    .outputDirectory(out).baseDirectory(base)
                    .options(RemoveBgOptions.defaults()).concurrency(4).reprocess(true).build());
            System.out.println(report.items().stream().filter(i -> i.outcome() == BatchItem.Outcome.DONE).count());
            report.items().stream().filter(i -> i.outcome() != BatchItem.Outcome.DONE).findFirst()
                    .ifPresent(i -> System.out.println(i.input().getFileName() + ": " + i.outcome() + " "
                            + i.message().orElse("")));
        }
    }
}
