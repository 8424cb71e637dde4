package io.github.removebgsuite.common.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ByteArrayImageInputStream} keeps ImageIO's stream contract as the JDK's {@code MemoryCacheImageInputStream}
 * does (and knows its length): positions, marks, seeks, bits, the end, closing.
 */
class ByteArrayImageInputStreamTest {

    private static final byte[] DATA = {1, 2, 3, 4, 5, 6, 7, (byte) 0xF0};

    @Test
    void readsSeeksAndEndsAsImageIosOwnMemoryCacheStreamDoes() throws IOException {
        try (ImageInputStream ours = new ByteArrayImageInputStream(DATA);
                ImageInputStream theirs = new MemoryCacheImageInputStream(new ByteArrayInputStream(DATA))) {
            assertThat(transcript(ours)).isEqualTo(transcript(theirs))
                    .startsWith(0x0102, 0x03040506, 2L, 0xF, 0xF0, -1);
        }
        try (ImageInputStream in = new ByteArrayImageInputStream(DATA)) {
            assertThat(in.length()).as("known, where the cache's is -1").isEqualTo(DATA.length);
            assertThatThrownBy(() -> in.read(new byte[10], 8, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    /** What a sequence of reads, marks and seeks returns, in order. */
    private static List<Object> transcript(ImageInputStream in) throws IOException {
        List<Object> seen = new ArrayList<>();
        seen.add(in.readUnsignedShort());
        in.mark();
        seen.add(in.readInt());
        in.reset();
        seen.add(in.getStreamPosition());
        in.seek(7);
        seen.add((int) in.readBits(4));
        seen.add(in.read()); // a byte read starts at the byte the bits were read from
        seen.add(in.read());
        in.seek(5);
        byte[] buffer = new byte[10];
        seen.add(in.read(buffer, 1, 9));
        seen.add(Arrays.toString(buffer));
        seen.add(in.read(buffer, 0, 4));
        seen.add(in.read(buffer, 0, 0));
        in.seek(20);
        seen.add(in.read());
        return seen;
    }

    @Test
    void refusesReadsAfterClose() throws IOException {
        ImageInputStream in = new ByteArrayImageInputStream(DATA);
        in.close();

        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> in.read(new byte[2], 0, 2)).isInstanceOf(IOException.class);
    }
}
