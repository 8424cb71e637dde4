package io.github.removebgsuite.common.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.removebgsuite.common.batch.BatchItem.Outcome;
import io.github.removebgsuite.common.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a batch: every input exactly once, in the order the inputs were resolved, with its outcome, credits
 * and output. Immutable.
 */
public final class BatchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<BatchItem> items;
    private final boolean dryRun;
    private final String stopReason;
    private final List<Path> possiblyCharged;

    BatchReport(List<BatchItem> items, boolean dryRun, String stopReason, List<Path> possiblyCharged) {
        this.items = List.copyOf(items);
        this.dryRun = dryRun;
        this.stopReason = stopReason;
        this.possiblyCharged = List.copyOf(possiblyCharged);
    }

    /** Every input exactly once, in the order they were resolved (explicit inputs first, then glob matches). */
    public List<BatchItem> items() {
        return items;
    }

    /** How many inputs were processed ({@link Outcome#DONE}). */
    public int processed() {
        return count(Outcome.DONE);
    }

    /** How many inputs were skipped because the manifest showed them done ({@link Outcome#SKIPPED}). */
    public int skipped() {
        return count(Outcome.SKIPPED);
    }

    /** How many inputs were served from the shared result cache, at no charge ({@link Outcome#CACHED}). */
    public int cached() {
        return count(Outcome.CACHED);
    }

    /**
     * The inputs an earlier run on this output folder left in flight when it died or was stopped at once: remove.bg
     * may have charged for them without their results being saved (this run processed them again, unless the
     * budget or a stop left them out). Empty when the earlier run ended normally.
     */
    public List<Path> possiblyCharged() {
        return possiblyCharged;
    }

    /** How many inputs failed ({@link Outcome#FAILED}). */
    public int failed() {
        return count(Outcome.FAILED);
    }

    /** How many inputs were not attempted because of the budget, a cancellation or a stop ({@link Outcome#NOT_RUN}). */
    public int notRun() {
        return count(Outcome.NOT_RUN);
    }

    /**
     * The credits charged in this run, as reported by the API for each call: the sum over done items and over failed
     * items whose result was charged but could not be used (for example a result that could not be written).
     */
    public BigDecimal creditsSpent() {
        return items.stream().filter(i -> i.outcome() != Outcome.ESTIMATED).map(BatchItem::credits)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The credits the {@link Outcome#ESTIMATED} items of a dry run would cost at most; zero outside a dry run. */
    public BigDecimal estimatedCredits() {
        return items.stream().filter(i -> i.outcome() == Outcome.ESTIMATED).map(BatchItem::credits)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether this was a dry run (nothing was called or written). */
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * Why the batch stopped before its end, when it did: a cancellation, insufficient credits (402), an authentication
     * failure (403), the first failure with {@code continueOnError(false)}, or an interruption. The budget is not a
     * stop: inputs over it are {@link Outcome#NOT_RUN} with their own message.
     */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /**
     * Writes the report as JSON (a summary and one entry per input), atomically: a temporary file in the same folder,
     * then a move, so a reader never sees half a report.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public void writeJson(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            byte[] json = JSON.writeValueAsBytes(toJson());
            AtomicFiles.write(file, out -> out.write(json));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the batch report " + file + ": " + e.getMessage(), e);
        }
    }

    ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.set("summary", summaryNode());
        ArrayNode array = root.putArray("items");
        items.forEach(item -> array.add(itemNode(item)));
        return root;
    }

    /**
     * The summary as one line of JSON, as in the {@linkplain #writeJson report file}: {@code dryRun}, {@code total},
     * {@code processed}, {@code skipped}, {@code cached}, {@code failed}, {@code notRun}, {@code creditsSpent}, and
     * when they apply {@code estimatedCredits}, {@code stopReason} and {@code possiblyChargedByAnInterruptedRun}.
     */
    public String summaryJson() {
        return summaryNode().toString();
    }

    /**
     * One input's outcome as one line of JSON, as in the {@linkplain #writeJson report file}: {@code input},
     * {@code outcome}, {@code credits}, and when they apply {@code output} and {@code message}.
     */
    public static String itemJson(BatchItem item) {
        return itemNode(item).toString();
    }

    private ObjectNode summaryNode() {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("dryRun", dryRun);
        summary.put("total", items.size());
        summary.put("processed", processed());
        summary.put("skipped", skipped());
        summary.put("cached", cached());
        summary.put("failed", failed());
        summary.put("notRun", notRun());
        summary.put("creditsSpent", creditsSpent());
        if (dryRun) {
            summary.put("estimatedCredits", estimatedCredits());
        }
        if (stopReason != null) {
            summary.put("stopReason", stopReason);
        }
        if (!possiblyCharged.isEmpty()) {
            ArrayNode earlier = summary.putArray("possiblyChargedByAnInterruptedRun");
            possiblyCharged.forEach(p -> earlier.add(p.toString()));
        }
        return summary;
    }

    private static ObjectNode itemNode(BatchItem item) {
        ObjectNode node = JSON.createObjectNode();
        node.put("input", item.input().toString());
        node.put("outcome", item.outcome().name());
        node.put("credits", item.credits());
        item.output().ifPresent(o -> node.put("output", o.toString()));
        item.message().ifPresent(m -> node.put("message", m));
        return node;
    }

    private int count(Outcome outcome) {
        return (int) items.stream().filter(i -> i.outcome() == outcome).count();
    }

    @Override
    public String toString() {
        return "BatchReport[total=" + items.size() + ", processed=" + processed() + ", skipped=" + skipped()
                + ", cached=" + cached() + ", failed=" + failed() + ", notRun=" + notRun() + ", creditsSpent="
                + creditsSpent().toPlainString() + (dryRun ? ", dryRun" : "") + "]";
    }
}
