package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.Fault;
import io.github.removebgsuite.emulator.RemoveBgEmulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a known key, captures every log line (Camel's and the core's, at TRACE), every exception message and stack
 * trace, every printed endpoint URI and {@code toString()}, through successes, API errors, faults and bad
 * configuration, and asserts the key appears in none of them.
 */
class RemoveBgSecretsTest {

    private static final String KEY = "sk-KNOWN-secret-4f2a9c";
    private static final String TOKEN = "oauth-KNOWN-token-77e1";

    private final List<String> captured = Collections.synchronizedList(new ArrayList<>());
    private CapturingAppender appender;
    private Handler julHandler;
    private Level previousRootLevel;
    private RemoveBgEmulator emulator;

    /** Collects every formatted Log4j event, with its stack trace. */
    private final class CapturingAppender extends AbstractAppender {
        CapturingAppender() {
            super("secrets-capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            captured.add(event.getMessage().getFormattedMessage());
            if (event.getThrown() != null) {
                captured.add(stackTrace(event.getThrown()));
            }
        }
    }

    @BeforeEach
    void capture() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        appender = new CapturingAppender();
        appender.start();
        LoggerConfig root = configuration.getRootLogger();
        previousRootLevel = root.getLevel();
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(Level.ALL);
        context.updateLoggers();

        // the core logs through System.Logger, which goes to java.util.logging here
        julHandler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                captured.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
                if (record.getThrown() != null) {
                    captured.add(stackTrace(record.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        julHandler.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        julRoot.addHandler(julHandler);
        java.util.logging.Logger.getLogger("io.github.removebgsuite").setLevel(java.util.logging.Level.ALL);

        emulator = RemoveBgEmulator.builder().apiKey(KEY, new BigDecimal("0.5")).oauthToken(TOKEN, BigDecimal.TEN)
                .build().start();
    }

    @AfterEach
    void release() {
        emulator.close();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = context.getConfiguration().getRootLogger();
        root.removeAppender(appender.getName());
        root.setLevel(previousRootLevel);
        context.updateLoggers();
        appender.stop();
        java.util.logging.Logger.getLogger("").removeHandler(julHandler);
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void theKeyAppearsInNoLogExceptionUriOrToString() throws Exception {
        List<String> printed = new ArrayList<>();
        String base = emulator.baseUrl();
        CamelContext context = new DefaultCamelContext();
        RemoveBgComponent component = new RemoveBgComponent();
        component.setMaxAttempts(2);
        component.setInitialBackoff(10);
        component.setMaxBackoff(20);
        context.addComponent("removebg", component);
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:key").to("removebg:removeBackground?size=preview&apiKey=RAW(" + KEY + ")&baseUrl="
                            + base).to("log:cut?showAll=true");
                    from("direct:token").to("removebg:account?oauthToken=RAW(" + TOKEN + ")&baseUrl=" + base);
                    from("direct:wrong").to("removebg:removeBackground?apiKey=RAW(" + KEY + "-wrong)&baseUrl="
                            + base);
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            // success (0.25 credits), then 402 (0.5 credits were given), a 403, a 503 fault, an account call
            printed.addAll(exchangeTexts(template.request("direct:key", e -> e.getIn().setBody(
                    TestImages.png(32, 32, 1)))));
            printed.addAll(exchangeTexts(template.request("direct:key", e -> {
                e.getIn().setBody(TestImages.png(32, 32, 2));
                e.getIn().setHeader(RemoveBgConstants.SIZE, "full");
            })));
            printed.addAll(exchangeTexts(template.request("direct:wrong", e -> e.getIn().setBody(
                    TestImages.png(32, 32, 3)))));
            emulator.faults().enqueue(Fault.status(503), 10);
            printed.addAll(exchangeTexts(template.request("direct:key", e -> e.getIn().setBody(
                    TestImages.png(32, 32, 4)))));
            emulator.faults().clear();
            printed.addAll(exchangeTexts(template.request("direct:token", e -> { })));

            for (Endpoint endpoint : context.getEndpoints()) {
                printed.add(endpoint.toString());
                printed.add(URISupport.sanitizeUri(endpoint.getEndpointUri()));
                if (endpoint instanceof RemoveBgEndpoint removebg) {
                    printed.add(removebg.getConfiguration().toString());
                    printed.add(removebg.getServiceUrl());
                }
            }
            context.getRoutes().forEach(route -> printed.add(route.toString() + " " + route.getEndpoint()));
            HealthCheckHelper.invoke(context).forEach(result -> printed.add(result.toString()));
        } finally {
            context.stop();
        }

        // a bad option at startup: Camel's exception carries the endpoint URI
        CamelContext bad = new DefaultCamelContext();
        try {
            bad.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:bad").to("removebg:removeBackground?apiKey=RAW(" + KEY + ")&size=huge");
                }
            });
            bad.start();
        } catch (Exception e) {
            printed.add(e.getMessage());
            printed.add(stackTrace(e));
        } finally {
            bad.stop();
        }

        assertThat(printed).as("printed texts were gathered").hasSizeGreaterThan(10);
        assertThat(captured).as("log lines were captured").hasSizeGreaterThan(10);
        assertThat(String.join("\n", printed)).doesNotContain(KEY).doesNotContain(TOKEN);
        synchronized (captured) {
            for (String line : captured) {
                assertThat(line).doesNotContain(KEY).doesNotContain(TOKEN);
            }
        }
    }

    /** What a route would print about an exchange: its exception (message and stack trace) and its headers. */
    private static List<String> exchangeTexts(Exchange exchange) {
        List<String> texts = new ArrayList<>();
        if (exchange.getException() != null) {
            texts.add(exchange.getException().getMessage());
            texts.add(stackTrace(exchange.getException()));
        }
        texts.add(exchange.getMessage().getHeaders().toString());
        return texts;
    }
}
