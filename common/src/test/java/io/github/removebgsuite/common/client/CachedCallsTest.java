package io.github.removebgsuite.common.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.common.cache.ResultCache;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import io.github.removebgsuite.common.request.Size;
import io.github.removebgsuite.common.retry.RetryPolicy;
import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identical calls in flight at once through one cached client (two Camel exchanges with the same body, say) are paid
 * once; charges are read on the emulator. (Within one batch the engine already reuses a same-content result.)
 */
class CachedCallsTest {
    private static final String KEY = "cached-calls-key";

    @TempDir
    Path dir;

    private RemoveBgEmulator emulator;
    private RemoveBgClient client;

    @BeforeEach
    void start() {
        emulator = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("50")).build().start();
        client = RemoveBgClient.builder().apiKey(KEY).baseUrl(emulator.baseUrl()).retryPolicy(RetryPolicy.none())
                .resultCache(ResultCache.open(dir.resolve("cache"))).build();
    }

    @AfterEach
    void stop() {
        emulator.faults().releaseHeld();
        client.close();
        emulator.close();
    }

    @Test
    void aSecondIdenticalCallWaitsForTheOneInFlightAndIsAnsweredFromTheCache() throws Exception {
        Path image = Files.write(dir.resolve("a.png"), product(64, 48));
        RemoveBgRequest request = RemoveBgRequest.builder().imageFile(image).size(Size.FULL).build();
        emulator.faults().enqueue(Fault.hold());

        CompletableFuture<RemoveBgResult> first = client.removeBackgroundAsync(request);
        assertThat(emulator.faults().awaitHeld(1, Duration.ofSeconds(30))).isTrue();
        CompletableFuture<RemoveBgResult> second = client.removeBackgroundAsync(request);
        emulator.faults().releaseHeld();

        RemoveBgResult paid = first.get(30, TimeUnit.SECONDS);
        RemoveBgResult free = second.get(30, TimeUnit.SECONDS);
        assertThat(paid.fromCache()).isFalse();
        assertThat(free.fromCache()).isTrue();
        assertThat(free.bytes()).isEqualTo(paid.bytes());
        assertThat(emulator.charges()).hasSize(1);
    }

    @Test
    void whenTheCallInFlightIsCancelledTheWaitingOneIsSentItself() throws Exception {
        Path image = Files.write(dir.resolve("b.png"), product(50, 40));
        RemoveBgRequest request = RemoveBgRequest.builder().imageFile(image).size(Size.FULL).build();
        emulator.faults().enqueue(Fault.hold());

        CompletableFuture<RemoveBgResult> first = client.removeBackgroundAsync(request);
        assertThat(emulator.faults().awaitHeld(1, Duration.ofSeconds(30))).isTrue();
        CompletableFuture<RemoveBgResult> second = client.removeBackgroundAsync(request);
        first.cancel(true); // a stop at once: the waiting call must not hang or inherit the cancellation

        RemoveBgResult result = second.get(30, TimeUnit.SECONDS);
        assertThat(result.fromCache()).isFalse();
        assertThat(emulator.charges()).as("the held call was charged before it was cut off").hasSize(2);
    }

    /** A product shot: a coloured box on a light background (the emulator finds its foreground). */
    private static byte[] product(int width, int height) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(245, 245, 245));
        g.fillRect(0, 0, width, height);
        g.setColor(new java.awt.Color(180, 40, 60));
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
