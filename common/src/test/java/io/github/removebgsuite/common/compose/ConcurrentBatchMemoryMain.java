package io.github.removebgsuite.common.compose;

import io.github.removebgsuite.common.batch.BatchEngine;
import io.github.removebgsuite.common.batch.BatchItem;
import io.github.removebgsuite.common.batch.BatchJob;
import io.github.removebgsuite.common.batch.BatchReport;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The child JVM of {@link ConcurrentBatchMemoryTest}: one batch at concurrency 16 over the given inputs, ZIP results
 * composed to PNG, against the emulator at the given URL. Prints the outcomes and the peak live heap: the most the
 * heap held after any garbage collection (what was still reachable, as opposed to garbage not yet collected).
 * With {@code -Dmemory.unbounded=true} the composer's memory budget is lifted, to show what it prevents.
 *
 * <p>Usage: {@code ConcurrentBatchMemoryMain BASE_URL API_KEY OUTPUT_DIR INPUT...}.
 */
public final class ConcurrentBatchMemoryMain {

    private ConcurrentBatchMemoryMain() {
    }

    public static void main(String[] args) throws Exception {
        AtomicLong peakLive = watchLiveHeap();
        List<Path> inputs = java.util.Arrays.stream(args).skip(3).map(Path::of).toList();
        ZipComposer composer = Boolean.getBoolean("memory.unbounded")
                ? ZipComposer.builder().memoryBudget(Long.MAX_VALUE).build() : new ZipComposer();
        try (RemoveBgClient client = RemoveBgClient.builder().baseUrl(args[0]).apiKey(args[1]).build()) {
            BatchReport report = new BatchEngine(client, composer).run(BatchJob.builder().inputs(inputs)
                    .baseDirectory(inputs.get(0).getParent()).outputDirectory(Path.of(args[2]))
                    .options(RemoveBgOptions.builder().size("full").format("zip").build())
                    .concurrency(16).build());
            for (BatchItem item : report.items()) {
                System.out.println(item.outcome() + " " + item.input().getFileName() + " " + item.message().orElse(""));
            }
            System.out.println("done " + report.items().stream().filter(i -> i.outcome() == BatchItem.Outcome.DONE).count());
        }
        long[] budget = composer.memoryBudgetAndPeak();
        System.out.println("budget bytes " + budget[0] + " peak booked bytes " + budget[1] + " largest booking bytes "
                + budget[2]);
        System.gc(); // one collection at the end, so a run too short to collect still reports its live heap
        System.out.println("peak live heap bytes " + peakLive.get());
        System.out.println("max heap bytes " + Runtime.getRuntime().maxMemory());
    }

    /** The largest heap occupancy after a collection, kept up to date from the collectors' notifications. */
    private static AtomicLong watchLiveHeap() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        AtomicLong peak = new AtomicLong();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long live = 0;
                for (var entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(entry.getKey())) {
                        MemoryUsage usage = entry.getValue();
                        live += usage.getUsed();
                    }
                }
                peak.accumulateAndGet(live, Math::max);
            }, null, null);
        }
        return peak;
    }
}
