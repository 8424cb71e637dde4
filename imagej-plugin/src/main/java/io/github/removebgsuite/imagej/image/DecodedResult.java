package io.github.removebgsuite.imagej.image;

import io.github.removebgsuite.common.client.RemoveBgResult;
import io.github.removebgsuite.common.client.ResultFormat;
import io.github.removebgsuite.common.compose.ZipComposer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * A remove.bg result decoded into ARGB pixels. ImageJ's own opener would paint transparent pixels white, so the
 * result is decoded with ImageIO and the alpha kept; a ZIP result is first composed into an RGBA PNG by the core's
 * {@link ZipComposer}.
 *
 * @param width the result's width
 * @param height the result's height
 * @param argb the pixels, row by row, alpha in the top byte
 * @param matteOnly true when the result is a grey alpha matte ({@code channels=alpha}): the grey level is the alpha
 *     and the colour must come from the input
 */
public record DecodedResult(int width, int height, int[] argb, boolean matteOnly) {

    /**
     * Decodes a result.
     *
     * @param result the API's answer
     * @param matteRequested whether {@code channels=alpha} was asked for
     * @throws IOException when the bytes are not an image ImageJ can read (a WebP result needs a WebP ImageIO
     *     plugin, which Fiji does not ship)
     */
    public static DecodedResult decode(RemoveBgResult result, boolean matteRequested) throws IOException {
        byte[] bytes = result.bytes();
        if (result.format() == ResultFormat.ZIP) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            new ZipComposer().compose(new ByteArrayInputStream(bytes), png);
            bytes = png.toByteArray();
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new IOException("The " + result.format() + " result cannot be decoded here"
                    + (result.format() == ResultFormat.WEBP ? "; choose format zip or png for ImageJ outputs" : ""));
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        boolean hasAlpha = image.getColorModel().hasAlpha();
        boolean matte = matteRequested && !hasAlpha;
        if (matte) {
            for (int i = 0; i < argb.length; i++) {
                int grey = argb[i] & 0xff;
                argb[i] = grey << 24 | grey << 16 | grey << 8 | grey;
            }
        }
        return new DecodedResult(width, height, argb, matte);
    }

    /** The alpha of a pixel, 0 (background) to 255 (foreground). */
    public int alpha(int index) {
        return argb[index] >>> 24;
    }
}
