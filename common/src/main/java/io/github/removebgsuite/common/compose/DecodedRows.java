package io.github.removebgsuite.common.compose;

import java.awt.image.BufferedImage;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadUpdateListener;

/**
 * How many rows of an image are decoded: encoder threads wait here for the rows they need. When the rows are decoded
 * into a buffer of fewer rows than the image (a ring: row {@code y} in slot {@code y % rowsHeld}), the decoder also
 * waits here until the encoder has released the row a slot held before it writes the slot again.
 */
final class DecodedRows implements IIOReadUpdateListener {
    private final Object lock = new Object();
    private final String entry;
    private final int rowsHeld;
    private int rows;
    private int released;
    private Throwable failure;
    private volatile boolean cancelled;

    /** Rows decoded into a buffer that holds the whole image. */
    DecodedRows(String entry) {
        this(entry, Integer.MAX_VALUE);
    }

    /** Rows decoded into a ring of {@code rowsHeld} rows. */
    DecodedRows(String entry, int rowsHeld) {
        if (rowsHeld < 1) {
            throw new IllegalArgumentException("rowsHeld must be at least 1, got " + rowsHeld);
        }
        this.entry = entry;
        this.rowsHeld = rowsHeld;
    }

    /** Asks the decoding thread to stop at its next row, and wakes it if it waits for a slot. */
    void cancel() {
        cancelled = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /**
     * Called by the decoder before it writes {@code row}: the decoder writes rows in order, so every row above it is
     * complete, which this reports first; then waits until the row its slot held has been released. (Reporting first
     * matters: a decoder that waited with rows it had not reported would wait for an encoder waiting for those rows.)
     *
     * @return {@code false} when the composition was cancelled meanwhile (or the decoder interrupted): write nothing
     */
    boolean awaitWritable(int row) {
        advance(row);
        synchronized (lock) {
            while (!cancelled && row - released >= rowsHeld) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    // The decoder stops here: whoever waits for its rows must not wait forever.
                    failure = new CompositionException(entry + " was not decoded: its decoder was interrupted");
                    cancelled = true;
                    lock.notifyAll();
                    return false;
                }
            }
            return !cancelled;
        }
    }

    /** Called by the encoder: no row below {@code firstNeeded} is read again, so their slots may be reused. */
    void release(int firstNeeded) {
        synchronized (lock) {
            if (firstNeeded > released) {
                released = firstNeeded;
                lock.notifyAll();
            }
        }
    }

    /** The rows decoded so far. */
    int decoded() {
        synchronized (lock) {
            return rows;
        }
    }

    boolean isCancelled() {
        return cancelled;
    }

    void await(int row) {
        synchronized (lock) {
            while (rows <= row && failure == null) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CompositionException("Interrupted while waiting for " + entry + " to decode");
                }
            }
            if (failure != null) { // even for rows reported before it: the composition fails anyway
                throw failure instanceof CompositionException composition
                        ? new CompositionException(composition.getMessage(), composition)
                        : new CompositionException(entry + " could not be decoded: " + failure, failure);
            }
        }
    }

    void complete(int height) {
        advance(height);
    }

    void fail(Throwable e) {
        synchronized (lock) {
            failure = e;
            lock.notifyAll();
        }
    }

    void advance(int decodedRows) {
        synchronized (lock) {
            if (decodedRows > rows) {
                rows = decodedRows;
                lock.notifyAll();
            }
        }
    }

    @Override
    public void imageUpdate(ImageReader source, BufferedImage image, int minX, int minY, int width, int height,
            int periodX, int periodY, int[] bands) {
        if (cancelled) {
            source.abort(); // called on the decoding thread, which holds the reader
        }
        advance(minY + (height - 1) * periodY + 1);
    }

    @Override
    public void passStarted(ImageReader source, BufferedImage image, int pass, int minPass, int maxPass,
            int minX, int minY, int periodX, int periodY, int[] bands) {
        // sequential JPEGs have one pass
    }

    @Override
    public void passComplete(ImageReader source, BufferedImage image) {
        // completion is signalled when read returns
    }

    @Override
    public void thumbnailPassStarted(ImageReader source, BufferedImage theThumbnail, int pass, int minPass,
            int maxPass, int minX, int minY, int periodX, int periodY, int[] bands) {
        // thumbnails are not read
    }

    @Override
    public void thumbnailUpdate(ImageReader source, BufferedImage theThumbnail, int minX, int minY, int width,
            int height, int periodX, int periodY, int[] bands) {
        // thumbnails are not read
    }

    @Override
    public void thumbnailPassComplete(ImageReader source, BufferedImage theThumbnail) {
        // thumbnails are not read
    }
}
