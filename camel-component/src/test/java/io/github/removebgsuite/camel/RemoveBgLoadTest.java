package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.Charge;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

/**
 * Load: a route of 1000 small images against the emulator completes with no lost and no duplicated exchange, each
 * image charged exactly once.
 */
class RemoveBgLoadTest extends CamelTestSupport {

    private static final String KEY = "load-key";
    private static final int IMAGES = 1000;

    @RegisterExtension
    static final RemoveBgEmulatorExtension EMULATOR = RemoveBgEmulatorExtension.configured(b -> b
            .apiKey(KEY, new BigDecimal("1000")).rateLimit(1_000_000, Duration.ofMinutes(1)));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        RemoveBgComponent component = TestComponents.component(KEY, EMULATOR.emulator().baseUrl());
        component.setRateLimit(1_000_000);
        component.setMaxConcurrentRequests(16);
        context.addComponent("removebg", component);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:load?concurrentConsumers=4&size=" + IMAGES)
                        .to("removebg:removeBackground?size=preview&format=png")
                        .to("mock:done");
            }
        };
    }

    @Test
    void thousandImagesNoneLostNoneDuplicated() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(IMAGES);
        done.setResultWaitTime(90_000);

        for (int i = 0; i < IMAGES; i++) {
            template.sendBodyAndHeader("seda:load", TestImages.png(10, 8, i), "input", i);
        }

        done.assertIsSatisfied();
        List<Exchange> received = done.getReceivedExchanges();
        Map<Integer, Long> perInput = received.stream()
                .collect(Collectors.groupingBy(e -> e.getIn().getHeader("input", Integer.class),
                        Collectors.counting()));
        assertThat(perInput).as("every input exactly once").hasSize(IMAGES);
        assertThat(perInput.values()).allMatch(count -> count == 1);
        assertThat(received).allMatch(e -> e.getException() == null);
        assertThat(received).allMatch(e -> "image/png".equals(e.getMessage().getHeader(Exchange.CONTENT_TYPE)));

        RemoveBgEmulator emulator = EMULATOR.emulator();
        List<Charge> charges = emulator.charges();
        Map<String, Long> perImage = charges.stream()
                .collect(Collectors.groupingBy(Charge::imageSha256, Collectors.counting()));
        assertThat(perImage).as("distinct images charged").hasSize(IMAGES);
        assertThat(perImage.values()).allMatch(count -> count == 1);
        assertThat(emulator.requestCount()).isEqualTo(IMAGES);
        assertThat(emulator.credits(KEY)).isEqualByComparingTo(new BigDecimal("750"));
        for (Exchange exchange : received) {
            assertThat(TestImages.isTransparentPng(exchange.getMessage().getBody(byte[].class)))
                    .as("result of input %s", exchange.getIn().getHeader("input")).isTrue();
        }
    }
}
