package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The producer is asynchronous: 32 exchanges are in flight at the same time although the route's own thread pool has
 * only 4 threads. The server answers none of them until all 32 requests have arrived, so a producer that held a route
 * thread per call could never get past 4 and this test would time out.
 */
class RemoveBgAsyncProducerTest extends CamelTestSupport {

    private static final int IN_FLIGHT = 32;
    private static final int ROUTE_THREADS = 4;
    private static final byte[] RESULT = TestImages.png(16, 16, 9);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final CountDownLatch allArrived = new CountDownLatch(IN_FLIGHT);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final Set<String> routeThreads = ConcurrentHashMap.newKeySet();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                allArrived.countDown();
                try {
                    if (!allArrived.await(20, TimeUnit.SECONDS)) {
                        return new MockResponse.Builder().code(500).body("only some requests arrived").build();
                    }
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png")
                            .addHeader("X-Credits-Charged", "0.25").body(new Buffer().write(RESULT)).build();
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        CamelContext context = super.createCamelContext();
        RemoveBgComponent component = TestComponents.component("async-key", server.url("/v1.0").toString());
        component.setMaxConcurrentRequests(IN_FLIGHT);
        component.setMaxAttempts(1);
        // Before any answer the limiter lets a sixteenth of the budget go; a high-volume account's limit lets all 32.
        component.setRateLimit(1000);
        context.addComponent("removebg", component);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:images?concurrentConsumers=" + ROUTE_THREADS + "&size=" + IN_FLIGHT)
                        .process(e -> routeThreads.add(Thread.currentThread().getName()))
                        .to("removebg:removeBackground?size=preview")
                        .to("mock:done");
            }
        };
    }

    @Test
    void thirtyTwoExchangesInFlightOnFourRouteThreads() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(IN_FLIGHT);
        done.allMessages().body().isEqualTo(RESULT);
        done.setResultWaitTime(30_000);

        for (int i = 0; i < IN_FLIGHT; i++) {
            template.sendBody("seda:images", TestImages.png(16, 16, i));
        }

        done.assertIsSatisfied();
        assertThat(allArrived.getCount()).as("every request reached the server before any answer").isZero();
        assertThat(peakInFlight.get()).isEqualTo(IN_FLIGHT);
        assertThat(routeThreads).as("the route's own threads").hasSizeLessThanOrEqualTo(ROUTE_THREADS);
        assertThat(server.getRequestCount()).isEqualTo(IN_FLIGHT);
    }
}
