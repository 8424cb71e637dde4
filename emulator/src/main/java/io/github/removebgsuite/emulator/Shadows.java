package io.github.removebgsuite.emulator;

/**
 * Simple, deterministic shadows painted under the foreground layer: {@code drop} (the silhouette offset down-right
 * and softened), {@code car} (an elliptical contact shadow under the subject) and {@code 3D} (the silhouette flattened
 * onto the ground behind the subject). Opacity scales the shadow's darkness (0..100).
 */
final class Shadows {
    private Shadows() {
    }

    /**
     * Paints the shadow into {@code layer} (non-premultiplied ARGB, {@code w} x {@code h}) beneath its existing pixels.
     *
     * @param box the foreground's bounding box {@code x0, y0, x1, y1}, end exclusive
     */
    static void apply(String type, int opacity, int[] layer, int w, int h, int[] box) {
        int[] shade = new int[w * h];
        int bw = box[2] - box[0];
        int bh = box[3] - box[1];
        switch (type) {
            case "drop": {
                int d = Math.max(2, Math.round(Math.min(bw, bh) * 0.04f));
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int sx = x - d;
                        int sy = y - d;
                        if (sx >= 0 && sy >= 0) {
                            shade[y * w + x] = layer[sy * w + sx] >>> 24;
                        }
                    }
                }
                shade = blur(shade, w, h, Math.max(1, d / 2));
                break;
            }
            case "car": {
                double cx = (box[0] + box[2]) / 2.0;
                double cy = box[3] - 1;
                double rx = bw * 0.55;
                double ry = Math.max(2.0, bh * 0.08);
                for (int y = Math.max(0, (int) (cy - ry)); y < Math.min(h, (int) Math.ceil(cy + ry) + 1); y++) {
                    for (int x = Math.max(0, (int) (cx - rx)); x < Math.min(w, (int) Math.ceil(cx + rx) + 1); x++) {
                        double dx = (x - cx) / rx;
                        double dy = (y - cy) / ry;
                        double r = dx * dx + dy * dy;
                        if (r < 1) {
                            shade[y * w + x] = (int) Math.round(255 * (1 - r));
                        }
                    }
                }
                break;
            }
            default: { // 3d: silhouette squashed to a quarter of its height, sheared right, from the subject's base
                int base = box[3] - 1;
                int height = Math.max(1, bh / 4);
                for (int ty = 0; ty < height; ty++) {
                    int sy = base - (int) ((long) ty * bh / height);
                    int y = base - ty;
                    int shift = ty / 2;
                    if (y < 0 || sy < 0) {
                        continue;
                    }
                    for (int x = box[0]; x < box[2]; x++) {
                        int tx = x + shift;
                        if (tx < w) {
                            shade[y * w + tx] = Math.max(shade[y * w + tx], layer[sy * w + x] >>> 24);
                        }
                    }
                }
                shade = blur(shade, w, h, 1);
                break;
            }
        }
        for (int i = 0; i < layer.length; i++) {
            int s = shade[i] * opacity / 100;
            if (s > 0) {
                layer[i] = ImagePipeline.over(layer[i], s << 24);
            }
        }
    }

    /** Separable box blur of a single channel. */
    private static int[] blur(int[] in, int w, int h, int r) {
        int[] tmp = new int[in.length];
        int[] out = new int[in.length];
        int span = 2 * r + 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int k = -r; k <= r; k++) {
                    int xx = x + k;
                    if (xx >= 0 && xx < w) {
                        sum += in[y * w + xx];
                    }
                }
                tmp[y * w + x] = sum / span;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int k = -r; k <= r; k++) {
                    int yy = y + k;
                    if (yy >= 0 && yy < h) {
                        sum += tmp[yy * w + x];
                    }
                }
                out[y * w + x] = sum / span;
            }
        }
        return out;
    }
}
