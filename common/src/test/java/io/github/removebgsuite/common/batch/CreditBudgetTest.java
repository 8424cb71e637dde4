package io.github.removebgsuite.common.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CreditBudgetTest {

    @Test
    void estimateIsTheHighestPossibleCostOfTheSize() {
        assertThat(CreditBudget.estimate(Map.of())).isEqualByComparingTo("0.25");
        assertThat(CreditBudget.estimate(Map.of("size", "preview"))).isEqualByComparingTo("0.25");
        assertThat(CreditBudget.estimate(Map.of("size", "small"))).isEqualByComparingTo("0.25");
        assertThat(CreditBudget.estimate(Map.of("size", "REGULAR"))).isEqualByComparingTo("0.25");
        for (String size : List.of("full", "50MP", "auto", "medium", "hd", "4k")) {
            assertThat(CreditBudget.estimate(Map.of("size", size))).as(size).isEqualByComparingTo("1");
        }
    }

    @Test
    void concurrentReservationsNeverExceedTheCreditLimit() throws Exception {
        CreditBudget budget = new CreditBudget(new BigDecimal("5"), null);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads * 4; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return budget.tryReserve(BigDecimal.ONE);
            }));
        }
        start.countDown();
        int granted = 0;
        for (Future<String> f : results) {
            if (f.get() == null) {
                granted++;
            } else {
                assertThat(f.get()).contains("maxCredits 5");
            }
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(granted).isEqualTo(5);
    }

    @Test
    void settlingAtTheActualChargeAndReleasingFreeCallsMakesRoom() {
        CreditBudget budget = new CreditBudget(new BigDecimal("2"), null);
        assertThat(budget.tryReserve(BigDecimal.ONE)).isNull();
        assertThat(budget.tryReserve(BigDecimal.ONE)).isNull();
        assertThat(budget.tryReserve(BigDecimal.ONE)).isNotNull();
        budget.settle(BigDecimal.ONE, new BigDecimal("0.25")); // auto fell back to preview
        budget.release(BigDecimal.ONE); // a 503: nothing charged
        assertThat(budget.tryReserve(BigDecimal.ONE)).isNull();
        assertThat(budget.tryReserve(new BigDecimal("0.75"))).isNull();
        assertThat(budget.tryReserve(new BigDecimal("0.25"))).contains("exceed maxCredits 2");
    }

    @Test
    void imageLimitCountsSentImagesAndReturnsOnlyUnsentOnes() {
        CreditBudget budget = new CreditBudget(null, 2);
        assertThat(budget.tryReserve(BigDecimal.ONE)).isNull();
        assertThat(budget.tryReserve(BigDecimal.ONE)).isNull();
        budget.release(BigDecimal.ONE);
        assertThat(budget.tryReserve(BigDecimal.ONE)).contains("maxImages 2");
        budget.cancel(BigDecimal.ONE);
        assertThat(budget.tryReserve(BigDecimal.ONE)).isNull();
    }
}
