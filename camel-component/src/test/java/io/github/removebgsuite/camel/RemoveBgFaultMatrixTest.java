package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.common.error.ApiConnectionException;
import io.github.removebgsuite.common.error.RateLimitedException;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.error.ServerException;
import io.github.removebgsuite.common.error.UnexpectedResponseException;
import io.github.removebgsuite.emulator.Charge;
import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Camel column of the fault matrix (issue #8): each of the emulator's faults hits a route that cuts out
 * {@value #INPUTS} images and writes them with the {@code file:} producer. For every cell: each input ends done or
 * failed exactly once, only complete PNGs are on disk (no partial or temporary file), no image is charged twice, and
 * the route sees it the Camel way: the core's typed exception on the exchange, {@code onException} and redelivery.
 */
class RemoveBgFaultMatrixTest extends CamelTestSupport {

    private static final String KEY = "fault-key";
    private static final int INPUTS = 3;
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** A fault, how many calls it hits, and what the first input must end as. */
    enum Cell {
        BURST_500(Fault.status(500), 4, null),
        BURST_502(Fault.status(502), 4, null),
        BURST_503(Fault.status(503), 4, null),
        RATE_LIMITED_WITH_RETRY_AFTER(Fault.rateLimited(1), 2, null),
        RATE_LIMITED_WITHOUT_RETRY_AFTER(Fault.rateLimited(null), 2, null),
        DELAY_PAST_READ_TIMEOUT(Fault.delay(Duration.ofMillis(1500)), 1, ApiConnectionException.class),
        CONNECTION_DROPPED(Fault.dropConnection(), 1, RemoveBgException.class),
        TRUNCATED_BODY(Fault.truncatedBody(), 1, RemoveBgException.class),
        MALFORMED_ZIP(Fault.malformedZip(), 1, UnexpectedResponseException.class),
        HTML_BODY(Fault.htmlBody(), 1, UnexpectedResponseException.class);

        final Fault fault;
        final int calls;
        final Class<? extends Exception> failure;

        Cell(Fault fault, int calls, Class<? extends Exception> failure) {
            this.fault = fault;
            this.calls = calls;
            this.failure = failure;
        }
    }

    @TempDir
    static Path tmp;

    // a 1 s rate-limit window, so a 429 without Retry-After resets (X-RateLimit-Reset) within a second
    @RegisterExtension
    static final RemoveBgEmulatorExtension EMULATOR = RemoveBgEmulatorExtension.configured(b -> b
            .apiKey(KEY, new BigDecimal("1000")).rateLimit(100_000, Duration.ofSeconds(1)));

    private RemoveBgEmulator emulator;
    private Path out;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        emulator = EMULATOR.emulator();
        RemoveBgComponent component = TestComponents.component(KEY, emulator.baseUrl());
        component.setMaxAttempts(3);
        component.setReadTimeout(700);
        component.setMaxRateLimitWait(5_000);
        component.setRateLimit(100_000);
        context.addComponent("removebg", component);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        out = tmp.resolve("run-" + RUNS.incrementAndGet());
        return new RouteBuilder() {
            @Override
            public void configure() {
                // 5xx and 429 cost nothing: redeliver. A lost answer after the request was sent may have been
                // charged: redeliver only when the request never left. Anything else: report failed, once.
                onException(ServerException.class, RateLimitedException.class)
                        .maximumRedeliveries(2).redeliveryDelay(10).handled(true).to("mock:failed");
                onException(ApiConnectionException.class)
                        .onWhen(e -> !e.getException(ApiConnectionException.class).requestSent())
                        .maximumRedeliveries(2).redeliveryDelay(10).handled(true).to("mock:failed");
                onException(RemoveBgException.class).handled(true).to("mock:failed");

                from("direct:in")
                        .to("removebg:removeBackground?size=preview&format=zip&composeZipToPng=true")
                        .setHeader(Exchange.FILE_NAME, simple("${header.input}.png"))
                        .to("file:" + out + "?tempPrefix=.inprogress-")
                        .to("mock:done");
            }
        };
    }

    @ParameterizedTest
    @EnumSource(Cell.class)
    void everyInputEndsOnceWithNoPartialFileAndNoDoubleCharge(Cell cell) throws Exception {
        int chargesBefore = emulator.charges().size();
        emulator.faults().enqueue(cell.fault, cell.calls);
        MockEndpoint done = getMockEndpoint("mock:done");
        MockEndpoint failed = getMockEndpoint("mock:failed");

        List<String> inputs = new ArrayList<>();
        Map<String, byte[]> images = new java.util.HashMap<>();
        for (int i = 0; i < INPUTS; i++) {
            String input = cell.name().toLowerCase() + "-" + i;
            inputs.add(input);
            images.put(input, TestImages.png(64, 48, cell.ordinal() * 100 + i));
            template.sendBodyAndHeader("direct:in", images.get(input), "input", input);
        }
        emulator.faults().clear();

        // exactly once: every input is in done or failed, none in both, none twice
        List<String> ended = new ArrayList<>();
        done.getReceivedExchanges().forEach(e -> ended.add(e.getIn().getHeader("input", String.class)));
        failed.getReceivedExchanges().forEach(e -> ended.add(e.getIn().getHeader("input", String.class)));
        assertThat(ended).as("each input ends exactly once").containsExactlyInAnyOrderElementsOf(inputs);
        if (cell.failure == null) {
            assertThat(failed.getReceivedExchanges()).as("recovered by retries and redelivery").isEmpty();
        } else {
            assertThat(failed.getReceivedExchanges()).hasSize(1);
            Exchange first = failed.getReceivedExchanges().get(0);
            assertThat(first.getIn().getHeader("input")).isEqualTo(inputs.get(0));
            Exception caught = first.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertThat(caught).as("the core's typed exception on the exchange").isInstanceOf(cell.failure);
            assertThat(caught.getMessage()).isNotBlank().doesNotContain(KEY);
        }
        if (cell.name().startsWith("BURST")) {
            Exchange first = done.getReceivedExchanges().get(0);
            assertThat(first.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class))
                    .as("the core's 3 attempts were used up, then Camel redelivered").isEqualTo(1);
        }

        // only complete results on disk: one valid transparent PNG per done input, nothing else
        Set<String> expectedFiles = done.getReceivedExchanges().stream()
                .map(e -> e.getIn().getHeader("input", String.class) + ".png")
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> files = new TreeSet<>();
        if (Files.exists(out)) {
            try (Stream<Path> listing = Files.list(out)) {
                listing.forEach(p -> files.add(p.getFileName().toString()));
            }
        }
        assertThat(files).as("no partial or temporary output").isEqualTo(expectedFiles);
        for (String file : files) {
            assertThat(TestImages.isTransparentPng(Files.readAllBytes(out.resolve(file)))).as(file).isTrue();
        }

        // no image charged twice
        List<Charge> charges = emulator.charges().subList(chargesBefore, emulator.charges().size());
        Map<String, Long> perImage = charges.stream()
                .collect(Collectors.groupingBy(Charge::imageSha256, Collectors.counting()));
        assertThat(perImage.values()).as("charges per image").allMatch(count -> count == 1);
        assertThat(charges.size()).as("every done input was charged")
                .isGreaterThanOrEqualTo(done.getReceivedCounter());
    }
}
