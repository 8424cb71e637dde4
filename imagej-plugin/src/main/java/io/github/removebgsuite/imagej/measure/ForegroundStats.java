package io.github.removebgsuite.imagej.measure;

import java.awt.Rectangle;
import java.util.Optional;

/**
 * The foreground of an alpha matte at a threshold: how many pixels reach it and their bounding box. The same rule
 * makes the mask and the selection, so the table's area is the mask's area.
 *
 * @param pixels how many pixels have an alpha at or above the threshold
 * @param bounds their bounding box, empty when there are none
 */
public record ForegroundStats(long pixels, Optional<Rectangle> bounds) {

    /**
     * Measures ARGB pixels.
     *
     * @param argb the pixels, row by row, alpha in the top byte
     * @param width the width
     * @param threshold the alpha from which a pixel is foreground (1 to 255)
     */
    public static ForegroundStats ofArgb(int[] argb, int width, int threshold) {
        long count = 0;
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int i = 0; i < argb.length; i++) {
            if (argb[i] >>> 24 >= threshold) {
                count++;
                int x = i % width;
                int y = i / width;
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
            }
        }
        return new ForegroundStats(count, maxX < 0 ? Optional.empty()
                : Optional.of(new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1)));
    }
}
