package io.github.removebgsuite.emulator;

import static io.github.removebgsuite.emulator.EmulatorHttp.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 32 and 64 clients at once: no 5xx, and every credit accounted for. */
class ConcurrentClientsTest {
    private static final int CLIENTS = 32;
    private static final int CALLS_EACH = 3;

    @ParameterizedTest(name = "{0} clients")
    @ValueSource(ints = {32, 64})
    void concurrentClientsAreServedAndChargedExactly(int clients) throws Exception {
        try (RemoveBgEmulator emu = RemoveBgEmulator.builder().apiKey(KEY, new BigDecimal("100")).build().start()) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                boolean json = c % 2 == 0;
                results.add(pool.submit(() -> {
                    go.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < CALLS_EACH; i++) {
                        HttpResponse<byte[]> r = json
                                ? EmulatorHttp.send(emu, "/removebg", "application/json",
                                        ("{\"image_file_b64\": \"" + java.util.Base64.getEncoder()
                                                .encodeToString(EmulatorHttp.samplePng()) + "\", \"format\": \"zip\"}")
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8), EmulatorHttp.auth())
                                : EmulatorHttp.removeBg(emu, "crop", "true");
                        statuses.add(r.statusCode());
                    }
                    return statuses;
                }));
            }
            go.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : results) {
                all.addAll(f.get(90, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(all).hasSize(clients * CALLS_EACH).containsOnly(200);
            assertThat(emu.requestCount()).isEqualTo(clients * CALLS_EACH);
            assertThat(emu.charges()).hasSize(clients * CALLS_EACH);
            assertThat(emu.credits(KEY)).isEqualByComparingTo(
                    new BigDecimal("100").subtract(new BigDecimal("0.25").multiply(BigDecimal.valueOf(clients * CALLS_EACH))));
        }
    }

    @Test
    void concurrentCallsNeverOverdrawTheBalance() throws Exception {
        try (RemoveBgEmulator emu = RemoveBgEmulator.builder().apiKey(KEY, new BigDecimal("2")).build().start()) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                results.add(pool.submit(() -> EmulatorHttp.removeBg(emu).statusCode()));
            }
            int ok = 0;
            for (Future<Integer> f : results) {
                int status = f.get(90, TimeUnit.SECONDS);
                assertThat(status).isIn(200, 402);
                ok += status == 200 ? 1 : 0;
            }
            pool.shutdown();
            assertThat(ok).isEqualTo(8);
            assertThat(emu.credits(KEY)).isEqualByComparingTo("0");
        }
    }
}
