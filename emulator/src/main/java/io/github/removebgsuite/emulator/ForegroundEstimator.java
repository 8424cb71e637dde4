package io.github.removebgsuite.emulator;

import io.github.removebgsuite.emulator.ImageCodec.Raster;

/**
 * A deterministic stand-in for remove.bg's segmentation: the background is the border's dominant colour, grown by a
 * flood fill from the border (and from everything outside the region of interest) through pixels within a colour
 * distance of it. What the fill does not reach is foreground; its outermost pixel ring gets a soft edge. Runs in
 * linear time on {@code int[]} rasters.
 */
final class ForegroundEstimator {
    /** Colour distance (Euclidean, RGB 0..255) under which a pixel counts as background-like. */
    static final int DISTANCE = 48;

    private ForegroundEstimator() {
    }

    /** The estimate: an alpha matte plus which pixels were background-like but enclosed by the foreground. */
    record Matte(int width, int height, int[] alpha, boolean[] enclosedBackgroundLike, int[] box) {
        /** Number of foreground pixels (alpha above zero). */
        long foregroundPixels() {
            long n = 0;
            for (int a : alpha) {
                if (a > 0) {
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * Estimates the foreground inside {@code roi} ({@code x1, y1, x2, y2} in pixels, exclusive end).
     *
     * @param softEdge whether the foreground's outer ring gets intermediate alpha values
     */
    static Matte estimate(Raster image, int[] roi, boolean softEdge) {
        int w = image.width();
        int h = image.height();
        int[] px = image.argb();
        int background = dominantBorderColor(image);
        int br = background >> 16 & 0xff;
        int bg = background >> 8 & 0xff;
        int bb = background & 0xff;
        int limit = DISTANCE * DISTANCE;

        boolean[] like = new boolean[w * h];
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            if (p >>> 24 < 128) {
                like[i] = true;
                continue;
            }
            int dr = (p >> 16 & 0xff) - br;
            int dg = (p >> 8 & 0xff) - bg;
            int db = (p & 0xff) - bb;
            like[i] = dr * dr + dg * dg + db * db < limit;
        }

        boolean[] outside = new boolean[w * h];
        int[] queue = new int[w * h];
        int head = 0;
        int tail = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean outOfRoi = x < roi[0] || y < roi[1] || x >= roi[2] || y >= roi[3];
                boolean border = x == 0 || y == 0 || x == w - 1 || y == h - 1;
                if (outOfRoi || border && like[i]) {
                    outside[i] = true;
                    queue[tail++] = i;
                }
            }
        }
        while (head < tail) {
            int i = queue[head++];
            int x = i % w;
            int y = i / w;
            if (x > 0) {
                tail = visit(i - 1, like, outside, queue, tail);
            }
            if (x < w - 1) {
                tail = visit(i + 1, like, outside, queue, tail);
            }
            if (y > 0) {
                tail = visit(i - w, like, outside, queue, tail);
            }
            if (y < h - 1) {
                tail = visit(i + w, like, outside, queue, tail);
            }
        }

        int[] alpha = new int[w * h];
        boolean[] enclosed = new boolean[w * h];
        int[] box = {w, h, -1, -1};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (outside[i]) {
                    continue;
                }
                enclosed[i] = like[i];
                int a = 255;
                if (softEdge) {
                    // 3x3 box average of the hard matte, kept inside the foreground: a 1 px anti-aliased rim
                    int sum = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            boolean fg = nx >= 0 && ny >= 0 && nx < w && ny < h && !outside[ny * w + nx];
                            sum += fg ? 255 : 0;
                        }
                    }
                    a = Math.max(1, sum / 9);
                }
                alpha[i] = a;
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
            }
        }
        return new Matte(w, h, alpha, enclosed, box);
    }

    private static int visit(int i, boolean[] like, boolean[] outside, int[] queue, int tail) {
        if (like[i] && !outside[i]) {
            outside[i] = true;
            queue[tail++] = i;
        }
        return tail;
    }

    /** The mean colour of the most frequent 4-bit-per-channel bin among the border pixels. */
    static int dominantBorderColor(Raster image) {
        int w = image.width();
        int h = image.height();
        int[] px = image.argb();
        int[] counts = new int[4096];
        long[][] sums = new long[4096][3];
        for (int y = 0; y < h; y++) {
            int step = y == 0 || y == h - 1 ? 1 : Math.max(1, w - 1);
            for (int x = 0; x < w; x += step) {
                int p = px[y * w + x];
                int bin = (p >> 20 & 0xf) << 8 | (p >> 12 & 0xf) << 4 | (p >> 4 & 0xf);
                counts[bin]++;
                sums[bin][0] += p >> 16 & 0xff;
                sums[bin][1] += p >> 8 & 0xff;
                sums[bin][2] += p & 0xff;
            }
        }
        int best = 0;
        for (int bin = 1; bin < counts.length; bin++) {
            if (counts[bin] > counts[best]) {
                best = bin;
            }
        }
        int n = Math.max(1, counts[best]);
        return (int) (sums[best][0] / n) << 16 | (int) (sums[best][1] / n) << 8 | (int) (sums[best][2] / n);
    }
}
