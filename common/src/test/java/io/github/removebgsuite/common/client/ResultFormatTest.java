package io.github.removebgsuite.common.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Telling the four result formats apart by their bytes, and complete files from cut-off ones. */
class ResultFormatTest {

    @Test
    void contentTypesMapToFormats() {
        assertThat(ResultFormat.fromContentType("image/png")).contains(ResultFormat.PNG);
        assertThat(ResultFormat.fromContentType("image/jpeg; charset=binary")).contains(ResultFormat.JPG);
        assertThat(ResultFormat.fromContentType("IMAGE/WEBP")).contains(ResultFormat.WEBP);
        assertThat(ResultFormat.fromContentType("application/zip")).contains(ResultFormat.ZIP);
        assertThat(ResultFormat.fromContentType("text/html")).isEmpty();
        assertThat(ResultFormat.fromContentType(null)).isEmpty();
    }

    @Test
    void realImagesAreRecognisedAndCompleteUntilCut() throws IOException {
        byte[] png = Wire.png(8, 8);
        byte[] jpeg = Wire.jpeg(8, 8);
        byte[] zip = zip();
        byte[] webp = webp();

        assertThat(ResultFormat.sniff(png)).contains(ResultFormat.PNG);
        assertThat(ResultFormat.sniff(jpeg)).contains(ResultFormat.JPG);
        assertThat(ResultFormat.sniff(zip)).contains(ResultFormat.ZIP);
        assertThat(ResultFormat.sniff(webp)).contains(ResultFormat.WEBP);
        assertThat(ResultFormat.sniff("<html>".getBytes())).isEmpty();

        assertThat(ResultFormat.PNG.looksComplete(png)).isTrue();
        assertThat(ResultFormat.JPG.looksComplete(jpeg)).isTrue();
        assertThat(ResultFormat.ZIP.looksComplete(zip)).isTrue();
        assertThat(ResultFormat.WEBP.looksComplete(webp)).isTrue();
        assertThat(ResultFormat.PNG.looksComplete(Arrays.copyOf(png, png.length - 1))).isFalse();
        assertThat(ResultFormat.JPG.looksComplete(Arrays.copyOf(jpeg, jpeg.length / 2))).isFalse();
        assertThat(ResultFormat.ZIP.looksComplete(Arrays.copyOf(zip, zip.length - 10))).isFalse();
        assertThat(ResultFormat.WEBP.looksComplete(Arrays.copyOf(webp, webp.length - 4))).isFalse();
    }

    /** A ZIP laid out as remove.bg's: color.jpg and alpha.png. */
    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("color.jpg"));
            zip.write(Wire.jpeg(8, 8));
            zip.putNextEntry(new ZipEntry("alpha.png"));
            zip.write(Wire.png(8, 8));
        }
        return out.toByteArray();
    }

    /** A minimal RIFF/WEBP container (the JDK cannot encode WebP; the container layout is what is checked). */
    private static byte[] webp() {
        byte[] payload = new byte[22];
        byte[] file = new byte[12 + 8 + payload.length];
        System.arraycopy("RIFF".getBytes(), 0, file, 0, 4);
        int riffSize = file.length - 8;
        file[4] = (byte) riffSize;
        file[5] = (byte) (riffSize >> 8);
        System.arraycopy("WEBPVP8L".getBytes(), 0, file, 8, 8);
        file[16] = (byte) payload.length;
        return file;
    }
}
