package io.github.removebgsuite.common.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.removebgsuite.common.batch.BatchItem.Outcome;
import io.github.removebgsuite.common.cache.ResultCache;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.request.Format;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import io.github.removebgsuite.common.request.Size;
import io.github.removebgsuite.common.retry.RetryPolicy;
import io.github.removebgsuite.emulator.Charge;
import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never paying twice, in one JVM: graceful and immediate stops with calls certainly in flight (the emulator holds
 * their answers back until released, so nothing here depends on timing), the in-flight journal naming what a cut-off
 * run may have been charged for, one writer per output folder, and the shared result cache. Charges are counted on the
 * emulator's own log.
 */
class CreditSafetyTest {
    private static final String KEY = "credit-safety-key";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path in;
    private Path out;
    private RemoveBgEmulator emulator;
    private RemoveBgClient client;

    @BeforeEach
    void start() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        out = dir.resolve("out");
        emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("100")).build().start();
        client = newClient(null);
        for (int i = 0; i < 4; i++) {
            image("img" + i + ".png", i);
        }
    }

    @AfterEach
    void stop() {
        emulator.faults().releaseHeld();
        client.close();
        emulator.close();
    }

    private RemoveBgClient newClient(ResultCache cache) {
        RemoveBgClient.Builder b = RemoveBgClient.builder().apiKey(KEY).baseUrl(emulator.baseUrl())
                .retryPolicy(RetryPolicy.none());
        if (cache != null) {
            b.resultCache(cache);
        }
        return b.build();
    }

    private void image(String name, int seed) throws IOException {
        BufferedImage img = new BufferedImage(90, 70, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(240, 240, 240));
        g.fillRect(0, 0, 90, 70);
        g.setColor(new Color((seed * 61) % 200, 30 + (seed * 37) % 160, 100));
        g.fillRect(15 + seed, 10 + seed, 45, 40);
        g.dispose();
        ImageIO.write(img, "png", in.resolve(name).toFile());
    }

    private BatchJob.Builder job(Path output) {
        return BatchJob.builder().baseDirectory(dir).inputs(List.of(in)).outputDirectory(output).concurrency(2)
                .options(RemoveBgOptions.builder().size(Size.FULL).format(Format.PNG).build());
    }

    private CompletableFuture<BatchReport> runInBackground(BatchJob job) {
        return CompletableFuture.supplyAsync(() -> new BatchEngine(client).run(job));
    }

    private void awaitHeld(int calls) throws InterruptedException {
        assertThat(emulator.faults().awaitHeld(calls, WAIT)).as("%d calls reach the emulator", calls).isTrue();
    }

    private Map<String, Long> chargesPerImage() {
        return emulator.charges().stream().collect(Collectors.groupingBy(Charge::imageSha256, Collectors.counting()));
    }

    private List<Path> resultsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }

    @Test
    void aStopLetsTheCallsInFlightFinishSavesThemAndStartsNoOther() throws Exception {
        StopSignal signal = new StopSignal(Duration.ofMinutes(5));
        emulator.faults().enqueue(Fault.hold(), 2);
        CompletableFuture<BatchReport> running = runInBackground(job(out).stopSignal(signal).build());
        awaitHeld(2);

        signal.requestStop();
        emulator.faults().releaseHeld();
        BatchReport report = running.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(report.processed()).isEqualTo(2);
        assertThat(report.notRun()).isEqualTo(2);
        assertThat(report.stopReason()).contains("stopped");
        assertThat(emulator.charges()).hasSize(2);
        assertThat(resultsIn(out)).hasSize(2);

        BatchReport resumed = new BatchEngine(client).run(job(out).build());
        assertThat(resumed.possiblyCharged()).isEmpty();
        assertThat(resumed.skipped()).isEqualTo(2);
        assertThat(resumed.processed()).isEqualTo(2);
        assertThat(chargesPerImage()).hasSize(4).allSatisfy((sha, n) -> assertThat(n).as(sha).isEqualTo(1L));
    }

    @Test
    void aSecondStopRequestCancelsTheCallsInFlightAndTheNextRunNamesThem() throws Exception {
        StopSignal signal = new StopSignal(Duration.ofMinutes(5));
        emulator.faults().enqueue(Fault.hold(), 2);
        CompletableFuture<BatchReport> running = runInBackground(job(out).stopSignal(signal).build());
        awaitHeld(2);

        signal.requestStop();
        signal.requestStop();
        BatchReport report = running.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        emulator.faults().releaseHeld();

        assertThat(report.processed()).isZero();
        assertThat(report.notRun()).isEqualTo(4);
        List<Path> cutOff = report.items().stream()
                .filter(i -> i.message().orElse("").contains("may have charged")).map(BatchItem::input).toList();
        assertThat(cutOff).hasSize(2);
        assertThat(emulator.charges()).as("the held calls were charged by the server").hasSize(2);

        List<List<Path>> told = Collections.synchronizedList(new ArrayList<>());
        BatchListener listener = new BatchListener() {
            @Override
            public void onPossiblyCharged(List<Path> inputs) {
                told.add(inputs);
            }
        };
        BatchReport next = new BatchEngine(client).run(job(out).listener(listener).build());
        assertThat(told).containsExactly(next.possiblyCharged());
        assertThat(next.possiblyCharged()).containsExactlyInAnyOrderElementsOf(cutOff);
        assertThat(next.processed()).isEqualTo(4);
        int extra = emulator.charges().size() - 4;
        assertThat(extra).as("every extra charge was named").isLessThanOrEqualTo(next.possiblyCharged().size());

        BatchReport third = new BatchEngine(client).run(job(out).build());
        assertThat(third.possiblyCharged()).as("named once, then forgotten").isEmpty();
        assertThat(third.skipped()).isEqualTo(4);
    }

    @Test
    void theEndOfTheGracePeriodCancelsWhatIsStillInFlight() throws Exception {
        StopSignal signal = new StopSignal(Duration.ZERO);
        emulator.faults().enqueue(Fault.hold(), 2);
        CompletableFuture<BatchReport> running = runInBackground(job(out).stopSignal(signal).build());
        awaitHeld(2);

        signal.requestStop(); // the held answers are never released: only the grace period's end can finish this
        BatchReport report = running.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(report.notRun()).isEqualTo(4);
        assertThat(Manifest.load(out.resolve(BatchJob.DEFAULT_MANIFEST_NAME), out).leftInFlight()).hasSize(2);
    }

    @Test
    void aSecondRunOnTheSameFolderWaitsForTheFirstAndPaysNothingAgain() throws Exception {
        emulator.faults().enqueue(Fault.hold(), 2);
        CompletableFuture<BatchReport> first = runInBackground(job(out).build());
        awaitHeld(2);

        CountDownLatch waiting = new CountDownLatch(1);
        List<Path> lockFiles = Collections.synchronizedList(new ArrayList<>());
        BatchListener listener = new BatchListener() {
            @Override
            public void onWaitingForLock(Path lockFile) {
                lockFiles.add(lockFile);
                waiting.countDown();
            }
        };
        CompletableFuture<BatchReport> second = runInBackground(job(out).listener(listener).build());
        assertThat(waiting.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> new BatchEngine(client).run(job(out).lockTimeout(Duration.ZERO).build()))
                .isInstanceOf(RemoveBgException.class)
                .hasMessageContaining("Another removebg run is using the output folder " + out);

        emulator.faults().releaseHeld();
        assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS).processed()).isEqualTo(4);
        BatchReport later = second.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(later.skipped()).isEqualTo(4);
        assertThat(lockFiles).containsExactly(out.resolve(BatchJob.DEFAULT_MANIFEST_NAME + ".lock"));
        assertThat(chargesPerImage()).hasSize(4).allSatisfy((sha, n) -> assertThat(n).as(sha).isEqualTo(1L));
    }

    @Test
    void aStopAskedForWhileWaitingForTheFolderEndsTheWaitAndSendsNothing() throws Exception {
        emulator.faults().enqueue(Fault.hold(), 2);
        CompletableFuture<BatchReport> first = runInBackground(job(out).build());
        awaitHeld(2);

        CountDownLatch waiting = new CountDownLatch(1);
        StopSignal stop = new StopSignal();
        CompletableFuture<BatchReport> second = runInBackground(job(out).stopSignal(stop)
                .listener(new BatchListener() {
                    @Override
                    public void onWaitingForLock(Path lockFile) {
                        waiting.countDown();
                    }
                }).build());
        assertThat(waiting.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        stop.requestStop(); // a Jenkins abort, a Ctrl-C, while the other run still holds the folder

        assertThatThrownBy(() -> second.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(RemoveBgException.class)
                .hasMessageContaining("Stopped while waiting for another run on the output folder");
        assertThat(first).isNotDone();
        emulator.faults().releaseHeld();
        assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS).processed()).isEqualTo(4);
        assertThat(chargesPerImage()).hasSize(4).allSatisfy((sha, n) -> assertThat(n).as(sha).isEqualTo(1L));
    }

    @Test
    void aSecondOutputFolderWithTheSameCacheSpendsNothing() throws Exception {
        ResultCache cache = ResultCache.open(dir.resolve("cache"));
        try (RemoveBgClient cached = newClient(cache)) {
            BatchReport first = new BatchEngine(cached).run(job(out).build());
            assertThat(first.processed()).isEqualTo(4);

            Path elsewhere = dir.resolve("second-workspace/out");
            BatchReport second = new BatchEngine(cached).run(job(elsewhere).build());

            assertThat(second.cached()).isEqualTo(4);
            assertThat(second.creditsSpent()).isEqualByComparingTo("0");
            assertThat(second.items()).allSatisfy(i -> assertThat(i.message()).hasValueSatisfying(
                    m -> assertThat(m).contains("result cache")));
            assertThat(emulator.charges()).hasSize(4);
            for (Path result : resultsIn(out)) {
                assertThat(Files.readAllBytes(elsewhere.resolve(result.getFileName())))
                        .isEqualTo(Files.readAllBytes(result));
            }
        }
    }

    @Test
    void aCorruptedCacheEntryIsFetchedAgainNotServed() throws Exception {
        Path cacheDir = dir.resolve("cache");
        try (RemoveBgClient cached = newClient(ResultCache.open(cacheDir))) {
            assertThat(new BatchEngine(cached).run(job(out).build()).processed()).isEqualTo(4);
        }
        List<Path> entries;
        try (Stream<Path> files = Files.walk(cacheDir)) {
            entries = files.filter(p -> p.toString().endsWith(".entry")).sorted().toList();
        }
        assertThat(entries).hasSize(4);
        Path damaged = entries.get(0);
        byte[] bytes = Files.readAllBytes(damaged);
        bytes[bytes.length - 10] ^= 0x5A;
        Files.write(damaged, bytes);

        Path elsewhere = dir.resolve("second-workspace/out");
        try (RemoveBgClient cached = newClient(ResultCache.open(cacheDir))) {
            BatchReport second = new BatchEngine(cached).run(job(elsewhere).build());

            assertThat(second.cached()).as("three intact entries served").isEqualTo(3);
            assertThat(second.processed()).as("the damaged one fetched again").isEqualTo(1);
        }
        assertThat(emulator.charges()).hasSize(5);
        for (Path result : resultsIn(out)) {
            assertThat(Files.readAllBytes(elsewhere.resolve(result.getFileName())))
                    .as("%s is the paid result, byte for byte", result.getFileName())
                    .isEqualTo(Files.readAllBytes(result));
        }
    }

    @Test
    void aLocalServerKeepsItsIdentityAcrossPortsAndNeverPassesForRemoveBg() {
        try (RemoveBgEmulator other = RemoveBgEmulator.builder().port(0).apiKey(KEY, BigDecimal.ONE).build().start();
                RemoveBgClient second = RemoveBgClient.builder().apiKey(KEY).baseUrl(other.baseUrl()).build();
                RemoveBgClient real = RemoveBgClient.builder().apiKey(KEY).build();
                RemoveBgClient named = RemoveBgClient.builder().apiKey(KEY).baseUrl(other.baseUrl())
                        .backendIdentity("staging").build()) {
            assertThat(other.port()).isNotEqualTo(emulator.port());
            assertThat(second.backendIdentity()).isEqualTo(client.backendIdentity())
                    .isEqualTo("http://127.0.0.1/v1.0");
            assertThat(real.backendIdentity()).isEqualTo(RemoveBgClient.DEFAULT_BASE_URL);
            assertThat(named.backendIdentity()).isEqualTo("staging");
        }
    }
}
