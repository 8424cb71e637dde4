package io.github.removebgsuite.common.compose;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/** The decoded colours, read straight from the raster's bytes when it is the usual interleaved 8-bit layout. */
abstract class Colors {
    abstract void fillRgba(int y, byte[] dest, int offset);

    /** The colours of a raster that holds the whole image. */
    static Colors of(Raster raster) {
        return of(raster, raster.getHeight());
    }

    /**
     * The colours of a raster whose buffer holds {@code rowsHeld} rows, row {@code y} in slot {@code y % rowsHeld}
     * ({@link StreamedRaster}), or the whole image when {@code rowsHeld} is its height.
     */
    static Colors of(Raster raster, int rowsHeld) {
        int bands = raster.getNumBands();
        if (bands != 1 && bands != 3) {
            throw new CompositionException(ZipComposer.COLOR_ENTRY + " has " + bands
                    + " colour channels; expected an RGB or greyscale JPEG");
        }
        if (raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1
                && raster.getSampleModel() instanceof ComponentSampleModel model
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
            return new InterleavedColors(buffer.getData(), buffer.getOffset(), model, raster.getWidth(), rowsHeld);
        }
        if (rowsHeld < raster.getHeight()) {
            throw new IllegalArgumentException("only interleaved 8-bit colours can be held as a ring of rows");
        }
        return new GenericColors(raster);
    }

    static final class InterleavedColors extends Colors {
        private final byte[] data;
        private final int base;
        private final int pixelStride;
        private final int scanlineStride;
        private final int red;
        private final int green;
        private final int blue;
        private final int width;
        private final int rowsHeld;

        InterleavedColors(byte[] data, int base, ComponentSampleModel model, int width, int rowsHeld) {
            this.data = data;
            this.base = base;
            this.pixelStride = model.getPixelStride();
            this.scanlineStride = model.getScanlineStride();
            int[] offsets = model.getBandOffsets();
            this.red = offsets[0];
            this.green = offsets.length == 3 ? offsets[1] : offsets[0];
            this.blue = offsets.length == 3 ? offsets[2] : offsets[0];
            this.width = width;
            this.rowsHeld = rowsHeld;
        }

        private int rowStart(int y) {
            return base + (y % rowsHeld) * scanlineStride;
        }

        @Override
        void fillRgba(int y, byte[] dest, int offset) {
            int src = rowStart(y);
            int end = offset + width * 4;
            for (int o = offset; o < end; o += 4, src += pixelStride) {
                dest[o] = data[src + red];
                dest[o + 1] = data[src + green];
                dest[o + 2] = data[src + blue];
            }
        }

        /** Row {@code y}'s colours minus row {@code y - 1}'s (PNG's UP filter), at every fourth byte from offset. */
        void fillUpFilteredRgba(int y, byte[] dest, int offset) {
            if (y == 0) {
                fillRgba(0, dest, offset);
                return;
            }
            int src = rowStart(y);
            int above = rowStart(y - 1);
            int end = offset + width * 4;
            for (int o = offset; o < end; o += 4, src += pixelStride, above += pixelStride) {
                dest[o] = (byte) (data[src + red] - data[above + red]);
                dest[o + 1] = (byte) (data[src + green] - data[above + green]);
                dest[o + 2] = (byte) (data[src + blue] - data[above + blue]);
            }
        }

        /**
         * Row {@code y}'s RGBA bytes minus row {@code y - 1}'s (PNG's UP filter), the alpha from {@code matte}, at
         * {@code dest[offset]}. When the colours are packed R, G, B (as {@link ZipComposer} decodes the usual JPEG) it
         * is one pass with fixed offsets, about twice as fast as filling colours and alpha in turn.
         */
        void fillUpFilteredRgba(int y, Matte.ByteMatte matte, byte[] dest, int offset) {
            if (y == 0 || pixelStride != 3 || red != 0 || green != 1 || blue != 2) {
                fillUpFilteredRgba(y, dest, offset);
                matte.fillUpFilteredAlpha(y, dest, offset);
                return;
            }
            byte[] rgb = data;
            byte[] alpha = matte.data();
            int src = rowStart(y);
            int above = rowStart(y - 1);
            int a = matte.rowStart(y);
            int aAbove = matte.rowStart(y - 1);
            int o = offset;
            for (int x = 0; x < width; x++, src += 3, above += 3, o += 4) {
                dest[o] = (byte) (rgb[src] - rgb[above]);
                dest[o + 1] = (byte) (rgb[src + 1] - rgb[above + 1]);
                dest[o + 2] = (byte) (rgb[src + 2] - rgb[above + 2]);
                dest[o + 3] = (byte) (alpha[a + x] - alpha[aAbove + x]);
            }
        }
    }

    static final class GenericColors extends Colors {
        private final Raster raster;
        private final int bands;
        private final int[] depth;

        GenericColors(Raster raster) {
            this.raster = raster;
            this.bands = raster.getNumBands();
            this.depth = raster.getSampleModel().getSampleSize();
        }

        @Override
        void fillRgba(int y, byte[] dest, int offset) {
            int width = raster.getWidth();
            int[] samples = raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, (int[]) null);
            for (int x = 0; x < width; x++) {
                int o = offset + x * 4;
                for (int c = 0; c < 3; c++) {
                    int band = bands == 1 ? 0 : c;
                    dest[o + c] = (byte) ZipComposer.toEightBits(samples[x * bands + band], depth[band]);
                }
            }
        }
    }
}
