package io.github.removebgsuite.common.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    @Test
    void aCompositionWaitsUntilTheOthersLeaveRoomAndOneAlwaysRuns() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        budget.acquire(60);
        AtomicBoolean second = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                budget.acquire(60);
                second.set(true);
            } catch (java.io.InterruptedIOException e) {
                throw new AssertionError(e);
            }
        });
        waiter.start();
        while (waiter.getState() != Thread.State.WAITING) {
            Thread.onSpinWait(); // until the second composition is parked in acquire
        }
        assertThat(second).isFalse();

        budget.release(60);
        waiter.join();

        assertThat(second).isTrue();
        budget.release(60);
        budget.acquire(500); // larger than the whole budget: runs, alone
        budget.release(500);
    }
}
