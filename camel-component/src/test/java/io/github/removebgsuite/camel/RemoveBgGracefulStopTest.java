package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.emulator.FaultInjector;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 (Camel): stopping the CamelContext while a remove.bg call is in flight neither aborts the call nor drops
 * its answer. The emulator charges the call and holds its answer; the context is told to stop; only then is the
 * answer released. The emulator's balance shows exactly one charge, and the answer reached the route (written to the
 * output folder) or, when Camel's shutdown timeout forced the route down first, the result cache.
 */
class RemoveBgGracefulStopTest {

    private static final String KEY = "graceful-key";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RemoveBgEmulatorExtension EMULATOR = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("50"));

    @TempDir
    Path tmp;

    private CamelContext context;

    @AfterEach
    void stopContext() {
        EMULATOR.emulator().faults().releaseHeld();
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void contextStopWaitsForTheCallInFlightAndDeliversItsResult() throws Exception {
        RemoveBgComponent component = TestComponents.component(KEY, EMULATOR.emulator().baseUrl());
        context = cutoutContext(component, "");
        CountDownLatch stopping = stoppingLatch(context);
        FaultInjector faults = EMULATOR.emulator().faults();
        faults.enqueue(Fault.hold());
        BigDecimal before = EMULATOR.emulator().credits(KEY);
        context.start();
        Files.write(Files.createDirectories(tmp.resolve("in")).resolve("shot.png"), TestImages.png(96, 72, 1));
        assertThat(faults.awaitHeld(1, WAIT)).as("the call reached the emulator and is held there").isTrue();

        CompletableFuture<Void> stop = CompletableFuture.runAsync(context::stop);
        assertThat(stopping.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the context is stopping").isTrue();
        assertThat(stop).as("the stop waits for the exchange in flight").isNotDone();
        faults.releaseHeld();
        stop.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Path result = tmp.resolve("out/shot.png");
        assertThat(result).exists();
        assertThat(TestImages.isTransparentPng(Files.readAllBytes(result))).isTrue();
        assertThat(tmp.resolve("in/.done/shot.png")).as("the input was consumed, not left for another charge").exists();
        assertThat(before.subtract(EMULATOR.emulator().credits(KEY))).as("charged exactly once")
                .isEqualByComparingTo("1");
    }

    @Test
    void aStopForcedByCamelsShutdownTimeoutStillLetsThePaidCallFinishIntoTheCache() throws Exception {
        RemoveBgComponent component = TestComponents.component(KEY, EMULATOR.emulator().baseUrl());
        component.setCacheDir(tmp.resolve("cache").toString());
        context = cutoutContext(component, "");
        context.getShutdownStrategy().setTimeout(1); // seconds: Camel gives up on the exchange and stops the route
        FaultInjector faults = EMULATOR.emulator().faults();
        faults.enqueue(Fault.hold());
        BigDecimal before = EMULATOR.emulator().credits(KEY);
        byte[] image = TestImages.png(96, 72, 2);
        context.start();
        Files.write(Files.createDirectories(tmp.resolve("in")).resolve("shot.png"), image);
        assertThat(faults.awaitHeld(1, WAIT)).isTrue();

        CompletableFuture<Void> stop = CompletableFuture.runAsync(context::stop);
        assertThat(component.awaitStopWaiting(WAIT)).as("the producer's stop waits for the call").isTrue();
        assertThat(stop).isNotDone();
        faults.releaseHeld();
        stop.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(before.subtract(EMULATOR.emulator().credits(KEY))).as("charged exactly once")
                .isEqualByComparingTo("1");

        // the paid answer was saved: the next run gets it for nothing
        RemoveBgComponent again = TestComponents.component(KEY, EMULATOR.emulator().baseUrl());
        again.setCacheDir(tmp.resolve("cache").toString());
        context = new DefaultCamelContext();
        context.addComponent("removebg", again);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cut").to("removebg:removeBackground?size=full&format=png");
            }
        });
        context.start();
        Exchange replay = context.createProducerTemplate().request("direct:cut", e -> e.getIn().setBody(image));
        assertThat(replay.getException()).isNull();
        assertThat(replay.getMessage().getHeader(RemoveBgConstants.FROM_CACHE, Boolean.class)).isTrue();
        assertThat(TestImages.isTransparentPng(replay.getMessage().getBody(byte[].class))).isTrue();
        assertThat(before.subtract(EMULATOR.emulator().credits(KEY))).as("the replay cost nothing")
                .isEqualByComparingTo("1");
    }

    private CamelContext cutoutContext(RemoveBgComponent component, String extraOptions) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("removebg", component);
        Path in = tmp.resolve("in");
        Path out = tmp.resolve("out");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + in + "?initialDelay=0&delay=20&move=.done")
                        .to("removebg:removeBackground?size=full&format=png" + extraOptions)
                        .to("file:" + out + "?tempPrefix=.inprogress-");
            }
        });
        return camel;
    }

    private static CountDownLatch stoppingLatch(CamelContext camel) {
        CountDownLatch stopping = new CountDownLatch(1);
        camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.CamelContextStoppingEvent) {
                    stopping.countDown();
                }
            }
        });
        return stopping;
    }
}
