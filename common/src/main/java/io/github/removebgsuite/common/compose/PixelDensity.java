package io.github.removebgsuite.common.compose;

/**
 * The physical pixel density of an image in pixels per metre, as PNG's {@code pHYs} chunk stores it. Print workflows
 * read the DPI from it, so the composer carries it over from the ZIP's images.
 *
 * @param xPixelsPerMetre horizontal density, pixels per metre (at least 1)
 * @param yPixelsPerMetre vertical density, pixels per metre (at least 1)
 */
public record PixelDensity(long xPixelsPerMetre, long yPixelsPerMetre) {

    private static final double METRES_PER_INCH = 0.0254;
    private static final long MAX = 0xFFFF_FFFFL;

    /** Checks that both densities fit PNG's unsigned 32-bit fields and are positive. */
    public PixelDensity {
        if (xPixelsPerMetre < 1 || xPixelsPerMetre > MAX || yPixelsPerMetre < 1 || yPixelsPerMetre > MAX) {
            throw new IllegalArgumentException("pixel density must be between 1 and " + MAX
                    + " pixels per metre, got " + xPixelsPerMetre + " x " + yPixelsPerMetre);
        }
    }

    /** A density given in dots per inch, rounded to whole pixels per metre (300 dpi is 11811 pixels per metre). */
    public static PixelDensity ofDpi(double xDpi, double yDpi) {
        return new PixelDensity(Math.round(xDpi / METRES_PER_INCH), Math.round(yDpi / METRES_PER_INCH));
    }

    /** A density given in dots per centimetre, as a JFIF header may store it. */
    public static PixelDensity ofDotsPerCentimetre(double x, double y) {
        return new PixelDensity(Math.round(x * 100), Math.round(y * 100));
    }

    /** The horizontal density in dots per inch. */
    public double xDpi() {
        return xPixelsPerMetre * METRES_PER_INCH;
    }

    /** The vertical density in dots per inch. */
    public double yDpi() {
        return yPixelsPerMetre * METRES_PER_INCH;
    }
}
