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
    void startEmulator() {
        emulator = RemoveBgEmulator.builder().apiKey(KEY, new BigDecimal("0.5")).oauthToken(TOKEN, BigDecimal.TEN)
                .build().start();
    }

    /** Captures every Log4j event at {@code level} and above, and every java.util.logging record. */
    private void capture(Level level) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        appender = new CapturingAppender();
        appender.start();
        LoggerConfig root = configuration.getRootLogger();
        previousRootLevel = root.getLevel();
        root.addAppender(appender, level, null);
        root.setLevel(level);
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
    }

    @AfterEach
    void release() {
        emulator.close();
        if (appender == null) {
            return;
        }
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

    /**
     * The recommended set-up, the key on the component (from a property or vault in production): nothing leaks, not
     * even at TRACE level, where Camel itself logs endpoint URIs unmasked.
     */
    @Test
    void keyOnTheComponentAppearsNowhereEvenAtTrace() throws Exception {
        capture(Level.ALL);
        CamelContext context = new DefaultCamelContext();
        RemoveBgComponent keyed = component();
        keyed.getConfiguration().setApiKey(KEY);
        context.addComponent("removebg", keyed);
        RemoveBgComponent tokened = component();
        tokened.getConfiguration().setOauthToken(TOKEN);
        context.addComponent("removebgoauth", tokened);
        RemoveBgComponent wrong = component();
        wrong.getConfiguration().setApiKey(KEY + "-wrong");
        context.addComponent("removebgwrong", wrong);
        String base = emulator.baseUrl();
        List<String> printed = exercise(context, "removebg:removeBackground?size=preview&baseUrl=" + base,
                "removebgoauth:account?baseUrl=" + base, "removebgwrong:removeBackground?baseUrl=" + base,
                "removebg:removeBackground?size=huge");
        assertNoSecret(printed);
    }

    /**
     * The key written into endpoint URIs as {@code apiKey=RAW(...)}: masked in every printed URI, exception and log
     * line at DEBUG and above. (Camel's own TRACE logging prints raw endpoint URIs, which is why the README
     * recommends the component option.)
     */
    @Test
    void keyInTheUriAppearsNowhereAtDebug() throws Exception {
        capture(Level.DEBUG);
        CamelContext context = new DefaultCamelContext();
        context.addComponent("removebg", component());
        String base = emulator.baseUrl();
        List<String> printed = exercise(context,
                "removebg:removeBackground?size=preview&apiKey=RAW(" + KEY + ")&baseUrl=" + base,
                "removebg:account?oauthToken=RAW(" + TOKEN + ")&baseUrl=" + base,
                "removebg:removeBackground?apiKey=RAW(" + KEY + "-wrong)&baseUrl=" + base,
                "removebg:removeBackground?apiKey=RAW(" + KEY + ")&size=huge");
        assertNoSecret(printed);
    }

    private static RemoveBgComponent component() {
        RemoveBgComponent component = TestComponents.component(null, null);
        component.setMaxAttempts(2);
        return component;
    }

    private void assertNoSecret(List<String> printed) {
        assertThat(printed).as("printed texts were gathered").hasSizeGreaterThan(10);
        assertThat(captured).as("log lines were captured").hasSizeGreaterThan(10);
        assertThat(String.join("\n", printed)).doesNotContain(KEY).doesNotContain(TOKEN);
        synchronized (captured) {
            for (String line : captured) {
                assertThat(line).doesNotContain(KEY).doesNotContain(TOKEN);
            }
        }
    }

    /**
     * Runs a success (0.25 credits), a 402 (the key has 0.5 credits), a 403, a 503 burst and an account call, then
     * starts a route with a bad option; returns everything a user could see printed.
     */
    private List<String> exercise(CamelContext context, String keyed, String tokened, String wrong, String bad)
            throws Exception {
        List<String> printed = new ArrayList<>();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:key").to(keyed).to("log:cut?showAll=true");
                    from("direct:token").to(tokened).to("log:account?showAll=true");
                    from("direct:wrong").to(wrong);
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
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
            try {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:bad").to(bad);
                    }
                });
            } catch (Exception e) {
                printed.add(e.getMessage());
                printed.add(stackTrace(e));
            }
        } finally {
            context.stop();
        }
        return printed;
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
