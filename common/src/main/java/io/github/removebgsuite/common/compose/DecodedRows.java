package io.github.removebgsuite.common.compose;

import java.awt.image.BufferedImage;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadUpdateListener;

/** How many rows of an image are decoded; encoder threads wait here for the rows they need. */
final class DecodedRows implements IIOReadUpdateListener {
    private final Object lock = new Object();
    private final String entry;
    private int rows;
    private Throwable failure;
    private volatile boolean cancelled;

    DecodedRows(String entry) {
        this.entry = entry;
    }

    /** Asks the decoding thread to stop at its next row. */
    void cancel() {
        cancelled = true;
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
            if (rows <= row) {
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
