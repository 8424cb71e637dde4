package io.github.removebgsuite.common.batch;

import java.math.BigDecimal;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps a batch within {@code maxCredits} and {@code maxImages} however many images are in flight: before each call the
 * call's highest possible cost is reserved, and once the answer is in the reservation is replaced by what was actually
 * charged. A call that fails with a documented no-charge answer (4xx, 5xx) gives its reservation back; one that may
 * have been charged without the client learning it (a dropped connection after the upload) keeps it, so the limit
 * holds even then.
 *
 * <p>With a limit, reservations are made in input order: an input reserves only once every input before it has
 * reserved or {@linkplain #pass passed} (it was skipped, failed, copied from a duplicate or stopped), so the images a
 * limit lets through are the first ones, the same on every run, not the ones whose threads came first (a large file
 * takes longer to hash than the small one after it). Every input must pass once; {@link #tryReserve(int, BigDecimal)}
 * passes for it.
 */
final class CreditBudget {
    /** {@code size=preview} and its aliases; the API's default size. */
    static final BigDecimal PREVIEW_CREDITS = new BigDecimal("0.25");

    private final BigDecimal maxCredits;
    private final Integer maxImages;
    private BigDecimal committed = BigDecimal.ZERO;
    private int images;
    /** Every input below this index has reserved or passed. */
    private int turn;
    /** Inputs at or above {@link #turn} that have passed already. */
    private final BitSet passed = new BitSet();

    CreditBudget(BigDecimal maxCredits, Integer maxImages) {
        this.maxCredits = maxCredits;
        this.maxImages = maxImages;
    }

    /**
     * The most a call with these form fields can cost: 0.25 for {@code preview} (also when {@code size} is absent,
     * since preview is the API's default) and its aliases {@code small} and {@code regular}; 1 for every other size,
     * {@code auto} included (it charges 1 or, when credits run low, 0.25).
     */
    static BigDecimal estimate(Map<String, String> formFields) {
        String size = formFields.get("size");
        if (size == null) {
            return PREVIEW_CREDITS;
        }
        return switch (size.trim().toLowerCase(Locale.ROOT)) {
            case "preview", "small", "regular" -> PREVIEW_CREDITS;
            default -> BigDecimal.ONE;
        };
    }

    /**
     * Reserves one image at the given cost for the input at {@code index}, after every earlier input has reserved or
     * passed when there is a limit; null when that is possible, otherwise why not. The input has passed afterwards.
     *
     * @throws InterruptedException if interrupted while earlier inputs are still on their way (the input has passed)
     */
    synchronized String tryReserve(int index, BigDecimal cost) throws InterruptedException {
        try {
            while ((maxCredits != null || maxImages != null) && turn < index) {
                wait();
            }
            return tryReserve(cost);
        } finally {
            pass(index);
        }
    }

    /** Marks that the input at {@code index} reserves nothing (more), so later inputs may; passing again is harmless. */
    synchronized void pass(int index) {
        if (index < turn) {
            return;
        }
        passed.set(index);
        while (passed.get(turn)) {
            passed.clear(turn);
            turn++;
        }
        notifyAll();
    }

    /** Reserves one image at the given cost; null when that is possible, otherwise why not. */
    private String tryReserve(BigDecimal cost) {
        if (maxImages != null && images + 1 > maxImages) {
            return "not run: maxImages " + maxImages + " reached";
        }
        if (maxCredits != null && committed.add(cost).compareTo(maxCredits) > 0) {
            return "not run: it could cost " + cost.toPlainString() + " credit(s), which would exceed maxCredits "
                    + maxCredits.toPlainString() + " (" + committed.toPlainString() + " already spent or reserved)";
        }
        committed = committed.add(cost);
        images++;
        return null;
    }

    /** Replaces a reservation by what the call was charged. */
    synchronized void settle(BigDecimal reserved, BigDecimal charged) {
        committed = committed.subtract(reserved).add(charged);
    }

    /** Gives a reservation back after a call that was certainly not charged; the image still counts as sent. */
    synchronized void release(BigDecimal reserved) {
        committed = committed.subtract(reserved);
    }

    /** Gives back both the credits and the image of a reservation whose call was never made. */
    synchronized void cancel(BigDecimal reserved) {
        committed = committed.subtract(reserved);
        images--;
    }
}
