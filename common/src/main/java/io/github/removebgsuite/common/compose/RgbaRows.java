package io.github.removebgsuite.common.compose;

/**
 * The RGBA rows {@link ZipComposer} hands the {@link PngEncoder}: colours and matte interleaved, each row waited for
 * while the colours or the matte still decode, and the rows the encoder is done with released to the decoders, whose
 * buffers may be rings of rows ({@link DecodedRows}).
 */
class RgbaRows implements PngEncoder.ReleasingRows {
    private final Colors colors;
    private final Matte matte;
    private final DecodedRows decoded;
    private final DecodedRows matteRows;

    private RgbaRows(Colors colors, Matte matte, DecodedRows decoded, DecodedRows matteRows) {
        this.colors = colors;
        this.matte = matte;
        this.decoded = decoded;
        this.matteRows = matteRows;
    }

    /**
     * The rows of these colours and this matte.
     *
     * @param decoded the colours' progress, or {@code null} when they are decoded whole before encoding starts
     * @param matteRows the matte's progress, or {@code null} when it is decoded whole before encoding starts
     */
    static PngEncoder.RowSource of(Colors colors, Matte matte, DecodedRows decoded, DecodedRows matteRows) {
        if (colors instanceof Colors.InterleavedColors interleaved && matte instanceof Matte.ByteMatte bytes) {
            return new Fused(interleaved, bytes, decoded, matteRows);
        }
        return new RgbaRows(colors, matte, decoded, matteRows);
    }

    @Override
    public void fillRow(int y, byte[] dest, int offset) {
        await(y);
        colors.fillRgba(y, dest, offset);
        matte.fillAlpha(y, dest, offset);
    }

    @Override
    public void release(int firstNeeded) {
        if (decoded != null) {
            decoded.release(firstNeeded);
        }
        if (matteRows != null) {
            matteRows.release(firstNeeded);
        }
    }

    final void await(int y) {
        if (decoded != null) {
            decoded.await(y);
        }
        if (matteRows != null) {
            matteRows.await(y);
        }
    }

    /** The usual case, 8-bit colours and matte: rows are filtered straight from the decoded buffers. */
    private static final class Fused extends RgbaRows implements PngEncoder.UpFilteredRows {
        private final Colors.InterleavedColors colors;
        private final Matte.ByteMatte matte;

        Fused(Colors.InterleavedColors colors, Matte.ByteMatte matte, DecodedRows decoded, DecodedRows matteRows) {
            super(colors, matte, decoded, matteRows);
            this.colors = colors;
            this.matte = matte;
        }

        @Override
        public void fillUpFiltered(int y, byte[] dest, int offset) {
            await(y);
            dest[offset] = (byte) PngFilter.UP.type();
            colors.fillUpFilteredRgba(y, matte, dest, offset + 1);
        }
    }
}
