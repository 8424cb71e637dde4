package io.github.removebgsuite.common.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@link ZipComposer} refuses, before decoding where it can, and how it names the entry and the limit: archives
 * that are not remove.bg's (entries missing, extra, doubled, of other formats), ZIP bombs, images over the limits or
 * of different sizes, truncated data, invalid options; and that a refused archive leaves the target untouched.
 */
class ZipComposerRefusalTest {

    @TempDir
    Path temp;

    @Test
    void leavesAnExistingTargetUntouchedWhenTheArchiveIsRefused() throws IOException {
        Path zip = Files.write(temp.resolve("bad.zip"),
                TestImages.zip(Map.of("color.jpg", TestImages.jpeg(TestImages.color(8, 8, 1), 0, 1, 1))));
        Path png = Files.writeString(temp.resolve("result.png"), "previous result");

        assertThatThrownBy(() -> new ZipComposer().compose(zip, png)).isInstanceOf(CompositionException.class);

        assertThat(Files.readString(png)).isEqualTo("previous result");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).containsExactlyInAnyOrder(zip, png);
        }
    }

    @Test
    void refusesAMissingEntry() {
        byte[] zip = TestImages.zip(Map.of("color.jpg", TestImages.jpeg(TestImages.color(8, 8, 1), 0, 1, 1)));

        refusal(new ZipComposer(), zip).hasMessageContaining("lacks alpha.png");
    }

    @Test
    void refusesAnExtraEntry() {
        Map<String, byte[]> entries = TestImages.entries(TestImages.jpeg(TestImages.color(8, 8, 1), 0, 1, 1),
                TestImages.png(TestImages.alpha(8, 8, 8), 0));
        entries.put("../../etc/cron.d/evil", "x".getBytes(StandardCharsets.UTF_8));

        refusal(new ZipComposer(), TestImages.zip(entries))
                .hasMessageContaining("unexpected entry '../../etc/cron.d/evil'");
    }

    @Test
    void refusesADuplicateEntry() {
        byte[] jpeg = TestImages.jpeg(TestImages.color(8, 8, 1), 0, 1, 1);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("color.jpg", jpeg);
        entries.put("colorXjpg", jpeg); // renamed in the bytes below: ZipOutputStream itself refuses duplicates
        entries.put("alpha.png", TestImages.png(TestImages.alpha(8, 8, 8), 0));
        byte[] zip = replaceAll(TestImages.zip(entries), "colorXjpg", "color.jpg");

        refusal(new ZipComposer(), zip).hasMessageContaining("color.jpg more than once");
    }

    @Test
    void refusesAZipBombByTheBytesActuallyInflated() {
        // Deflated entries carry their sizes after the data, so only counting the inflated bytes can catch this.
        // A real JPEG header (so the entry passes the header check) followed by 2 MB of zeros.
        byte[] header = TestImages.jpeg(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                0, 1, 1);
        byte[] color = java.util.Arrays.copyOf(header, header.length + 2_000_000);
        byte[] zip = TestImages.zip(TestImages.entries(color, TestImages.png(TestImages.alpha(8, 8, 8), 0)));
        assertThat(zip.length).isLessThan(10_000);

        refusal(ZipComposer.builder().maxEntryBytes(1_000_000).build(), zip)
                .hasMessageContaining("color.jpg inflates to more than 1000000 bytes");
    }

    @Test
    void refusesAnEntryLargerThanAnImageOfItsHeadersSizeCanBe() {
        // An 8 x 8 alpha.png header followed by 3 MB: no 64-pixel image takes that much.
        byte[] header = TestImages.png(TestImages.alpha(8, 8, 8), 0);
        byte[] alpha = java.util.Arrays.copyOf(header, header.length + 3_000_000);
        byte[] color = TestImages.jpeg(new java.awt.image.BufferedImage(8, 8,
                java.awt.image.BufferedImage.TYPE_INT_RGB), 0, 1, 1);
        byte[] zip = TestImages.zip(TestImages.entries(color, alpha));

        refusal(new ZipComposer(), zip)
                .hasMessageContaining("alpha.png inflates to more than").hasMessageContaining("an image of its size");
    }

    @Test
    void refusesAnEntryWhoseHeaderDeclaresTooManyBytes() throws IOException {
        byte[] big = new byte[5_000];
        CRC32 crc = new CRC32();
        crc.update(big);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry("alpha.png");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(big.length);
            entry.setCompressedSize(big.length);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(big);
            zip.closeEntry();
        }

        refusal(ZipComposer.builder().maxEntryBytes(4_096).build(), bytes.toByteArray())
                .hasMessageContaining("alpha.png inflates to more than 4096 bytes");
    }

    @Test
    void refusesImagesOfDifferentSizes() {
        byte[] zip = TestImages.zip(TestImages.entries(TestImages.jpeg(TestImages.color(20, 10, 1), 0, 1, 1),
                TestImages.png(TestImages.alpha(10, 20, 8), 0)));

        refusal(new ZipComposer(), zip)
                .hasMessage("The ZIP's images differ in size: color.jpg is 20x10 but alpha.png is 10x20");
    }

    @Test
    void refusesTooManyPixelsFromTheHeaderBeforeDecoding() {
        // A 16x16 JPEG whose frame header claims 9000x9000 (81 MP): the pixel data could never fill it, so only a
        // check of the header (not a decode) can produce this message.
        byte[] jpeg = TestImages.jpeg(TestImages.color(16, 16, 1), 0, 1, 1);
        patchJpegSize(jpeg, 9000, 9000);
        byte[] zip = TestImages.zip(TestImages.entries(jpeg, TestImages.png(TestImages.alpha(16, 16, 8), 0)));

        refusal(new ZipComposer(), zip)
                .hasMessage("color.jpg is 9000x9000 (81000000 pixels), above the limit of 50000000 pixels");
    }

    @Test
    void appliesAConfiguredPixelLimit() {
        byte[] zip = TestImages.zip(TestImages.entries(TestImages.jpeg(TestImages.color(20, 10, 1), 0, 1, 1),
                TestImages.png(TestImages.alpha(20, 10, 8), 0)));

        refusal(ZipComposer.builder().maxPixels(199).build(), zip)
                .hasMessageContaining("above the limit of 199 pixels");
        assertThat(ZipComposer.builder().maxPixels(200).build().compose(zip)).isNotEmpty();
    }

    @Test
    void refusesSomethingThatIsNotAZip() {
        refusal(new ZipComposer(), "plain text, not an archive".getBytes(StandardCharsets.UTF_8))
                .hasMessageContaining("not a ZIP archive");
    }

    @Test
    void refusesAZipCutShortNamingWhatIsMissing() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.color(61, 47, 5), 1, 72, 72);
        byte[] alpha = TestImages.png(TestImages.alpha(61, 47, 8), 0);
        byte[] zip = TestImages.zip(TestImages.entries(jpeg, alpha));
        byte[] cut = java.util.Arrays.copyOf(zip, zip.length / 2);

        refusal(new ZipComposer(), cut).hasMessageContaining("cut short")
                .hasMessageContaining(ZipComposer.COLOR_ENTRY);
    }

    @Test
    void refusesEntriesThatAreNotTheDocumentedFormats() {
        byte[] jpeg = TestImages.jpeg(TestImages.color(8, 8, 1), 0, 1, 1);
        byte[] alpha = TestImages.png(TestImages.alpha(8, 8, 8), 0);

        refusal(new ZipComposer(), TestImages.zip(TestImages.entries(alpha, alpha)))
                .hasMessage("color.jpg is not a JPEG image");
        refusal(new ZipComposer(), TestImages.zip(TestImages.entries(jpeg, jpeg)))
                .hasMessage("alpha.png is not a PNG image");
        byte[] rgbAlpha = TestImages.png(TestImages.color(8, 8, 2), 0);
        refusal(new ZipComposer(), TestImages.zip(TestImages.entries(jpeg, rgbAlpha)))
                .hasMessage("alpha.png has 3 channels; expected a greyscale PNG");
    }

    @Test
    void refusesATruncatedJpeg() {
        byte[] jpeg = TestImages.jpeg(TestImages.color(32, 32, 1), 0, 1, 1);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, 20);
        byte[] zip = TestImages.zip(TestImages.entries(truncated, TestImages.png(TestImages.alpha(32, 32, 8), 0)));

        refusal(new ZipComposer(), zip).hasMessageStartingWith("color.jpg");
    }

    @ParameterizedTest
    @EnumSource(PngFilter.class)
    void toBuilderKeepsTheSettings(PngFilter filter) {
        ZipComposer composer = ZipComposer.builder().filter(filter).deflateLevel(4).threads(3).maxPixels(7)
                .build();
        byte[] zip = TestImages.zip(TestImages.entries(TestImages.jpeg(TestImages.color(4, 2, 1), 0, 1, 1),
                TestImages.png(TestImages.alpha(4, 2, 8), 0)));

        assertThatThrownBy(() -> composer.toBuilder().build().compose(zip))
                .hasMessageContaining("above the limit of 7 pixels");
    }

    @Test
    void refusesInvalidOptionsNamingThem() {
        assertThatThrownBy(() -> ZipComposer.builder().deflateLevel(10))
                .hasMessage("deflateLevel must be between 0 and 9, got 10");
        assertThatThrownBy(() -> ZipComposer.builder().threads(0)).hasMessage("threads must be at least 1, got 0");
        assertThatThrownBy(() -> ZipComposer.builder().maxPixels(0)).hasMessageContaining("maxPixels");
        assertThatThrownBy(() -> ZipComposer.builder().maxEntryBytes(0)).hasMessageContaining("maxEntryBytes");
    }


    /** Asserts that composing {@code zip} (in memory) is refused with a {@link CompositionException}. */
    private static AbstractThrowableAssert<?, ? extends Throwable> refusal(ZipComposer composer, byte[] zip) {
        return assertThatThrownBy(() -> composer.compose(zip)).isInstanceOf(CompositionException.class);
    }

    private static byte[] replaceAll(byte[] data, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.US_ASCII);
        byte[] b = to.getBytes(StandardCharsets.US_ASCII);
        int replaced = 0;
        outer:
        for (int i = 0; i + a.length <= data.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (data[i + j] != a[j]) {
                    continue outer;
                }
            }
            System.arraycopy(b, 0, data, i, b.length);
            replaced++;
        }
        assertThat(replaced).isEqualTo(2); // the local header and the central directory
        return data;
    }

    /** Rewrites the height and width of a JPEG's baseline frame header (SOF0). */
    private static void patchJpegSize(byte[] jpeg, int width, int height) {
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC0) {
                jpeg[i + 5] = (byte) (height >>> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >>> 8);
                jpeg[i + 8] = (byte) width;
                return;
            }
        }
        throw new AssertionError("no SOF0 marker");
    }
}
