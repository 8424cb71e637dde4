package io.github.removebgsuite.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.camel.RemoveBgComponent;
import io.github.removebgsuite.camel.RemoveBgConstants;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #13 item 3: a Spring Boot application with the starter, the component configured only through
 * {@code camel.component.removebg.*} properties (the base URL and the key pointing at the emulator, Spring's duration
 * syntax for a timeout, the result cache folder), routes an image and is charged once on the emulator's balance; the
 * same image again is answered from the cache.
 */
@SpringBootTest(classes = RemoveBgStarterTest.Application.class, properties = {
        "camel.component.removebg.api-key=" + RemoveBgStarterTest.KEY,
        "camel.component.removebg.size=full",
        "camel.component.removebg.format=zip",
        "camel.component.removebg.compose-zip-to-png=true",
        "camel.component.removebg.read-timeout=7s",
        "camel.component.removebg.max-attempts=2",
        "camel.component.removebg.shadow-type-per-type.car=drop"})
class RemoveBgStarterTest {

    static final String KEY = "spring-boot-key";

    private static final RemoveBgEmulator EMULATOR = RemoveBgEmulator.builder()
            .apiKey(KEY, new BigDecimal("10")).build().start();
    private static final Path CACHE;

    static {
        try {
            CACHE = Files.createTempDirectory("removebg-starter-cache");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void emulator(DynamicPropertyRegistry registry) {
        registry.add("camel.component.removebg.base-url", EMULATOR::baseUrl);
        registry.add("camel.component.removebg.cache-dir", CACHE::toString);
    }

    @AfterAll
    static void closeEmulator() throws IOException {
        EMULATOR.close();
        try (var files = Files.walk(CACHE)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The application: one route, nothing removebg-specific but the URI. */
    @SpringBootApplication
    static class Application {
        @Bean
        RouteBuilder cutouts() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:cut").to("removebg:removeBackground");
                }
            };
        }
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Test
    void thePropertiesConfigureTheComponent() {
        RemoveBgComponent component = camelContext.getComponent("removebg", RemoveBgComponent.class);
        assertThat(component.getReadTimeout()).as("7s in Spring's syntax, in milliseconds").isEqualTo(7_000);
        assertThat(component.getMaxAttempts()).isEqualTo(2);
        assertThat(component.getCacheDir()).isEqualTo(CACHE.toString());
        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(EMULATOR.baseUrl());
        assertThat(component.getConfiguration().getSize()).isEqualTo("full");
        assertThat(component.getConfiguration().getShadowTypePerType()).containsEntry("car", "drop");
    }

    @Test
    void anImageIsCutOutAgainstTheEmulatorAndARepeatComesFromTheCache() throws Exception {
        BigDecimal before = EMULATOR.credits(KEY);
        byte[] image = jpeg(80, 60);

        Exchange first = template.request("direct:cut", e -> e.getIn().setBody(image));
        Exchange second = template.request("direct:cut", e -> e.getIn().setBody(image));

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(first.getMessage().getBody(byte[].class)));
        assertThat(png.getColorModel().hasAlpha()).isTrue();
        assertThat(png.getWidth()).isEqualTo(80);
        assertThat(first.getMessage().getHeader(RemoveBgConstants.FROM_CACHE, Boolean.class)).isFalse();
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(RemoveBgConstants.FROM_CACHE, Boolean.class)).isTrue();
        assertThat(before.subtract(EMULATOR.credits(KEY))).as("charged once on the emulator")
                .isEqualByComparingTo("1");
    }

    private static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(30, 90, 160));
            g.fillOval(width / 4, height / 4, width / 2, height / 2);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
