package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.common.ratelimit.MegapixelRateLimiter;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The {@code rateLimitDir} component option: the component's limiter keeps its state in the shared folder. */
class RemoveBgRateLimitDirTest extends CamelTestSupport {

    private static final String KEY = "rate-limit-dir-key-0123456789";

    // 120 MP a minute: a limit the component's limiter (500 until told) learns only from the server's answers.
    @RegisterExtension
    static final RemoveBgEmulatorExtension EMULATOR = RemoveBgEmulatorExtension.configured(b -> b
            .apiKey(KEY, new BigDecimal("10")).rateLimit(120, Duration.ofMinutes(1)));

    @TempDir
    static Path shared;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        RemoveBgComponent component = TestComponents.component(KEY, EMULATOR.emulator().baseUrl());
        component.setRateLimitDir(shared.toString());
        context.addComponent("removebg", component);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("removebg:removeBackground?size=preview");
                from("direct:b").to("removebg:removeBackground?size=preview&cacheDir=" + shared.resolve("cache"));
            }
        };
    }

    @Test
    void endpointsOfOneKeyPaceThroughOneStateFileInTheFolder() throws Exception {
        template.requestBody("direct:a", TestImages.png(10, 8, 1));
        template.requestBody("direct:b", TestImages.png(10, 8, 2)); // another client (its own cache), one limiter

        Path file = MegapixelRateLimiter.stateFileFor(shared, KEY, EMULATOR.emulator().baseUrl());
        try (Stream<Path> files = Files.list(shared)) {
            assertThat(files.filter(p -> p.toString().endsWith(".ratelimit"))).containsExactly(file);
        }
        MegapixelRateLimiter reader = MegapixelRateLimiter.sharedThrough(file, 500, Duration.ofMinutes(1),
                Clock.systemUTC());
        assertThat(reader.megapixelsPerWindow()).isEqualTo(120);
        assertThat(EMULATOR.emulator().credits(KEY)).isEqualByComparingTo("9.5"); // two previews, a quarter credit each
    }
}
