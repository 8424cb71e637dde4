package io.github.removebgsuite.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.SplittableRandom;

/**
 * The colour images and mattes of the benchmark's {@code plasma} and {@code product} archives (see
 * {@link GenerateArchive}). Deterministic: a seed fixes every random choice.
 */
final class SyntheticScenes {

    private SyntheticScenes() {
    }

    /**
     * A plasma fractal: one diamond-square field per channel (roughness 0.85, so large smooth gradients with fine
     * detail), each stretched to the levels 16 to 240.
     */
    static BufferedImage plasma(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(seed);
        for (int channel = 0; channel < 3; channel++) {
            int n = 1;
            while (n + 1 < Math.max(width, height)) {
                n <<= 1;
            }
            float[] field = diamondSquare(n, Double.parseDouble(System.getProperty("rough", "0.6")), random.split());
            int side = n + 1;
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float v = field[y * side + x];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            float scale = 224f / Math.max(1e-6f, max - min);
            int band = 2 - channel; // BGR order in the raster
            for (int y = 0; y < height; y++) {
                int row = y * width * 3;
                for (int x = 0; x < width; x++) {
                    data[row + x * 3 + band] = (byte) Math.round(16 + (field[y * side + x] - min) * scale);
                }
            }
        }
        return image;
    }

    /** Diamond-square on an {@code (n+1)²} grid, {@code n} a power of two; displacement shrinks by 2^-roughness. */
    private static float[] diamondSquare(int n, double roughness, SplittableRandom random) {
        int side = n + 1;
        float[] f = new float[side * side];
        f[0] = (float) random.nextDouble();
        f[n] = (float) random.nextDouble();
        f[n * side] = (float) random.nextDouble();
        f[n * side + n] = (float) random.nextDouble();
        double amplitude = 1;
        double decay = Math.pow(2, -roughness);
        for (int step = n; step > 1; step >>= 1) {
            int half = step >> 1;
            for (int y = half; y < side; y += step) {
                for (int x = half; x < side; x += step) {
                    float mean = (f[(y - half) * side + x - half] + f[(y - half) * side + x + half]
                            + f[(y + half) * side + x - half] + f[(y + half) * side + x + half]) / 4;
                    f[y * side + x] = mean + (float) ((random.nextDouble() - 0.5) * amplitude);
                }
            }
            for (int y = 0; y < side; y += half) {
                for (int x = (y / half) % 2 == 0 ? half : 0; x < side; x += step) {
                    float sum = 0;
                    int count = 0;
                    if (y >= half) {
                        sum += f[(y - half) * side + x];
                        count++;
                    }
                    if (y + half < side) {
                        sum += f[(y + half) * side + x];
                        count++;
                    }
                    if (x >= half) {
                        sum += f[y * side + x - half];
                        count++;
                    }
                    if (x + half < side) {
                        sum += f[y * side + x + half];
                        count++;
                    }
                    f[y * side + x] = sum / count + (float) ((random.nextDouble() - 0.5) * amplitude);
                }
            }
            amplitude *= decay;
        }
        return f;
    }

    /** A centred ellipse, opaque inside 70 % of its radius and fading smoothly to transparent at its rim. */
    static BufferedImage ellipseMatte(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        double cx = width / 2.0;
        double cy = height / 2.0;
        double rx = width * 0.42;
        double ry = height * 0.42;
        for (int y = 0; y < height; y++) {
            double dy = (y + 0.5 - cy) / ry;
            for (int x = 0; x < width; x++) {
                double dx = (x + 0.5 - cx) / rx;
                double r = Math.sqrt(dx * dx + dy * dy);
                double t = Math.max(0, Math.min(1, (1 - r) / 0.3));
                double a = t * t * (3 - 2 * t); // smoothstep
                data[y * width + x] = (byte) Math.round(a * 255);
            }
        }
        return image;
    }

    /** How far inside the bottle's outline a point is, in pixels (negative outside). */
    private static double bottleInside(double x, double y, int width, int height) {
        double cx = width * 0.5;
        double bodyHalf = width * 0.11;
        double neckHalf = width * 0.04;
        double top = height * 0.2;
        double shoulder = height * 0.35;
        double bottom = height * 0.9;
        if (y < top) {
            return -Math.max(top - y, Math.abs(x - cx) - neckHalf);
        }
        if (y > bottom) {
            return -Math.max(y - bottom, Math.abs(x - cx) - bodyHalf);
        }
        double half;
        if (y < shoulder - height * 0.05) {
            half = neckHalf;
        } else if (y < shoulder) {
            double t = (y - (shoulder - height * 0.05)) / (height * 0.05);
            half = neckHalf + (bodyHalf - neckHalf) * t * t * (3 - 2 * t);
        } else {
            half = bodyHalf;
        }
        return Math.min(half - Math.abs(x - cx), Math.min(y - top, bottom - y));
    }

    /**
     * A product shot: a shaded glass-green bottle with a striped label and ±4 levels of noise, on a retouched
     * near-white studio sweep with a soft contact shadow (the colours remove.bg leaves under the transparent parts).
     */
    static BufferedImage product(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(0xB0771EL);
        double cx = width * 0.5;
        double bodyHalf = width * 0.11;
        for (int y = 0; y < height; y++) {
            double fy = (double) y / height;
            int row = y * width * 3;
            for (int x = 0; x < width; x++) {
                double fx = (double) x / width;
                double red;
                double green;
                double blue;
                if (bottleInside(x + 0.5, y + 0.5, width, height) > -2) {
                    double across = Math.max(-1, Math.min(1, (x - cx) / bodyHalf));
                    double light = 0.35 + 0.65 * Math.cos(across * 1.3) + 0.25 * Math.exp(-40 * (across + 0.45)
                            * (across + 0.45));
                    int noise = random.nextInt(9) - 4;
                    if (fy > 0.5 && fy < 0.7) {
                        boolean stripe = ((int) (fy * 400)) % 7 < 2 || ((int) (x * 0.02) % 11 == 0);
                        red = (stripe ? 180 : 235) * light + noise;
                        green = (stripe ? 30 : 225) * light + noise;
                        blue = (stripe ? 40 : 200) * light + noise;
                    } else {
                        red = 40 * light + noise;
                        green = 120 * light + noise;
                        blue = 70 * light + noise;
                    }
                } else {
                    // A seamless studio sweep: light falling off from the top left, a soft contact shadow under the
                    // bottle; the noise-free tones a retouched product shot has (JPEG adds its own artefacts).
                    double falloff = 18 * ((fx - 0.3) * (fx - 0.3) + (fy - 0.2) * (fy - 0.2));
                    double sx = (x - cx) / (bodyHalf * 1.6);
                    double sy = (fy - 0.905) / 0.02;
                    double shadow = 40 * Math.exp(-(sx * sx + sy * sy));
                    red = 250 - falloff - shadow;
                    green = 249 - falloff - shadow;
                    blue = 247 - falloff - shadow;
                }
                int o = row + x * 3;
                data[o] = clamp(blue);
                data[o + 1] = clamp(green);
                data[o + 2] = clamp(red);
            }
        }
        return image;
    }

    /** The bottle's matte: opaque inside, transparent outside, a one-pixel anti-aliased edge. */
    static BufferedImage productMatte(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double d = bottleInside(x + 0.5, y + 0.5, width, height);
                data[y * width + x] = (byte) Math.round(Math.max(0, Math.min(1, d + 0.5)) * 255);
            }
        }
        return image;
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
    }
}
