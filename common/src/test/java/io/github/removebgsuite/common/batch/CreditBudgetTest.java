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
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The budget's arithmetic and its input-order reservations; a wait that never ends fails the test, not the build. */
@Timeout(60)
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
    void concurrentReservationsNeverExceedTheCreditLimitAndGoToTheFirstInputs() throws Exception {
        CreditBudget budget = new CreditBudget(new BigDecimal("5"), null);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads * 4; i++) {
            int index = i;
            results.add(pool.submit(() -> {
                start.await();
                return budget.tryReserve(index, BigDecimal.ONE);
            }));
        }
        start.countDown();
        List<Integer> granted = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).get() == null) {
                granted.add(i);
            } else {
                assertThat(results.get(i).get()).contains("maxCredits 5");
            }
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(granted).as("the first five inputs, whichever thread came first").containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void withALimitAnInputReservesOnlyAfterEveryEarlierOneReservedOrPassed() throws Exception {
        CreditBudget budget = new CreditBudget(null, 1);
        // Input 0 is still being hashed: input 1 waits for it, however long that takes.
        FutureTask<String> second = reserveInAThread(budget, 1);
        assertThat(second.isDone()).isFalse();
        assertThat(budget.tryReserve(0, BigDecimal.ONE)).isNull();
        assertThat(second.get(10, TimeUnit.SECONDS)).contains("maxImages 1");

        // An input that needs no call (skipped, a duplicate) passes, and the next one's turn comes.
        FutureTask<String> fourth = reserveInAThread(budget, 3);
        assertThat(fourth.isDone()).isFalse();
        budget.pass(2);
        assertThat(fourth.get(10, TimeUnit.SECONDS)).contains("maxImages 1");
        budget.pass(2); // passing twice, or after reserving, changes nothing
        budget.pass(3);
        assertThat(budget.tryReserve(4, BigDecimal.ONE)).contains("maxImages 1");
    }

    /** Starts {@code tryReserve(index)} in a thread of its own and returns once that thread waits (or ended). */
    private static FutureTask<String> reserveInAThread(CreditBudget budget, int index) {
        FutureTask<String> task = new FutureTask<>(() -> budget.tryReserve(index, BigDecimal.ONE));
        Thread thread = new Thread(task, "reserve-" + index);
        thread.setDaemon(true);
        thread.start();
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        return task;
    }

    @Test
    void withoutALimitNoInputWaitsForAnother() throws InterruptedException {
        CreditBudget budget = new CreditBudget(null, null);
        assertThat(budget.tryReserve(7, BigDecimal.ONE)).isNull();
        assertThat(budget.tryReserve(3, BigDecimal.ONE)).isNull();
    }

    @Test
    void settlingAtTheActualChargeAndReleasingFreeCallsMakesRoom() throws InterruptedException {
        CreditBudget budget = new CreditBudget(new BigDecimal("2"), null);
        assertThat(budget.tryReserve(0, BigDecimal.ONE)).isNull();
        assertThat(budget.tryReserve(1, BigDecimal.ONE)).isNull();
        assertThat(budget.tryReserve(2, BigDecimal.ONE)).isNotNull();
        budget.settle(BigDecimal.ONE, new BigDecimal("0.25")); // auto fell back to preview
        budget.release(BigDecimal.ONE); // a 503: nothing charged
        assertThat(budget.tryReserve(3, BigDecimal.ONE)).isNull();
        assertThat(budget.tryReserve(4, new BigDecimal("0.75"))).isNull();
        assertThat(budget.tryReserve(5, new BigDecimal("0.25"))).contains("exceed maxCredits 2");
    }

    @Test
    void imageLimitCountsSentImagesAndReturnsOnlyUnsentOnes() throws InterruptedException {
        CreditBudget budget = new CreditBudget(null, 2);
        assertThat(budget.tryReserve(0, BigDecimal.ONE)).isNull();
        assertThat(budget.tryReserve(1, BigDecimal.ONE)).isNull();
        budget.release(BigDecimal.ONE);
        assertThat(budget.tryReserve(2, BigDecimal.ONE)).contains("maxImages 2");
        budget.cancel(BigDecimal.ONE);
        assertThat(budget.tryReserve(3, BigDecimal.ONE)).isNull();
    }
}
