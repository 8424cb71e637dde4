package io.github.removebgsuite.emulator;

import io.github.removebgsuite.emulator.ImageCodec.Raster;

/**
 * A deterministic stand-in for remove.bg's segmentation: the background is the border's dominant colour, grown by a
 * flood fill from the border (and from everything outside the region of interest) through pixels within a colour
 * distance of it. What the fill does not reach is foreground; its outermost pixel ring gets a soft edge. Enclosed
 * background-coloured regions (the inside of a handle, a car's windows) are holes or semi-transparent as asked. Runs in
 * linear time on {@code int[]} rasters.
 */
final class ForegroundEstimator {
    /** Colour distance (Euclidean, RGB 0..255) under which a pixel counts as background-like. */
    static final int DISTANCE = 48;

    private ForegroundEstimator() {
    }

    /**
     * The segmentation: which pixels the border fill reached ({@code background}), which unreached pixels still look
     * like the background (holes such as a mug handle's inside or a car's windows), and the foreground's bounding box
     * {@code x0, y0, x1, y1} (inclusive; {@code x1 < 0} when there is no foreground).
     */
    record Segmentation(int width, int height, boolean[] background, boolean[] enclosedBackgroundLike, int[] box) {
        /** Whether anything is foreground. */
        boolean hasForeground() {
            return box[2] >= 0;
        }

        /**
         * The alpha matte.
         *
         * @param holes what enclosed background-like regions become: {@code -1} background (regions of at least
         *     {@link #MIN_HOLE_FRACTION} of the image; smaller specks stay foreground), otherwise that alpha (for
         *     instance 128 for semi-transparent car windows, 255 to keep them opaque)
         */
        int[] alpha(int holes) {
            int w = width;
            int h = height;
            boolean[] out = background;
            if (holes < 0) {
                out = background.clone();
                clearHoles(out);
            }
            int[] alpha = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (out[i]) {
                        continue;
                    }
                    // 3x3 box average of the hard matte, kept inside the foreground: a 1 px anti-aliased rim
                    int sum = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            boolean fg = nx >= 0 && ny >= 0 && nx < w && ny < h && !out[ny * w + nx];
                            sum += fg ? 255 : 0;
                        }
                    }
                    int a = Math.max(1, sum / 9);
                    alpha[i] = holes >= 0 && enclosedBackgroundLike[i] ? Math.min(a, holes) : a;
                }
            }
            return alpha;
        }

        private void clearHoles(boolean[] out) {
            int w = width;
            int min = (int) Math.max(4, (long) width * height * MIN_HOLE_FRACTION);
            boolean[] seen = new boolean[out.length];
            int[] queue = new int[out.length];
            for (int start = 0; start < out.length; start++) {
                if (seen[start] || out[start] || !enclosedBackgroundLike[start]) {
                    continue;
                }
                int head = 0;
                int tail = 0;
                queue[tail++] = start;
                seen[start] = true;
                while (head < tail) {
                    int i = queue[head++];
                    int x = i % w;
                    int[] neighbours = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w};
                    for (int n : neighbours) {
                        if (n >= 0 && n < out.length && !seen[n] && !out[n] && enclosedBackgroundLike[n]) {
                            seen[n] = true;
                            queue[tail++] = n;
                        }
                    }
                }
                if (tail >= min) {
                    for (int k = 0; k < tail; k++) {
                        out[queue[k]] = true;
                    }
                }
            }
        }
    }

    /** Enclosed background-like regions at least this fraction of the image are holes, not foreground. */
    static final double MIN_HOLE_FRACTION = 0.0005;

    /** Segments the image inside {@code roi} ({@code x1, y1, x2, y2} in pixels, end exclusive). */
    static Segmentation estimate(Raster image, int[] roi) {
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

        boolean[] enclosed = new boolean[w * h];
        int[] box = {w, h, -1, -1};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (outside[i]) {
                    continue;
                }
                enclosed[i] = like[i];
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
            }
        }
        return new Segmentation(w, h, outside, enclosed, box);
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
