package io.github.removebgsuite.common.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.removebgsuite.common.batch.BatchItem.Outcome;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.request.BgColor;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch engine end to end, against the suite's emulator on loopback. */
class BatchEngineTest {
    private static final String KEY = "batch-test-key";

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
        startEmulator(new BigDecimal("100"));
    }

    private void startEmulator(BigDecimal credits) {
        emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, credits).build().start();
        client = RemoveBgClient.builder().apiKey(KEY).baseUrl(emulator.baseUrl())
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(20)).maxRateLimitWait(Duration.ofSeconds(3)).build())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    /** A small product shot: a coloured box on a plain light background, different for every seed. */
    private Path image(String relative, int seed) throws IOException {
        Path file = in.resolve(relative);
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(245, 245, 245));
        g.fillRect(0, 0, 100, 80);
        g.setColor(new Color((seed * 53) % 200, 40 + (seed * 31) % 150, 90));
        g.fillRect(20 + seed % 10, 15 + seed % 7, 50, 45);
        g.dispose();
        String name = file.getFileName().toString();
        ImageIO.write(img, name.endsWith(".png") ? "png" : "jpg", file.toFile());
        return file;
    }

    private BatchJob.Builder job(RemoveBgOptions options) {
        return BatchJob.builder().baseDirectory(dir).inputs(List.of(in)).outputDirectory(out).options(options)
                .concurrency(3);
    }

    private BatchReport run(BatchJob.Builder job) {
        return new BatchEngine(client).run(job.build());
    }

    private static RemoveBgOptions pngFull() {
        return RemoveBgOptions.builder().size(Size.FULL).format(Format.PNG).build();
    }

    private static Map<Path, BatchItem> byInput(BatchReport report) {
        return report.items().stream().collect(Collectors.toMap(BatchItem::input, Function.identity()));
    }

    private List<String> filesBelow(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            // The folder's lock file is bookkeeping that every run leaves, like the manifest but never read.
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals(BatchJob.DEFAULT_MANIFEST_NAME + ".lock")).sorted().toList();
        }
    }

    /** No image content was charged more than once over the emulator's whole life. */
    private void assertNoImageChargedTwice() {
        Map<String, Long> perImage = emulator.charges().stream()
                .collect(Collectors.groupingBy(Charge::imageSha256, Collectors.counting()));
        assertThat(perImage).allSatisfy((sha, count) -> assertThat(count).as(sha).isEqualTo(1L));
    }

    @Test
    void writesMirroredTransparentOutputsAndAReRunSpendsNothing() throws IOException {
        Path a = image("a.jpg", 1);
        Path b = image("nested/deeper/b.png", 2);
        Path c = image("nested/c.jpg", 3);
        Path report = dir.resolve("report.json");

        BatchReport first = run(job(pngFull()).reportFile(report));

        assertThat(first.processed()).isEqualTo(3);
        assertThat(first.creditsSpent()).isEqualByComparingTo("3");
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("97");
        assertThat(filesBelow(out)).containsExactly(".removebg-manifest.json", "a.png",
                "nested/c.png", "nested/deeper/b.png");
        BufferedImage result = ImageIO.read(out.resolve("a.png").toFile());
        assertThat(result.getColorModel().hasAlpha()).isTrue();
        assertThat(byInput(first).get(b).output()).contains(out.resolve("nested/deeper/b.png"));
        // What remove.bg said about each result reaches the host (a Fiji results table, say).
        assertThat(byInput(first).get(a).metadata()).hasValueSatisfying(m -> {
            assertThat(m.detectedType()).isPresent();
            assertThat(m.width()).isEqualTo(result.getWidth());
            assertThat(m.height()).isEqualTo(result.getHeight());
            assertThat(m.foreground()).isPresent();
        });

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("items")).hasSize(3);
        List<String> reported = new ArrayList<>();
        json.get("items").forEach(i -> reported.add(i.get("input").asText()));
        assertThat(reported).containsExactlyInAnyOrder(a.toString(), b.toString(), c.toString());
        assertThat(json.at("/summary/creditsSpent").decimalValue()).isEqualByComparingTo("3");

        long requestsBefore = emulator.requestCount();
        BatchReport second = run(job(pngFull()));

        assertThat(second.items()).extracting(BatchItem::outcome).containsOnly(Outcome.SKIPPED);
        assertThat(second.creditsSpent()).isEqualByComparingTo("0");
        assertThat(emulator.requestCount()).isEqualTo(requestsBefore);
        assertThat(emulator.credits(KEY)).isEqualByComparingTo("97");
        assertThat(byInput(second).get(a).output()).contains(out.resolve("a.png"));
        assertThat(byInput(second).get(a).metadata()).as("no answer this time").isEmpty();
    }

    @Test
    void changingOneParameterReprocessesButRenamingTheInputDoesNot() throws IOException {
        image("a.jpg", 1);
        image("b.jpg", 2);
        run(job(pngFull()));
        assertThat(emulator.charges()).hasSize(2);

        // Same content under a new name, same parameters: no call, the earlier output is copied to the new name.
        Files.move(in.resolve("a.jpg"), in.resolve("renamed.jpg"));
        BatchReport renamed = run(job(pngFull()));
        assertThat(emulator.charges()).hasSize(2);
        assertThat(renamed.creditsSpent()).isEqualByComparingTo("0");
        assertThat(renamed.items()).extracting(BatchItem::outcome).containsOnly(Outcome.SKIPPED);
        assertThat(Files.readAllBytes(out.resolve("renamed.png")))
                .isEqualTo(Files.readAllBytes(out.resolve("a.png")));

        BatchReport changed = run(job(pngFull().toBuilder().bgColor(BgColor.parse("81d4fa")).build()));
        assertThat(changed.processed()).isEqualTo(2);
        assertThat(emulator.charges()).hasSize(4);
        assertThat(ImageIO.read(out.resolve("b.png").toFile()).getRGB(0, 0)).isEqualTo(0xff81d4fa);

        // b.png now holds the bg_color result, so the first parameters must process b again; renamed.jpg's first
        // result is still on disk as a.png and is copied back instead of paid for.
        BatchReport back = run(job(pngFull()));
        assertThat(byInput(back).get(in.resolve("b.jpg")).outcome()).isEqualTo(Outcome.DONE);
        assertThat(byInput(back).get(in.resolve("renamed.jpg")).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(emulator.charges()).hasSize(5);
        assertThat(ImageIO.read(out.resolve("b.png").toFile()).getRGB(0, 0) >>> 24).isZero();

        BatchReport forced = run(job(pngFull()).reprocess(true));
        assertThat(forced.processed()).isEqualTo(2);
        assertThat(emulator.charges()).hasSize(7);
    }

    @Test
    void anInterruptedBatchResumesWithoutReChargingFinishedImages() throws IOException {
        for (int i = 0; i < 6; i++) {
            image("img" + i + ".png", i);
        }
        AtomicInteger done = new AtomicInteger();
        StopSignal signal = new StopSignal();
        BatchListener counter = new BatchListener() {
            @Override
            public void onItem(BatchItem item, int completed, int total) {
                if (item.outcome() == Outcome.DONE && done.incrementAndGet() == 2) {
                    signal.requestStop();
                }
            }
        };
        BatchReport interrupted = run(job(pngFull()).concurrency(1).listener(counter).stopSignal(signal));

        assertThat(interrupted.processed()).isEqualTo(2);
        assertThat(interrupted.notRun()).isEqualTo(4);
        assertThat(interrupted.stopReason()).contains("stopped");
        assertThat(interrupted.items()).filteredOn(i -> i.outcome() == Outcome.NOT_RUN)
                .allSatisfy(i -> assertThat(i.message()).hasValueSatisfying(m -> assertThat(m).contains("stopped")));
        assertThat(filesBelow(out)).hasSize(3); // two results and the manifest

        BatchReport resumed = run(job(pngFull()));
        assertThat(resumed.skipped()).isEqualTo(2);
        assertThat(resumed.processed()).isEqualTo(4);
        assertThat(emulator.charges()).hasSize(6);
        assertNoImageChargedTwice();
        assertThat(filesBelow(out)).hasSize(7);
    }

    @Test
    void interruptingTheCallingThreadFinishesTheImageInFlightAndStartsNoOther() throws Exception {
        for (int i = 0; i < 5; i++) {
            image("t" + i + ".png", i);
        }
        Thread runner = Thread.currentThread();
        BatchListener interrupter = new BatchListener() {
            @Override
            public void onItem(BatchItem item, int completed, int total) {
                if (completed == 1) {
                    runner.interrupt();
                }
            }
        };
        BatchReport report;
        boolean stillInterrupted;
        try {
            report = run(job(pngFull()).concurrency(1).listener(interrupter));
        } finally {
            stillInterrupted = Thread.interrupted(); // also clears the flag for the rest of the test
        }

        assertThat(stillInterrupted).as("the interrupt is passed on to the caller").isTrue();
        assertThat(report.stopReason()).contains("stopped");
        assertThat(report.items()).hasSize(5);
        // The worker may have taken the second image before the runner saw the interrupt, never more.
        assertThat(report.processed()).isBetween(1, 2);
        assertThat(report.notRun()).isEqualTo(5 - report.processed());
        assertThat(emulator.charges()).hasSize(report.processed());
    }

    @Test
    void serverErrorsAndA429StormLeaveEveryImageDoneOrFailedAndNoPartialFile() throws IOException {
        for (int i = 0; i < 8; i++) {
            image("s" + i + ".jpg", i);
        }
        emulator.faults().enqueue(Fault.status(503), 3).enqueue(Fault.rateLimited(1), 6)
                .enqueue(Fault.status(502), 5).enqueue(Fault.status(500), 4);

        BatchReport report = run(job(pngFull()).concurrency(4));

        assertThat(report.items()).hasSize(8)
                .allSatisfy(i -> assertThat(i.outcome()).isIn(Outcome.DONE, Outcome.FAILED));
        for (BatchItem item : report.items()) {
            if (item.outcome() == Outcome.DONE) {
                assertThat(ImageIO.read(item.output().orElseThrow().toFile())).isNotNull();
            } else {
                assertThat(item.output()).isEmpty();
                assertThat(item.message()).isPresent();
            }
        }
        assertThat(filesBelow(out)).noneMatch(f -> f.endsWith(".tmp"))
                .hasSize(report.processed() + (report.processed() > 0 ? 1 : 0));
        assertThat(report.creditsSpent()).isEqualByComparingTo(new BigDecimal(emulator.charges().size()));

        BatchReport again = run(job(pngFull()));
        assertThat(again.items()).extracting(BatchItem::outcome).containsOnly(Outcome.DONE, Outcome.SKIPPED);
        assertThat(again.skipped()).isEqualTo(report.processed());
        assertNoImageChargedTwice();
    }

    @Test
    void aMalformedZipResultFailsThatImageWithoutLeavingAFile() throws IOException {
        image("z.jpg", 1);
        emulator.faults().enqueue(Fault.malformedZip(), 1);
        RemoveBgOptions zip = RemoveBgOptions.builder().size(Size.FULL).format(Format.ZIP).build();

        BatchReport report = run(job(zip));

        BatchItem item = report.items().get(0);
        assertThat(item.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(item.message()).hasValueSatisfying(m -> assertThat(m).contains("may have been charged"));
        assertThat(filesBelow(out)).containsExactly(BatchJob.DEFAULT_MANIFEST_NAME);

        BatchReport retried = run(job(zip));
        assertThat(retried.processed()).isEqualTo(1);
        Path png = out.resolve("z.png");
        assertThat(retried.items().get(0).output()).contains(png);
        assertThat(ImageIO.read(png.toFile()).getColorModel().hasAlpha()).isTrue();

        BatchReport kept = run(job(zip).composeZipToPng(false));
        assertThat(kept.processed()).as("keeping the archive is another result").isEqualTo(1);
        assertThat(kept.items().get(0).output()).contains(out.resolve("z.zip"));
    }

    @Test
    void insufficientCreditsStopTheRestOfTheBatch() throws IOException {
        stop();
        startEmulator(new BigDecimal("2"));
        for (int i = 0; i < 5; i++) {
            image("c" + i + ".png", i);
        }
        BatchReport report = run(job(pngFull()).concurrency(1));

        assertThat(report.processed()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.notRun()).isEqualTo(2);
        assertThat(report.stopReason()).hasValueSatisfying(r -> assertThat(r).contains("402"));
        assertThat(report.items()).filteredOn(i -> i.outcome() == Outcome.NOT_RUN)
                .allSatisfy(i -> assertThat(i.message().orElseThrow()).contains("402"));
    }

    @Test
    void withoutContinueOnErrorTheFirstFailureStopsTheBatchButAFailingListenerDoesNot() throws IOException {
        for (int i = 0; i < 4; i++) {
            image("e" + i + ".png", i);
        }
        emulator.faults().enqueue(Fault.status(400), 1);
        BatchListener broken = new BatchListener() {
            @Override
            public void onItem(BatchItem item, int completed, int total) {
                throw new IllegalStateException("listener bug");
            }
        };
        BatchReport report = run(job(pngFull()).concurrency(1).continueOnError(false).listener(broken));

        assertThat(report.items()).extracting(BatchItem::outcome)
                .containsExactly(Outcome.FAILED, Outcome.NOT_RUN, Outcome.NOT_RUN, Outcome.NOT_RUN);
        assertThat(report.stopReason()).hasValueSatisfying(r -> assertThat(r).contains("e0.png"));
        assertThat(emulator.charges()).isEmpty();

        BatchReport tolerant = run(job(pngFull()).concurrency(1).listener(broken));
        assertThat(tolerant.processed()).isEqualTo(4);
    }

    @Test
    void theCreditBudgetHoldsWithImagesInFlight() throws IOException {
        for (int i = 0; i < 7; i++) {
            image("b" + i + ".png", i);
        }
        BatchReport report = run(job(pngFull()).concurrency(4).maxCredits(new BigDecimal("3")));

        assertThat(report.processed()).isEqualTo(3);
        assertThat(report.notRun()).isEqualTo(4);
        assertThat(emulator.charges()).hasSize(3);
        assertThat(report.items()).filteredOn(i -> i.outcome() == Outcome.NOT_RUN)
                .allSatisfy(i -> assertThat(i.message().orElseThrow()).contains("maxCredits 3"));

        BatchReport more = run(job(pngFull()).maxImages(2));
        assertThat(more.skipped()).isEqualTo(3);
        assertThat(more.processed()).isEqualTo(2);
        assertThat(more.notRun()).isEqualTo(2);
    }

    @Test
    void aLimitLetsTheFirstImagesInInputOrderThroughWhicheverThreadIsFaster() throws IOException {
        // The first input is large, so it is hashed long after the small ones behind it reach the budget.
        BufferedImage noise = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(3);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        ImageIO.write(noise, "jpg", in.resolve("e0.jpg").toFile());
        for (int i = 1; i < 8; i++) {
            image("e" + i + ".jpg", i);
        }

        BatchReport report = run(job(pngFull()).concurrency(4).dryRun(true).maxImages(2));

        assertThat(report.items()).filteredOn(i -> i.outcome() == Outcome.ESTIMATED).extracting(BatchItem::input)
                .containsExactly(in.resolve("e0.jpg"), in.resolve("e1.jpg"));
        assertThat(report.notRun()).isEqualTo(6);
    }

    @Test
    void aDryRunEstimatesEveryImageAndCallsNothing() throws IOException {
        for (int i = 0; i < 3; i++) {
            image("d" + i + ".jpg", i);
        }
        BatchReport preview = run(job(RemoveBgOptions.defaults()).dryRun(true));
        assertThat(preview.items()).extracting(BatchItem::outcome).containsOnly(Outcome.ESTIMATED);
        assertThat(preview.estimatedCredits()).isEqualByComparingTo("0.75");
        assertThat(preview.creditsSpent()).isEqualByComparingTo("0");
        assertThat(emulator.requestCount()).isZero();
        assertThat(out).doesNotExist();

        BatchReport full = run(job(pngFull()).dryRun(true).maxCredits(new BigDecimal("2")));
        assertThat(full.estimatedCredits()).isEqualByComparingTo("2");
        assertThat(full.notRun()).isEqualTo(1);
        assertThat(full.items()).filteredOn(i -> i.outcome() == Outcome.ESTIMATED)
                .allSatisfy(i -> assertThat(i.output().orElseThrow().toString()).endsWith(".png"));

        run(job(pngFull()).maxImages(1));
        BatchReport after = run(job(pngFull()).dryRun(true));
        assertThat(after.skipped()).isEqualTo(1);
        assertThat(after.estimatedCredits()).isEqualByComparingTo("2");
        assertThat(emulator.charges()).hasSize(1);
    }

    @Test
    void collidingNamesGetDistinctOutputsAndDuplicatesArePaidOnce() throws IOException {
        image("p/a.jpg", 1);
        image("p/a.png", 2);
        Files.copy(in.resolve("p/a.png"), in.resolve("p/copy.png"));
        List<BatchItem> started = Collections.synchronizedList(new ArrayList<>());
        BatchListener progress = new BatchListener() {
            int totalSeen = -1;

            @Override
            public void onStart(int total) {
                totalSeen = total;
            }

            @Override
            public void onItem(BatchItem item, int completed, int total) {
                assertThat(total).isEqualTo(totalSeen);
                assertThat(completed).isEqualTo(started.size() + 1);
                started.add(item);
            }
        };
        BatchReport report = run(job(pngFull()).listener(progress));

        assertThat(started).hasSize(3);
        assertThat(filesBelow(out)).containsExactly(".removebg-manifest.json", "p/a.jpg.png", "p/a.png.png",
                "p/copy.png");
        assertThat(report.processed()).isEqualTo(2);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(emulator.charges()).hasSize(2);
        assertThat(Files.readAllBytes(out.resolve("p/copy.png")))
                .isEqualTo(Files.readAllBytes(out.resolve("p/a.png.png")));
    }

    @Test
    void globsSelectInputsAndTheReportListsEachOnce() throws IOException {
        image("keep/one.jpg", 1);
        image("keep/two.png", 2);
        image("keep/drafts/three.jpg", 3);
        Path report = dir.resolve("r.json");
        BatchReport result = run(BatchJob.builder().baseDirectory(dir).outputDirectory(out).options(pngFull())
                .includes(List.of("in/**/*.jpg", "in/keep/*.png", "in/keep/one.jpg")).excludes(List.of("**/drafts/"))
                .reportFile(report));

        assertThat(result.items()).extracting(BatchItem::input)
                .containsExactly(in.resolve("keep/one.jpg"), in.resolve("keep/two.png"));
        assertThat(filesBelow(out)).contains("in/keep/one.png", "in/keep/two.png");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("items")).hasSize(2);
        assertThat(json.at("/summary/processed").asInt()).isEqualTo(2);
    }
}
