package io.github.removebgsuite.common.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link EntryReader} returns each entry's exact bytes whichever way the ZIP gives its size (in the local header, or
 * only after the data) and whatever the size is against its header window and chunks.
 */
class EntryReaderTest {

    private static final int WINDOW = 256 * 1024;
    private static final byte[] PNG_HEADER = Arrays.copyOf(TestImages.png(TestImages.alpha(2000, 2000, 8), 0), 64);
    private static final EntryReader READER = new EntryReader(ZipComposer.DEFAULT_MAX_ENTRY_BYTES,
            ZipComposer.DEFAULT_MAX_PIXELS);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, WINDOW - 1, WINDOW, WINDOW + 1, 2 * WINDOW, 3 * WINDOW + 17, 5_000_000})
    void readsEveryEntryExactlyWhereverItsSizeIsGiven(int length) throws IOException {
        byte[] color = entry(length, 1);
        byte[] alpha = entry(Math.max(0, length - 5), 2);
        for (Layout layout : Layout.values()) {
            EntryReader.Entries entries = READER.read(new ByteArrayInputStream(zip(layout, color, alpha)));

            assertThat(entries.color()).as(layout + " color.jpg").isEqualTo(color);
            assertThat(entries.alpha()).as(layout + " alpha.png").isEqualTo(alpha);
        }
    }

    @Test
    void refusesAnEntryLongerThanItsLocalHeaderDeclares() throws IOException {
        byte[] color = entry(WINDOW + 10_000, 3);
        byte[] zip = zip(Layout.DEFLATED_SIZES_IN_HEADER, color, entry(100, 4));
        // The first local header's uncompressed size (offset 22) now claims 1,000 bytes fewer than the data holds.
        ByteBuffer header = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(22)).isEqualTo(color.length);
        header.putInt(22, color.length - 1_000);

        assertThatThrownBy(() -> READER.read(new ByteArrayInputStream(zip)))
                .isInstanceOf(CompositionException.class)
                .hasMessageContaining("color.jpg holds more than the " + (color.length - 1_000) + " bytes");
    }

    /** How the ZIP gives an entry's size. */
    private enum Layout { STORED, DEFLATED_SIZES_IN_HEADER, DEFLATED_SIZES_AFTER_DATA }

    /**
     * {@code length} bytes that pass the reader's header check: a PNG header for a 2000 x 2000 image (as much as
     * 17 MB is plausible for it) followed by random bytes, or only random bytes when shorter than the window.
     */
    private static byte[] entry(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        System.arraycopy(PNG_HEADER, 0, bytes, 0, Math.min(length, PNG_HEADER.length));
        return bytes;
    }

    private static byte[] zip(Layout layout, byte[] color, byte[] alpha) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, layout, ZipComposer.COLOR_ENTRY, color);
            put(zip, layout, ZipComposer.ALPHA_ENTRY, alpha);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, Layout layout, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(data);
        if (layout == Layout.STORED) {
            entry.setMethod(ZipEntry.STORED);
            entry.setCompressedSize(data.length);
        } else if (layout == Layout.DEFLATED_SIZES_IN_HEADER) {
            // ZipOutputStream puts the sizes in the local header when all three are known before the data.
            entry.setCompressedSize(deflatedLength(data));
        }
        if (layout != Layout.DEFLATED_SIZES_AFTER_DATA) {
            entry.setSize(data.length);
            entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    private static int deflatedLength(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] out = new byte[64 * 1024];
            int n = 0;
            while (!deflater.finished()) {
                n += deflater.deflate(out);
            }
            return n;
        } finally {
            deflater.end();
        }
    }
}
