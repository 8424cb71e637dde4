package io.github.removebgsuite.emulator;

import io.github.removebgsuite.emulator.ForegroundEstimator.Segmentation;
import io.github.removebgsuite.emulator.ImageCodec.Raster;
import io.github.removebgsuite.emulator.RemovalOptions.Length;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The image work of {@code POST /removebg}, in the order the parameters interact: foreground estimate (inside
 * {@code roi}), type classification, shadow, {@code crop} + {@code crop_margin}, {@code scale} + {@code position},
 * background ({@code bg_color} or a cover-filled background image), {@code channels}, and finally the output format.
 */
final class ImagePipeline {
    /** PNG results are capped at 10 megapixels, as documented. */
    static final long PNG_MAX_PIXELS = 10_000_000L;

    private ImagePipeline() {
    }

    /** The encoded result and the facts reported in headers. */
    record Result(byte[] body, String contentType, int width, int height, int[] foreground, String xType) {
    }

    /**
     * Processes an input already scaled to the output resolution.
     *
     * @param input the input image scaled to fit the {@code size} limit
     * @param roiScale output pixels per input pixel, to map {@code roi} pixel coordinates
     * @param background the decoded background image, when {@code bg_image_file}/{@code bg_image_url} was given
     */
    static Result process(RemovalOptions options, Raster input, double roiScale, Optional<Raster> background)
            throws ApiError, IOException {
        int w = input.width();
        int h = input.height();
        int[] roi = roi(options, w, h, roiScale);
        Segmentation segmentation = ForegroundEstimator.estimate(input, roi);
        if (!segmentation.hasForeground()) {
            throw ApiError.badRequest("unknown_foreground", "Could not identify foreground in image",
                    "No foreground was found" + (options.roi.isPresent() ? " inside the roi" : "")
                            + ": the image appears to be all background.");
        }
        String baseType = classify(options.type, segmentation.box());
        // Holes in most subjects are background; a car's enclosed background shows through its windows, which the
        // reference makes semi-transparent (semitransparency=true, the default) or keeps opaque.
        int holes = !baseType.equals("car") ? -1 : options.semitransparency ? 128 : 255;
        int[] alpha = segmentation.alpha(holes);
        int[] layer = new int[w * h];
        int[] in = input.argb();
        for (int i = 0; i < layer.length; i++) {
            int a = alpha[i] * (in[i] >>> 24) / 255;
            layer[i] = a << 24 | in[i] & 0xffffff;
        }
        int[] box0 = segmentation.box();
        int[] fg = {box0[0], box0[1], box0[2] + 1, box0[3] + 1};

        String shadow = options.shadowFor(baseType);
        if (!shadow.equals("none")) {
            Shadows.apply(shadow, options.opacityFor(baseType), layer, w, h, fg);
        }
        Raster canvas = new Raster(w, h, layer);

        if (options.crop) {
            int[] box = opaqueBox(canvas);
            int bw = box[2] - box[0];
            int bh = box[3] - box[1];
            List<Length> m = options.cropMargin;
            int top = (int) Math.round(m.get(0).resolve(bh));
            int right = (int) Math.round(m.get(1).resolve(bw));
            int bottom = (int) Math.round(m.get(2).resolve(bh));
            int left = (int) Math.round(m.get(3).resolve(bw));
            int x0 = box[0] - left;
            int y0 = box[1] - top;
            canvas = cut(canvas, x0, y0, bw + left + right, bh + top + bottom);
            fg = new int[] {fg[0] - x0, fg[1] - y0, fg[2] - x0, fg[3] - y0};
        }

        if (options.scale.isPresent() || options.position.isPresent()) {
            int[] box = opaqueBox(canvas);
            int bw = box[2] - box[0];
            int bh = box[3] - box[1];
            double fit = Math.min((double) canvas.width() / bw, (double) canvas.height() / bh);
            double f = options.scale.isPresent() ? options.scale.get() * fit : 1.0;
            int nw = Math.max(1, (int) Math.round(bw * f));
            int nh = Math.max(1, (int) Math.round(bh * f));
            int nx;
            int ny;
            if (options.position.isPresent()) {
                nx = (int) Math.round((canvas.width() - nw) * options.position.get()[0]);
                ny = (int) Math.round((canvas.height() - nh) * options.position.get()[1]);
            } else {
                nx = (int) Math.round(box[0] + bw / 2.0 - nw / 2.0);
                ny = (int) Math.round(box[1] + bh / 2.0 - nh / 2.0);
            }
            Raster subject = ImageCodec.resize(cut(canvas, box[0], box[1], bw, bh), nw, nh);
            int[] moved = new int[canvas.argb().length];
            paste(subject, moved, canvas.width(), canvas.height(), nx, ny);
            double fx = (double) nw / bw;
            double fy = (double) nh / bh;
            fg = new int[] {(int) Math.round(nx + (fg[0] - box[0]) * fx), (int) Math.round(ny + (fg[1] - box[1]) * fy),
                (int) Math.round(nx + (fg[2] - box[0]) * fx), (int) Math.round(ny + (fg[3] - box[1]) * fy)};
            canvas = new Raster(canvas.width(), canvas.height(), moved);
        }

        Raster result;
        boolean grey = options.alphaOnly;
        if (grey) {
            int[] mask = new int[canvas.argb().length];
            for (int i = 0; i < mask.length; i++) {
                int a = canvas.argb()[i] >>> 24;
                mask[i] = 0xff000000 | a << 16 | a << 8 | a;
            }
            result = new Raster(canvas.width(), canvas.height(), mask);
        } else if (options.bgColor.isPresent()) {
            result = over(canvas, solid(canvas.width(), canvas.height(), options.bgColor.get()));
        } else if (background.isPresent()) {
            result = over(canvas, cover(background.get(), canvas.width(), canvas.height()));
        } else {
            result = canvas;
        }

        String format = options.format;
        if (format.equals("auto")) {
            format = ImageCodec.hasTransparency(result) ? "png" : "jpg";
        }
        if (format.equals("png") && result.pixels() > PNG_MAX_PIXELS) {
            int oldW = result.width();
            int oldH = result.height();
            result = ImageCodec.fit(result, PNG_MAX_PIXELS);
            double fx = (double) result.width() / oldW;
            double fy = (double) result.height() / oldH;
            fg = new int[] {(int) Math.floor(fg[0] * fx), (int) Math.floor(fg[1] * fy), (int) Math.ceil(fg[2] * fx),
                (int) Math.ceil(fg[3] * fy)};
        }
        byte[] body;
        String contentType;
        switch (format) {
            case "png":
                body = ImageCodec.png(result, grey);
                contentType = "image/png";
                break;
            case "jpg":
                body = ImageCodec.jpg(result, grey);
                contentType = "image/jpeg";
                break;
            case "webp":
                body = ImageCodec.webp(result);
                contentType = "image/webp";
                break;
            default:
                body = ImageCodec.zip(result);
                contentType = "application/zip";
                break;
        }
        int[] box = clip(fg, result.width(), result.height());
        return new Result(body, contentType, result.width(), result.height(),
                new int[] {box[1], box[0], box[2] - box[0], box[3] - box[1]}, typeHeader(baseType, options.typeLevel));
    }

    /** The roi in output pixels ({@code x1, y1, x2, y2}, end exclusive), or the documented 400s. */
    static int[] roi(RemovalOptions options, int w, int h, double scale) throws ApiError {
        if (options.roi.isEmpty()) {
            return new int[] {0, 0, w, h};
        }
        List<Length> r = options.roi.get();
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            Length l = r.get(i);
            double full = i % 2 == 0 ? w : h;
            v[i] = l.percent() ? l.value() * full / 100.0 : l.value() * scale;
            if (v[i] > full + 1e-6) {
                throw ApiError.badRequest("roi_exceeds_bounds", "Region of interest exceeds image bounds",
                        "roi coordinate " + (i + 1) + " lies outside the image.");
            }
        }
        int[] px = {(int) Math.floor(v[0]), (int) Math.floor(v[1]), (int) Math.ceil(v[2]), (int) Math.ceil(v[3])};
        if (px[2] <= px[0] || px[3] <= px[1]) {
            throw ApiError.badRequest("roi_region_empty", "Region of interest is empty",
                    "roi must have x2 > x1 and y2 > y1.");
        }
        return px;
    }

    /**
     * The type for {@code type=auto}: the emulator has no classifier, so it calls wide subjects (at least 1.8 times
     * as wide as tall) cars and everything else a product. Deterministic, and enough to exercise per-type behaviour.
     */
    static String classify(String requested, int[] box) {
        if (!requested.equals("auto")) {
            return requested;
        }
        double bw = box[2] - box[0] + 1;
        double bh = box[3] - box[1] + 1;
        return bw / bh >= 1.8 ? "car" : "product";
    }

    /** {@code X-Type} at the requested classification level; null for {@code type_level=none}. */
    static String typeHeader(String type, String level) {
        switch (level) {
            case "none":
                return null;
            case "1":
                return type.equals("graphic") || type.equals("transportation") ? "other" : type;
            default:
                return type.equals("graphic") ? "graphics" : type;
        }
    }

    /** Bounding box {@code x0, y0, x1, y1} (end exclusive) of pixels with alpha above zero. */
    static int[] opaqueBox(Raster r) {
        int[] box = {r.width(), r.height(), 0, 0};
        int[] px = r.argb();
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                if (px[y * r.width() + x] >>> 24 != 0) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x + 1);
                    box[3] = Math.max(box[3], y + 1);
                }
            }
        }
        return box;
    }

    /** A {@code cw} x {@code ch} window of the raster at {@code x0, y0}; outside the raster is transparent. */
    static Raster cut(Raster r, int x0, int y0, int cw, int ch) {
        int[] out = new int[cw * ch];
        for (int y = 0; y < ch; y++) {
            int sy = y0 + y;
            if (sy < 0 || sy >= r.height()) {
                continue;
            }
            int from = Math.max(0, -x0);
            int to = Math.min(cw, r.width() - x0);
            if (to > from) {
                System.arraycopy(r.argb(), sy * r.width() + x0 + from, out, y * cw + from, to - from);
            }
        }
        return new Raster(cw, ch, out);
    }

    private static void paste(Raster src, int[] dst, int dw, int dh, int x0, int y0) {
        for (int y = 0; y < src.height(); y++) {
            int dy = y0 + y;
            if (dy < 0 || dy >= dh) {
                continue;
            }
            for (int x = 0; x < src.width(); x++) {
                int dx = x0 + x;
                if (dx >= 0 && dx < dw) {
                    dst[dy * dw + dx] = src.argb()[y * src.width() + x];
                }
            }
        }
    }

    private static int[] clip(int[] box, int w, int h) {
        int x0 = Math.max(0, Math.min(w, box[0]));
        int y0 = Math.max(0, Math.min(h, box[1]));
        return new int[] {x0, y0, Math.max(x0, Math.min(w, box[2])), Math.max(y0, Math.min(h, box[3]))};
    }

    private static Raster solid(int w, int h, int argb) {
        int[] px = new int[w * h];
        java.util.Arrays.fill(px, argb);
        return new Raster(w, h, px);
    }

    /**
     * The background image centred and scaled to fill the canvas, aspect kept (the overflow is cut), unless it already
     * has the canvas's exact size.
     */
    static Raster cover(Raster bg, int w, int h) {
        if (bg.width() == w && bg.height() == h) {
            return bg;
        }
        double f = Math.max((double) w / bg.width(), (double) h / bg.height());
        int sw = Math.max(w, (int) Math.ceil(bg.width() * f));
        int sh = Math.max(h, (int) Math.ceil(bg.height() * f));
        Raster scaled = ImageCodec.resize(bg, sw, sh);
        return cut(scaled, (sw - w) / 2, (sh - h) / 2, w, h);
    }

    /** Porter-Duff "over" of non-premultiplied ARGB rasters of the same size. */
    static Raster over(Raster top, Raster bottom) {
        int[] a = top.argb();
        int[] b = bottom.argb();
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = over(a[i], b[i]);
        }
        return new Raster(top.width(), top.height(), out);
    }

    static int over(int top, int bottom) {
        int ta = top >>> 24;
        if (ta == 255) {
            return top;
        }
        int ba = bottom >>> 24;
        int oa = ta * 255 + ba * (255 - ta); // scaled by 255
        if (oa == 0) {
            return 0;
        }
        int r = ((top >> 16 & 0xff) * ta * 255 + (bottom >> 16 & 0xff) * ba * (255 - ta)) / oa;
        int g = ((top >> 8 & 0xff) * ta * 255 + (bottom >> 8 & 0xff) * ba * (255 - ta)) / oa;
        int bl = ((top & 0xff) * ta * 255 + (bottom & 0xff) * ba * (255 - ta)) / oa;
        return (oa + 127) / 255 << 24 | r << 16 | g << 8 | bl;
    }
}
