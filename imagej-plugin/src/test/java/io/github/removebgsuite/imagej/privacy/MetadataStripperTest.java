package io.github.removebgsuite.imagej.privacy;

import static io.github.removebgsuite.imagej.privacy.TestMetadata.concat;
import static io.github.removebgsuite.imagej.privacy.TestMetadata.pngChunk;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@link MetadataStripper} on JPEG, PNG and WebP files carrying what cameras and tools write. */
class MetadataStripperTest {

    @Test
    void jpegLosesExifXmpIptcAndCommentsButKeepsOrientationProfileAndEveryImageByte() throws IOException {
        byte[] plain = jpeg();
        byte[] tagged = TestMetadata.jpegWithMetadata(plain, 6);
        assertThat(TestMetadata.SECRETS.subList(0, 6)).allMatch(s -> TestMetadata.contains(tagged, s));

        byte[] stripped = MetadataStripper.strip(tagged);

        assertThat(TestMetadata.SECRETS).noneMatch(s -> TestMetadata.contains(stripped, s));
        List<Object[]> segments = TestMetadata.jpegSegments(stripped);
        List<Integer> markers = segments.stream().map(s -> (Integer) s[0]).toList();
        assertThat(markers).doesNotContain(0xfe, 0xed).startsWith(0xe0, 0xe1);
        byte[] exif = (byte[]) segments.get(1)[1];
        assertThat(Map.copyOf(TestMetadata.ifd0(exif, 6))).isEqualTo(Map.of(0x0112, 6));
        byte[] icc = segments.stream().filter(s -> (Integer) s[0] == 0xe2).map(s -> (byte[]) s[1]).findFirst()
                .orElseThrow();
        assertThat(Arrays.copyOfRange(icc, 14, icc.length)).isEqualTo(TestMetadata.iccProfile());
        // every segment that is not metadata, and the compressed image data, byte for byte
        assertThat(imageSegments(stripped)).isEqualTo(imageSegments(plain));
        assertThat(pixels(stripped)).isEqualTo(pixels(plain));
    }

    @Test
    void jpegWithoutOrientationGetsNoExifAtAll() throws IOException {
        byte[] plain = jpeg();
        byte[] stripped = MetadataStripper.strip(concat(Arrays.copyOf(plain, 2),
                TestMetadata.segment(0xfe, "patient-4711 comment".getBytes(StandardCharsets.ISO_8859_1)),
                Arrays.copyOfRange(plain, 2, plain.length)));
        assertThat(TestMetadata.jpegSegments(stripped).stream().map(s -> (Integer) s[0])).doesNotContain(0xe1, 0xfe);
        assertThat(stripped).isEqualTo(plain);
    }

    @Test
    void pngLosesTextTimeAndExifButKeepsOrientationProfileAndImageData() throws IOException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageIO.write(image(BufferedImage.TYPE_INT_ARGB), "png", encoded);
        byte[] plain = encoded.toByteArray();
        int afterHeader = 8 + 25; // signature + IHDR
        byte[] tagged = concat(Arrays.copyOf(plain, afterHeader),
                pngChunk("iCCP", concat("sRGB\0\0".getBytes(StandardCharsets.ISO_8859_1), deflate(
                        TestMetadata.iccProfile()))),
                pngChunk("tEXt", "Comment\0patient-4711 comment".getBytes(StandardCharsets.ISO_8859_1)),
                pngChunk("iTXt", "Description\0\0\0\0\0ImageJ info: patient".getBytes(StandardCharsets.UTF_8)),
                pngChunk("tIME", new byte[] {7, (byte) 0xe8, 5, 6, 7, 8, 9}),
                pngChunk("eXIf", TestMetadata.exifTiff(8, ByteOrder.BIG_ENDIAN)),
                Arrays.copyOfRange(plain, afterHeader, plain.length));

        byte[] stripped = MetadataStripper.strip(tagged);

        assertThat(TestMetadata.SECRETS).noneMatch(s -> TestMetadata.contains(stripped, s));
        List<String> types = pngChunkTypes(stripped);
        assertThat(types).doesNotContain("tEXt", "iTXt", "tIME").contains("iCCP");
        assertThat(types.indexOf("eXIf")).isPositive().isLessThan(types.indexOf("IDAT"));
        byte[] exif = pngChunkData(stripped, "eXIf");
        assertThat(Map.copyOf(TestMetadata.ifd0(exif, 0))).isEqualTo(Map.of(0x0112, 8));
        assertThat(pngChunkData(stripped, "IDAT")).isEqualTo(pngChunkData(plain, "IDAT"));
        assertThat(pixels(stripped)).isEqualTo(pixels(plain));
    }

    @Test
    void webpLosesXmpAndExifDetailsButKeepsOrientationAndProfile() {
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x20 | 0x08 | 0x04; // ICC, EXIF, XMP
        byte[] bitstream = "fake VP8L bitstream".getBytes(StandardCharsets.US_ASCII);
        byte[] tagged = riff(webpChunk("VP8X", vp8x), webpChunk("ICCP", TestMetadata.iccProfile()),
                webpChunk("VP8L", bitstream), webpChunk("EXIF", TestMetadata.exifTiff(3, ByteOrder.LITTLE_ENDIAN)),
                webpChunk("XMP ", "<x:xmpmeta>SecretPerson</x:xmpmeta>".getBytes(StandardCharsets.UTF_8)));

        byte[] stripped = MetadataStripper.strip(tagged);

        assertThat(TestMetadata.SECRETS).noneMatch(s -> TestMetadata.contains(stripped, s));
        ByteBuffer riff = ByteBuffer.wrap(stripped).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(riff.getInt(4)).isEqualTo(stripped.length - 8);
        assertThat(stripped[20] & 0xff).isEqualTo(0x20 | 0x08); // XMP flag cleared
        assertThat(TestMetadata.contains(stripped, "XMP ")).isFalse();
        assertThat(TestMetadata.contains(stripped, "fake VP8L bitstream")).isTrue();
        int exif = new String(stripped, StandardCharsets.ISO_8859_1).indexOf("EXIF") + 8;
        assertThat(Map.copyOf(TestMetadata.ifd0(stripped, exif))).isEqualTo(Map.of(0x0112, 3));
        assertThat(new String(stripped, StandardCharsets.ISO_8859_1))
                .contains(new String(TestMetadata.iccProfile(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void otherFilesAndBrokenOnesAreLeftAlone() {
        byte[] text = "not an image".getBytes(StandardCharsets.US_ASCII);
        assertThat(MetadataStripper.strip(text)).isSameAs(text);
        byte[] broken = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1, 0x7f, 0x7f, 1, 2};
        assertThat(MetadataStripper.strip(broken)).isSameAs(broken);
    }

    static byte[] jpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image(BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    private static BufferedImage image(int type) {
        BufferedImage image = new BufferedImage(64, 48, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 230, 230));
        g.fillRect(0, 0, 64, 48);
        g.setColor(new Color(200, 30, 40));
        g.fillOval(10, 8, 40, 30);
        g.dispose();
        return image;
    }

    private static int[] pixels(byte[] file) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** The JPEG segments that are not APPn or COM, and the data from SOS on. */
    private static List<String> imageSegments(byte[] jpeg) {
        List<String> kept = new ArrayList<>();
        for (Object[] segment : TestMetadata.jpegSegments(jpeg)) {
            int marker = (Integer) segment[0];
            if (!(marker >= 0xe0 && marker <= 0xef) && marker != 0xfe) {
                kept.add(marker + ":" + Arrays.hashCode((byte[]) segment[1]) + ":" + ((byte[]) segment[1]).length);
            }
        }
        return kept;
    }

    private static List<String> pngChunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        for (int pos = 8; pos + 12 <= png.length; ) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            types.add(new String(png, pos + 4, 4, StandardCharsets.US_ASCII));
            pos += 12 + length;
        }
        return types;
    }

    private static byte[] pngChunkData(byte[] png, String type) {
        for (int pos = 8; pos + 12 <= png.length; ) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            if (new String(png, pos + 4, 4, StandardCharsets.US_ASCII).equals(type)) {
                return Arrays.copyOfRange(png, pos + 8, pos + 8 + length);
            }
            pos += 12 + length;
        }
        throw new AssertionError("no " + type);
    }

    private static byte[] deflate(byte[] data) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, n);
    }

    private static byte[] webpChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return chunk.array();
    }

    private static byte[] riff(byte[]... chunks) {
        byte[] body = concat(chunks);
        ByteBuffer riff = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(body);
        return riff.array();
    }
}
