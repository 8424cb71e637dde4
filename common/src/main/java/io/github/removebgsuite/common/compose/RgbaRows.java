package io.github.removebgsuite.common.compose;

/**
 * The RGBA rows {@link ZipComposer} hands the {@link PngEncoder}: colours and matte interleaved, each row waited for
 * while the colours or the matte still decode, and the rows the encoder is done with released to the decoders, whose
 * buffers may be rings of rows ({@link DecodedRows}).
 *
 * @param colors the decoded colours (the whole image, or a ring of rows)
 * @param matte the decoded matte (the whole image, or a ring of rows)
 * @param decoded the colours' progress, or {@code null} when they are decoded whole before encoding starts
 * @param matteRows the matte's progress, or {@code null} when it is decoded whole before encoding starts
 */
record RgbaRows(Colors colors, Matte matte, DecodedRows decoded, DecodedRows matteRows)
        implements PngEncoder.ReleasingRows {

    /** The rows of these colours and this matte; see the record's components. */
    static PngEncoder.RowSource of(Colors colors, Matte matte, DecodedRows decoded, DecodedRows matteRows) {
        RgbaRows rows = new RgbaRows(colors, matte, decoded, matteRows);
        if (colors instanceof Colors.InterleavedColors interleaved && matte instanceof Matte.ByteMatte bytes) {
            return new Fused(rows, interleaved, bytes);
        }
        return rows;
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

    void await(int y) {
        if (decoded != null) {
            decoded.await(y);
        }
        if (matteRows != null) {
            matteRows.await(y);
        }
    }

    /** The usual case, 8-bit colours and matte: rows are filtered straight from the decoded buffers. */
    private record Fused(RgbaRows rows, Colors.InterleavedColors colors, Matte.ByteMatte matte)
            implements PngEncoder.UpFilteredRows, PngEncoder.ReleasingRows {

        @Override
        public void fillRow(int y, byte[] dest, int offset) {
            rows.fillRow(y, dest, offset);
        }

        @Override
        public void fillUpFiltered(int y, byte[] dest, int offset) {
            rows.await(y);
            dest[offset] = (byte) PngFilter.UP.type();
            colors.fillUpFilteredRgba(y, matte, dest, offset + 1);
        }

        @Override
        public void release(int firstNeeded) {
            rows.release(firstNeeded);
        }
    }
}
