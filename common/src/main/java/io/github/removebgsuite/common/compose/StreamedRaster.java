package io.github.removebgsuite.common.compose;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * The colours of a sequential JPEG while they stream into the PNG: an R, G, B raster the size of the image whose
 * buffer holds only a window of rows, row {@code y} in slot {@code y % rowsHeld}. A 25 MP image then takes a few
 * megabytes instead of 75 MB, which a new process would also have to zero page by page before the decoder could start.
 *
 * <p>The JDK's JPEG reader ({@code com.sun.imageio.plugins.jpeg.JPEGImageReader}) writes each decoded scanline into
 * its destination with {@link #setRect(int, int, Raster)}, top to bottom, and that is the write this raster is made
 * for: before copying a row in, it waits until the encoder has released the row its slot held ({@link DecodedRows}).
 * The other writes a raster has would address the window as if it were the image, so {@link ImageReading#streams}
 * gives this raster to the JDK's own reader only; a scanline of another shape fails the composition.
 */
final class StreamedRaster extends WritableRaster {
    private static final int[] RGB = {0, 1, 2};

    private final DecodedRows rows;
    private final byte[] data;
    private final int rowBytes;
    private final int rowsHeld;

    private StreamedRaster(int width, int height, int rowsHeld, DecodedRows rows) {
        super(new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, width, rowsHeld, 3, width * 3, RGB),
                new DataBufferByte(width * 3 * rowsHeld), new Rectangle(0, 0, width, height), new Point(0, 0), null);
        this.rows = rows;
        this.data = ((DataBufferByte) getDataBuffer()).getData();
        this.rowBytes = width * 3;
        this.rowsHeld = rowsHeld;
    }

    /**
     * An sRGB image of {@code width × height} pixels whose raster holds {@code rowsHeld} rows at a time.
     *
     * @param rowsHeld at most {@code height}
     * @param rows the decoded rows, whose ring of {@code rowsHeld} rows says when a slot may be written again
     */
    static BufferedImage image(int width, int height, int rowsHeld, DecodedRows rows) {
        return new BufferedImage(ImageReading.rgbColorModel(), new StreamedRaster(width, height, rowsHeld, rows),
                false, null);
    }

    /**
     * Copies one decoded scanline (a one-row R, G, B raster as wide as this one) into row {@code dy}'s slot, once the
     * encoder has released the row the slot held. After a cancellation the row is dropped: the decoder is aborting.
     */
    @Override
    public void setRect(int dx, int dy, Raster source) {
        if (dx != 0 || dy < 0 || dy >= getHeight() || source.getMinX() != 0 || source.getMinY() != 0
                || source.getWidth() != getWidth() || source.getHeight() != 1
                || source.getSampleModelTranslateX() != 0 || source.getSampleModelTranslateY() != 0
                || !(source.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1
                || !(source.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || model.getPixelStride() != 3 || !Arrays.equals(model.getBandOffsets(), RGB)) {
            throw new IllegalStateException("the colours stream row by row and accept only whole R, G, B rows; got "
                    + source.getWidth() + "x" + source.getHeight() + " at " + dx + "," + dy);
        }
        if (rows.awaitWritable(dy)) {
            System.arraycopy(buffer.getData(), buffer.getOffset(), data, (dy % rowsHeld) * rowBytes, rowBytes);
        }
    }
}
