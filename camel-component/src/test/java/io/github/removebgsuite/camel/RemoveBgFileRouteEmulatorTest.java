package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.Charge;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against the emulator: a {@code file:} route turns a folder of product shots into transparent PNGs, with
 * the result headers set, each image charged once, and the ZIP composed in-process.
 */
class RemoveBgFileRouteEmulatorTest extends CamelTestSupport {

    private static final String KEY = "e2e-key";
    private static final int IMAGES = 5;

    @TempDir
    static Path tmp;

    @RegisterExtension
    static final RemoveBgEmulatorExtension EMULATOR = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("100"));

    @BeforeAll
    static void writeInputs() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (int i = 0; i < IMAGES; i++) {
            Files.write(in.resolve("shot-" + i + (i % 2 == 0 ? ".png" : ".jpg")),
                    i % 2 == 0 ? TestImages.png(96, 72, i) : TestImages.jpeg(96, 72, i));
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        RemoveBgComponent component = TestComponents.component(KEY, EMULATOR.emulator().baseUrl());
        context.addComponent("removebg", component);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + tmp.resolve("in") + "?initialDelay=0&delay=50&move=.done&moveFailed=.failed"
                        // remember processed names: a poll racing the move of a finished file skips it
                        + "&idempotent=true")
                        .routeId("cutouts").autoStartup(false)
                        .to("removebg:removeBackground?size=full&format=zip&composeZipToPng=true")
                        .setHeader(Exchange.FILE_NAME, simple("${file:onlyname.noext}.png"))
                        .to("file:" + tmp.resolve("out") + "?tempPrefix=.inprogress-")
                        .to("mock:done");
                from("direct:zip").to("removebg:removeBackground?format=zip");
            }
        };
    }

    @Test
    void composeHeaderTurnsTheZipIntoAPngPerMessage() throws Exception {
        Exchange zip = template.request("direct:zip", e -> e.getIn().setBody(TestImages.png(64, 48, 40)));
        assertThat(zip.getException()).isNull();
        assertThat(zip.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/zip");
        byte[] archive = zip.getMessage().getBody(byte[].class);
        assertThat(archive[0]).isEqualTo((byte) 'P');
        assertThat(archive[1]).isEqualTo((byte) 'K');

        Exchange png = template.request("direct:zip", e -> {
            e.getIn().setBody(TestImages.png(64, 48, 41));
            e.getIn().setHeader(RemoveBgConstants.COMPOSE_ZIP_TO_PNG, true);
        });
        assertThat(png.getException()).isNull();
        assertThat(png.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(png.getMessage().getHeader(RemoveBgConstants.RESULT_FORMAT)).isEqualTo("png");
        assertThat(TestImages.isTransparentPng(png.getMessage().getBody(byte[].class))).isTrue();
    }

    @Test
    void folderOfImagesBecomesTransparentPngsWithResultHeaders() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(IMAGES);
        done.allMessages().header(Exchange.CONTENT_TYPE).isEqualTo("image/png");
        done.allMessages().header(RemoveBgConstants.RESULT_FORMAT).isEqualTo("png");
        done.allMessages().header(RemoveBgConstants.WIDTH).isEqualTo(96);
        done.allMessages().header(RemoveBgConstants.HEIGHT).isEqualTo(72);
        done.allMessages().header(RemoveBgConstants.CREDITS_CHARGED).isNotNull();
        done.allMessages().header(RemoveBgConstants.FOREGROUND_WIDTH).isNotNull();
        done.allMessages().header(RemoveBgConstants.RATE_LIMIT_REMAINING).isNotNull();
        done.setResultWaitTime(20_000);
        Set<String> inputs = new HashSet<>();
        try (Stream<Path> files = Files.list(tmp.resolve("in"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                inputs.add(sha256(Files.readAllBytes(file)));
            }
        }

        context.getRouteController().startRoute("cutouts");

        done.assertIsSatisfied();

        Path out = tmp.resolve("out");
        List<Path> pngs;
        try (Stream<Path> files = Files.list(out)) {
            pngs = files.sorted().collect(Collectors.toList());
        }
        assertThat(pngs).extracting(p -> p.getFileName().toString())
                .containsExactly("shot-0.png", "shot-1.png", "shot-2.png", "shot-3.png", "shot-4.png");
        for (Path png : pngs) {
            assertThat(TestImages.isTransparentPng(Files.readAllBytes(png))).as(png.toString()).isTrue();
        }
        for (Exchange exchange : done.getReceivedExchanges()) {
            BigDecimal credits = exchange.getMessage().getHeader(RemoveBgConstants.CREDITS_CHARGED, BigDecimal.class);
            assertThat(credits).isEqualByComparingTo("1");
            Integer foregroundWidth = exchange.getMessage().getHeader(RemoveBgConstants.FOREGROUND_WIDTH,
                    Integer.class);
            assertThat(foregroundWidth).isBetween(1, 96);
        }
        List<Charge> charges = EMULATOR.emulator().charges().stream()
                .filter(c -> inputs.contains(c.imageSha256())).toList();
        assertThat(charges).as("each input charged once").hasSize(IMAGES);
        assertThat(charges.stream().map(Charge::imageSha256).distinct()).hasSize(IMAGES);
        assertThat(charges.stream().map(Charge::credits).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(new BigDecimal(IMAGES));
        try (Stream<Path> failed = Files.list(tmp.resolve("in"))) {
            assertThat(failed.map(p -> p.getFileName().toString())).containsExactly(".done");
        }
    }
}
