package io.github.removebgsuite.common.hostile;

import com.sun.net.httpserver.HttpServer;
import io.github.removebgsuite.common.client.RemoveBgClient;
import io.github.removebgsuite.common.compose.ZipComposer;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.request.ImageSource;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Runs in a child JVM with a small heap ({@link HostileInputTest}): each hostile input must be refused with a clear
 * {@link RemoveBgException}; an OutOfMemoryError ends the JVM (-XX:+ExitOnOutOfMemoryError) and fails the test.
 * Prints {@code refused <case>: <message>} per case and exits 0 when every case was refused.
 */
public final class HostileInputMain {
    private static int refused;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        byte[] jpeg = jpeg();

        // 1. A ZIP bomb: an alpha.png with a proper 1000 x 1000 header whose IDAT inflates to 400 MB of zeros from
        //    about 400 KB.
        byte[] bomb = zip(jpeg, "alpha.png", pngHeaderOnly(1000, 1000, false), 400L * 1024 * 1024);
        expectRefusal("zip bomb", () -> new ZipComposer().compose(bomb));

        // 2. A PNG whose header claims 100000 x 100000 pixels (valid CRC, no pixel data worth the name).
        byte[] giant = pngHeaderOnly(100_000, 100_000, true);
        expectRefusal("100000x100000 png as input", () -> RemoveBgRequest.builder()
                .image(ImageSource.bytes("giant.png", giant)).build());
        byte[] giantZip = zipOf(jpeg, giant);
        expectRefusal("100000x100000 alpha in a zip", () -> new ZipComposer().compose(giantZip));

        // 3. An input that is not an image.
        Path text = Files.writeString(dir.resolve("notes.jpg"), "this is not an image");
        expectRefusal("input that is not an image", () -> RemoveBgRequest.builder().imageFile(text).build());

        // 4. An answer claiming an enormous Content-Length.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, 50_000_000_000L);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            } catch (IOException e) {
                // the client hung up, as it should
            }
        });
        server.start();
        try (RemoveBgClient client = RemoveBgClient.builder().apiKey("hostile-test-key")
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0").build()) {
            expectRefusal("enormous Content-Length", () -> client.removeBackground(
                    RemoveBgRequest.builder().imageUrl("https://example.invalid/a.jpg").build()));
        } finally {
            server.stop(0);
        }
        System.out.println("refused " + refused + " of 5");
        System.exit(refused == 5 ? 0 : 1);
    }

    private static void expectRefusal(String name, Runnable action) {
        try {
            action.run();
            System.out.println("ACCEPTED " + name);
        } catch (RemoveBgException e) {
            refused++;
            System.out.println("refused " + name + ": " + e.getMessage());
        }
    }

    private static byte[] jpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    /** color.jpg plus an entry of {@code head} followed by {@code zeros} zero bytes, deflated. */
    private static byte[] zip(byte[] color, String name, byte[] head, long zeros) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("color.jpg"));
            zip.write(color);
            zip.putNextEntry(new ZipEntry(name));
            zip.write(head);
            zip.write(ByteBuffer.allocate(8).putInt((int) Math.min(Integer.MAX_VALUE, zeros)).put("IDAT"
                    .getBytes(StandardCharsets.US_ASCII)).array());
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < zeros; written += block.length) {
                zip.write(block);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zipOf(byte[] color, byte[] alpha) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("color.jpg"));
            zip.write(color);
            zip.putNextEntry(new ZipEntry("alpha.png"));
            zip.write(alpha);
        }
        return bytes.toByteArray();
    }

    /** A PNG signature and an IHDR chunk (8-bit grey) claiming the given size, then (if asked) an empty IEND. */
    private static byte[] pngHeaderOnly(int width, int height, boolean end) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        if (end) {
            chunk(out, "IEND", new byte[0]);
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private HostileInputMain() {
    }
}
