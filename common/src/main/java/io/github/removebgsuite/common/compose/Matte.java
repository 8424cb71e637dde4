package io.github.removebgsuite.common.compose;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;

/** The decoded matte, reduced to 8 bits per pixel as rows are asked for. */
abstract class Matte {
    abstract void fillAlpha(int y, byte[] dest, int offset);

    static Matte of(Raster raster) {
        if (raster.getNumBands() != 1) {
            throw new CompositionException(ZipComposer.ALPHA_ENTRY + " has " + raster.getNumBands()
                    + " channels; expected a greyscale PNG");
        }
        int depth = raster.getSampleModel().getSampleSize(0);
        boolean plain = raster.getSampleModel() instanceof ComponentSampleModel model
                && model.getPixelStride() == 1 && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0 && raster.getDataBuffer().getNumBanks() == 1;
        if (plain && depth == 8 && raster.getDataBuffer() instanceof DataBufferByte buffer) {
            int stride = ((ComponentSampleModel) raster.getSampleModel()).getScanlineStride();
            return new ByteMatte(buffer.getData(), buffer.getOffset(), stride, raster.getWidth(), raster.getHeight());
        }
        if (plain && depth == 16 && raster.getDataBuffer() instanceof DataBufferUShort buffer) {
            int stride = ((ComponentSampleModel) raster.getSampleModel()).getScanlineStride();
            return new ShortMatte(buffer.getData(), buffer.getOffset(), stride, raster.getWidth());
        }
        if (raster.getDataBuffer().getDataType() == DataBuffer.TYPE_FLOAT
                || raster.getDataBuffer().getDataType() == DataBuffer.TYPE_DOUBLE) {
            throw new CompositionException(ZipComposer.ALPHA_ENTRY + " has floating-point samples; expected a greyscale PNG");
        }
        return new GenericMatte(raster, depth);
    }

    /**
     * An 8-bit matte, one byte per pixel: the whole image, or a ring of {@code rowsHeld} rows (row {@code y} in slot
     * {@code y % rowsHeld}) that its decoder refills as the encoder releases rows.
     */
    static final class ByteMatte extends Matte {
        private final byte[] data;
        private final int base;
        private final int stride;
        private final int width;
        private final int rowsHeld;

        ByteMatte(byte[] data, int base, int stride, int width, int rowsHeld) {
            this.data = data;
            this.base = base;
            this.stride = stride;
            this.width = width;
            this.rowsHeld = rowsHeld;
        }

        @Override
        void fillAlpha(int y, byte[] dest, int offset) {
            int src = rowStart(y);
            int end = offset + width * 4;
            for (int o = offset + 3; o < end; o += 4) {
                dest[o] = data[src++];
            }
        }

        byte[] data() {
            return data;
        }

        /** Where row {@code y} starts in {@link #data()}. */
        int rowStart(int y) {
            return base + (y % rowsHeld) * stride;
        }

        /** Row {@code y}'s alpha minus row {@code y - 1}'s (PNG's UP filter), at every fourth byte from offset + 3. */
        void fillUpFilteredAlpha(int y, byte[] dest, int offset) {
            if (y == 0) {
                fillAlpha(0, dest, offset);
                return;
            }
            int src = rowStart(y);
            int above = rowStart(y - 1);
            int end = offset + width * 4;
            for (int o = offset + 3; o < end; o += 4) {
                dest[o] = (byte) (data[src++] - data[above++]);
            }
        }
    }

    static final class ShortMatte extends Matte {
        private final short[] data;
        private final int base;
        private final int stride;
        private final int width;

        ShortMatte(short[] data, int base, int stride, int width) {
            this.data = data;
            this.base = base;
            this.stride = stride;
            this.width = width;
        }

        @Override
        void fillAlpha(int y, byte[] dest, int offset) {
            int src = base + y * stride;
            int end = offset + width * 4;
            for (int o = offset + 3; o < end; o += 4) {
                dest[o] = (byte) ZipComposer.toEightBits(data[src++] & 0xffff, 16);
            }
        }
    }

    static final class GenericMatte extends Matte {
        private final Raster raster;
        private final int depth;

        GenericMatte(Raster raster, int depth) {
            this.raster = raster;
            this.depth = depth;
        }

        @Override
        void fillAlpha(int y, byte[] dest, int offset) {
            int width = raster.getWidth();
            int[] samples = raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, (int[]) null);
            for (int x = 0; x < width; x++) {
                dest[offset + x * 4 + 3] = (byte) ZipComposer.toEightBits(samples[x], depth);
            }
        }
    }
}
