package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.imagej.privacy.TestMetadata;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/**
 * What leaves the machine, judged on the bytes the plugin really uploads (captured by mockwebserver3 on loopback,
 * since the emulator keeps only their hash): with {@code strip_metadata}, no camera, GPS, date, XMP, IPTC or
 * comment, but the orientation, the colour profile and every image byte; without it, the file as it is.
 */
class UploadPrivacyTest {

    private static FijiBench bench;

    @TempDir
    Path temp;

    private MockWebServer server;

    @BeforeAll
    static void start() {
        bench = FijiBench.shared();
    }

    @BeforeEach
    void startServer() throws IOException {
        bench.reset();
        server = new MockWebServer();
        server.start();
        bench.service.setBaseUrl(server.url("/v1.0").toString());
    }

    @AfterEach
    void stopServer() {
        bench.service.setBaseUrl(bench.emulator.baseUrl());
        server.close();
    }

    @Test
    void folderUploadWithStrippingCarriesNoIdentifyingMetadataButKeepsOrientationAndProfile() throws Exception {
        byte[] plain = jpeg();
        byte[] tagged = TestMetadata.jpegWithMetadata(plain, 6);
        Path in = temp.resolve("in");
        Files.createDirectories(in.resolve("visit 3"));
        Files.write(in.resolve("visit 3").resolve("photo.jpg"), tagged);
        server.enqueue(result());

        CommandModule module = bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(),
                "output_dir", temp.resolve("out").toFile(), "api_key", FijiBench.KEY, "format", "png",
                "strip_metadata", true);

        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        assertThat(module.getOutput("processed")).isEqualTo(1);
        Upload upload = upload(server.takeRequest(5, TimeUnit.SECONDS));
        assertThat(upload.fileName).as("the original file name is not sent").isEqualTo("image.jpg");
        assertThat(TestMetadata.SECRETS).noneMatch(secret -> TestMetadata.contains(upload.bytes, secret));
        List<Object[]> segments = TestMetadata.jpegSegments(upload.bytes);
        byte[] exif = segments.stream().filter(s -> (Integer) s[0] == 0xe1).map(s -> (byte[]) s[1]).findFirst()
                .orElseThrow(() -> new AssertionError("the orientation was dropped"));
        assertThat(Map.copyOf(TestMetadata.ifd0(exif, 6))).isEqualTo(Map.of(0x0112, 6));
        byte[] icc = segments.stream().filter(s -> (Integer) s[0] == 0xe2).map(s -> (byte[]) s[1]).findFirst()
                .orElseThrow(() -> new AssertionError("the colour profile was dropped"));
        assertThat(Arrays.copyOfRange(icc, 14, icc.length)).isEqualTo(TestMetadata.iccProfile());
        byte[] scan = (byte[]) segments.get(segments.size() - 1)[1];
        List<Object[]> original = TestMetadata.jpegSegments(plain);
        assertThat(scan).isEqualTo((byte[]) original.get(original.size() - 1)[1]);
        // the result lands under the original's name, and the temporary copies are gone
        assertThat(temp.resolve("out").resolve("visit 3").resolve("photo.png")).isRegularFile();
        assertThat(bench.log).noneMatch(line -> line.contains("removebg-fiji-upload-"));
        try (var leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(leftovers).noneMatch(p -> p.getFileName().toString().startsWith("removebg-fiji-upload-"));
        }
    }

    @Test
    void folderUploadWithoutStrippingSendsTheFileAsItIs() throws Exception {
        byte[] tagged = TestMetadata.jpegWithMetadata(jpeg(), 6);
        Path in = temp.resolve("in");
        Files.createDirectories(in);
        Files.write(in.resolve("photo.jpg"), tagged);
        server.enqueue(result());

        CommandModule module = bench.run(RemoveBackgroundFolderCommand.class, "input_dir", in.toFile(),
                "output_dir", temp.resolve("out").toFile(), "api_key", FijiBench.KEY, "format", "png");

        assertThat(module.getOutput("processed")).isEqualTo(1);
        Upload upload = upload(server.takeRequest(5, TimeUnit.SECONDS));
        assertThat(upload.bytes).isEqualTo(tagged);
        assertThat(upload.fileName).isEqualTo("photo.jpg");
    }

    @Test
    void imageUploadIsPixelsOnlyAndStrippingAlsoHidesTheTitle() throws Exception {
        ij.ImagePlus image = TestImages.rgb("patient-4711 left eye.tif");
        image.setProperty("Info", "ImageJ info: patient 4711");
        image.getCalibration().pixelWidth = 0.2;
        server.enqueue(result());
        server.enqueue(result());

        CommandModule named = bench.run(RemoveBackgroundCommand.class, "imp", image, "api_key", FijiBench.KEY,
                "format", "png");
        CommandModule anonymous = bench.run(RemoveBackgroundCommand.class, "imp", image, "api_key", FijiBench.KEY,
                "format", "png", "strip_metadata", true);

        assertThat(named.isCanceled()).as(String.valueOf(named.getCancelReason())).isFalse();
        assertThat(anonymous.isCanceled()).as(String.valueOf(anonymous.getCancelReason())).isFalse();
        Upload first = upload(server.takeRequest(5, TimeUnit.SECONDS));
        Upload second = upload(server.takeRequest(5, TimeUnit.SECONDS));
        assertThat(first.fileName).isEqualTo("patient-4711_left_eye.png");
        assertThat(second.fileName).isEqualTo("image.png");
        for (Upload upload : List.of(first, second)) {
            assertThat(TestMetadata.contains(upload.bytes, "4711")).isFalse();
            assertThat(pngChunkTypes(upload.bytes)).allMatch(type -> List.of("IHDR", "PLTE", "IDAT", "IEND")
                    .contains(type) || List.of("sRGB", "gAMA", "cHRM", "pHYs", "sBIT", "tRNS").contains(type));
        }
        assertThat(second.bytes).isEqualTo(first.bytes);
    }

    private record Upload(String fileName, byte[] bytes) {
    }

    private static Upload upload(RecordedRequest request) {
        assertThat(request).as("an upload reached the server").isNotNull();
        String contentType = request.getHeaders().get("Content-Type");
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
        byte[] body = request.getBody().toByteArray();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int part = text.indexOf("name=\"image_file\"");
        assertThat(part).as("an image_file part").isPositive();
        int nameStart = text.indexOf("filename=\"", part) + 10;
        String fileName = text.substring(nameStart, text.indexOf('"', nameStart));
        int start = text.indexOf("\r\n\r\n", part) + 4;
        int end = text.indexOf("\r\n--" + boundary, start);
        return new Upload(fileName, Arrays.copyOfRange(body, start, end));
    }

    private static MockResponse result() throws IOException {
        BufferedImage image = new BufferedImage(TestImages.WIDTH, TestImages.HEIGHT, BufferedImage.TYPE_INT_ARGB);
        for (int y = TestImages.SUBJECT.y; y < TestImages.SUBJECT.y + TestImages.SUBJECT.height; y++) {
            for (int x = TestImages.SUBJECT.x; x < TestImages.SUBJECT.x + TestImages.SUBJECT.width; x++) {
                image.setRGB(x, y, 0xffc82820);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "image/png")
                .addHeader("X-Credits-Charged", "1")
                .addHeader("X-Type", "product")
                .addHeader("X-Width", TestImages.WIDTH)
                .addHeader("X-Height", TestImages.HEIGHT)
                .body(new Buffer().write(png.toByteArray()))
                .build();
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(TestImages.WIDTH, TestImages.HEIGHT, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(235, 235, 235));
        g.fillRect(0, 0, TestImages.WIDTH, TestImages.HEIGHT);
        g.setColor(new java.awt.Color(200, 40, 30));
        g.fill(TestImages.SUBJECT);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static List<String> pngChunkTypes(byte[] png) {
        List<String> types = new java.util.ArrayList<>();
        for (int pos = 8; pos + 12 <= png.length; ) {
            int length = java.nio.ByteBuffer.wrap(png, pos, 4).getInt();
            types.add(new String(png, pos + 4, 4, StandardCharsets.US_ASCII));
            pos += 12 + length;
        }
        return types;
    }
}
