package io.github.removebgsuite.imagej;

import java.util.concurrent.atomic.AtomicInteger;
import org.scijava.Context;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.module.event.ModuleCanceledEvent;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.module.event.ModuleFinishedEvent;

/**
 * Counts how the modules run in a context ended, so {@link RemoveBgConsole} can set its exit code: a module that
 * finished with a {@code failed} output above zero (some inputs of a folder failed) counts as partly failed.
 */
final class CommandOutcomes {

    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger partial = new AtomicInteger();

    CommandOutcomes(Context context) {
        context.service(EventService.class).subscribe(this);
    }

    int completed() {
        return completed.get();
    }

    int failures() {
        return failures.get();
    }

    int partlyFailed() {
        return partial.get();
    }

    @EventHandler
    private void onFinished(ModuleFinishedEvent event) {
        completed.incrementAndGet();
        if (event.getModule().getOutput("failed") instanceof Integer failed && failed > 0) {
            partial.incrementAndGet();
        }
    }

    @EventHandler
    private void onCanceled(ModuleCanceledEvent event) {
        failures.incrementAndGet();
    }

    @EventHandler
    private void onErrored(ModuleErroredEvent event) {
        failures.incrementAndGet();
    }
}
