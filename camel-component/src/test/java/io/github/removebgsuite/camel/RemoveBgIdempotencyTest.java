package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13 item 5: a {@code file:} route that sees the same image twice is charged once, counted on the emulator's
 * balance. With the result cache ({@code cacheDir}) the second sighting is answered from the cache, flagged by
 * {@code CamelRemoveBgFromCache}; with the README's idempotent-consumer recipe (keyed on the content's SHA-256) the
 * second never reaches remove.bg at all, even when both arrive at once.
 */
class RemoveBgIdempotencyTest {

    private static final String KEY = "idempotent-key";

    @RegisterExtension
    static final RemoveBgEmulatorExtension EMULATOR = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("50"));

    @TempDir
    Path tmp;

    private CamelContext context;

    @AfterEach
    void stopContext() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void theSameImageDroppedTwiceIsChargedOnceAndTheSecondComesFromTheCache() throws Exception {
        context = new DefaultCamelContext();
        context.addComponent("removebg", TestComponents.component(KEY, EMULATOR.emulator().baseUrl()));
        Path in = Files.createDirectories(tmp.resolve("in"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + in + "?initialDelay=0&delay=20&delete=true")
                        .to("removebg:removeBackground?size=full&format=zip&composeZipToPng=true&cacheDir="
                                + tmp.resolve("cache"))
                        .setHeader(Exchange.FILE_NAME, simple("${file:onlyname.noext}.png"))
                        .to("file:" + tmp.resolve("out") + "?tempPrefix=.inprogress-")
                        .to("mock:cut");
            }
        });
        MockEndpoint cut = context.getEndpoint("mock:cut", MockEndpoint.class);
        BigDecimal before = EMULATOR.emulator().credits(KEY);
        byte[] image = TestImages.jpeg(120, 90, 7);
        context.start();

        cut.expectedMessageCount(1);
        Files.write(in.resolve("shot.jpg"), image);
        cut.assertIsSatisfied(20_000);
        // the same picture again, later and under another name (a re-upload, a redelivery, a re-polled folder)
        cut.reset();
        cut.expectedMessageCount(1);
        Files.write(in.resolve("shot-again.jpg"), image);
        cut.assertIsSatisfied(20_000);

        Exchange again = cut.getReceivedExchanges().get(0);
        assertThat(again.getMessage().getHeader(RemoveBgConstants.FROM_CACHE, Boolean.class)).isTrue();
        assertThat(again.getMessage().getHeader(RemoveBgConstants.CREDITS_CHARGED, BigDecimal.class))
                .isEqualByComparingTo("0");
        assertThat(before.subtract(EMULATOR.emulator().credits(KEY))).as("charged once on the emulator")
                .isEqualByComparingTo("1");
        byte[] first = Files.readAllBytes(tmp.resolve("out/shot.png"));
        byte[] second = Files.readAllBytes(tmp.resolve("out/shot-again.png"));
        assertThat(TestImages.isTransparentPng(first)).isTrue();
        assertThat(second).as("the cached answer composes to the same PNG").isEqualTo(first);
    }

    @Test
    void theIdempotentConsumerRecipeKeepsADuplicateFromEverReachingRemoveBg() throws Exception {
        context = new DefaultCamelContext();
        context.addComponent("removebg", TestComponents.component(KEY, EMULATOR.emulator().baseUrl()));
        Path in = Files.createDirectories(tmp.resolve("in"));
        byte[] image = TestImages.png(100, 80, 8);
        // both copies are there before the first poll, so they are routed at once, with no cache to help
        Files.write(in.resolve("a.png"), image);
        Files.write(in.resolve("b.png"), image);
        Files.write(in.resolve("other.png"), TestImages.png(100, 80, 9));
        IdempotentRepository seen = FileIdempotentRepository.fileIdempotentRepository(
                tmp.resolve("seen-images.txt").toFile());
        context.getRegistry().bind("seenImages", seen);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + in + "?initialDelay=0&delay=20&move=.done")
                        .idempotentConsumer(simple("${hash(${body},SHA-256)}")).idempotentRepository("seenImages")
                        .to("removebg:removeBackground?size=full&format=png")
                        .to("file:" + tmp.resolve("out") + "?tempPrefix=.inprogress-")
                        .to("mock:cut");
            }
        });
        MockEndpoint cut = context.getEndpoint("mock:cut", MockEndpoint.class);
        cut.expectedMessageCount(2);
        NotifyBuilder allThree = new NotifyBuilder(context).whenDone(3).create();
        BigDecimal before = EMULATOR.emulator().credits(KEY);

        context.start();

        assertThat(allThree.matches(20, TimeUnit.SECONDS)).as("all three files routed").isTrue();
        cut.assertIsSatisfied();
        assertThat(before.subtract(EMULATOR.emulator().credits(KEY))).as("the duplicate was never sent")
                .isEqualByComparingTo("2");
        assertThat(Files.readAllLines(tmp.resolve("seen-images.txt"))).as("the keys survive a restart")
                .hasSize(2).allMatch(line -> line.matches("[0-9a-f]{64}"));
    }

    @Test
    void theYamlRecipeDoesTheSame() throws Exception {
        context = new DefaultCamelContext();
        context.addComponent("removebg", TestComponents.component(KEY, EMULATOR.emulator().baseUrl()));
        Path in = Files.createDirectories(tmp.resolve("in"));
        byte[] image = TestImages.png(100, 80, 10);
        Files.write(in.resolve("a.png"), image);
        Files.write(in.resolve("b.png"), image);
        context.getRegistry().bind("seenImages", FileIdempotentRepository.fileIdempotentRepository(
                tmp.resolve("seen-images.txt").toFile()));
        String yaml = """
                - route:
                    from:
                      uri: file:%s
                      parameters: { initialDelay: 0, delay: 20, move: .done }
                      steps:
                        - idempotentConsumer:
                            simple: ${hash(${body},SHA-256)}
                            idempotentRepository: seenImages
                            steps:
                              - to: removebg:removeBackground?size=full&cacheDir=%s
                              - to: mock:cut
                """.formatted(in, tmp.resolve("cache"));
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("recipe.camel.yaml", yaml));
        NotifyBuilder both = new NotifyBuilder(context).whenDone(2).create();
        BigDecimal before = EMULATOR.emulator().credits(KEY);

        context.start();

        assertThat(both.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(context.getEndpoint("mock:cut", MockEndpoint.class).getReceivedCounter()).isEqualTo(1);
        assertThat(before.subtract(EMULATOR.emulator().credits(KEY))).isEqualByComparingTo("1");
    }
}
