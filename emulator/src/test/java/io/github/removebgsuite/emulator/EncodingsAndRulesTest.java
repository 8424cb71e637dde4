package io.github.removebgsuite.emulator;

import static io.github.removebgsuite.emulator.EmulatorHttp.KEY;
import static io.github.removebgsuite.emulator.EmulatorHttp.decode;
import static io.github.removebgsuite.emulator.EmulatorHttp.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The form-urlencoded encoding, URL backgrounds, legacy {@code add_shadow}, and the documented tables. */
class EncodingsAndRulesTest {
    @RegisterExtension
    static final RemoveBgEmulatorExtension REMOVE_BG = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("50"));

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static HttpResponse<byte[]> urlEncoded(String body) {
        return EmulatorHttp.send(REMOVE_BG.emulator(), "/removebg", "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8), EmulatorHttp.auth());
    }

    @Test
    void formUrlEncodedBodiesWithBracketKeys() {
        String b64 = Base64.getEncoder().encodeToString(EmulatorHttp.samplePng());
        HttpResponse<byte[]> plain = urlEncoded(form("image_file_b64", b64, "bg_color", "fff"));
        HttpResponse<byte[]> shadow = urlEncoded(form("image_file_b64", b64, "bg_color", "fff",
                "shadow_type[product]", "drop", "crop", "true", "crop_margin", "10px"));

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(header(plain, "X-Width")).isEqualTo("100");
        assertThat(header(shadow, "X-Foreground-Width")).isEqualTo("40");
        assertThat(Integer.parseInt(header(shadow, "X-Width"))).as("crop keeps the shadow, plus 10 px margins")
                .isGreaterThan(40 + 20);
        assertThat(new Color(decode(shadow.body()).getRGB(51, 30)).getGreen()).as("shadow right of the subject")
                .isLessThan(230);
        assertThat(new Color(decode(plain.body()).getRGB(71, 40)).getGreen()).isGreaterThan(245);
    }

    @Test
    void backgroundImageFromALoopbackUrl() throws IOException {
        byte[] teal = EmulatorHttp.encode(EmulatorHttp.solid(300, 100, new Color(0, 128, 128)), "png");
        HttpServer images = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        images.createContext("/bg.png", exchange -> {
            exchange.sendResponseHeaders(200, teal.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(teal);
            }
        });
        images.start();
        try {
            String url = "http://127.0.0.1:" + images.getAddress().getPort() + "/bg.png";
            HttpResponse<byte[]> r = EmulatorHttp.removeBg(REMOVE_BG.emulator(), "bg_image_url", url,
                    "format", "png");
            assertThat(r.statusCode()).isEqualTo(200);
            BufferedImage image = decode(r.body());
            assertThat(image.getRGB(1, 1)).isEqualTo(0xff008080);
            assertThat(image.getRGB(98, 78)).isEqualTo(0xff008080);
        } finally {
            images.stop(0);
        }
    }

    @Test
    void legacyAddShadowOnlyShadowsCars() {
        BufferedImage car = EmulatorHttp.solid(200, 80, Color.WHITE);
        java.awt.Graphics2D g = car.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(20, 20, 160, 40);
        g.dispose();
        byte[] png = EmulatorHttp.encode(car, "png");
        HttpResponse<byte[]> asCar = EmulatorHttp.post(REMOVE_BG.emulator(), "/removebg", new EmulatorHttp.Multipart()
                .file("image_file", "car.png", png).field("add_shadow", "true").field("bg_color", "ffffff"),
                EmulatorHttp.auth());
        HttpResponse<byte[]> asProduct = EmulatorHttp.post(REMOVE_BG.emulator(), "/removebg",
                new EmulatorHttp.Multipart().file("image_file", "car.png", png).field("add_shadow", "true")
                        .field("type", "product").field("bg_color", "ffffff"), EmulatorHttp.auth());

        assertThat(header(asCar, "X-Type")).isEqualTo("car");
        assertThat(new Color(decode(asCar.body()).getRGB(100, 61)).getGreen()).as("car shadow under the car")
                .isLessThan(200);
        assertThat(new Color(decode(asProduct.body()).getRGB(100, 61)).getGreen()).isGreaterThan(245);
    }

    @Test
    void rateLimitCostFollowsTheDocumentedTable() {
        assertThat(MegapixelRateLimit.cost(625, 400)).isEqualTo(1);
        assertThat(MegapixelRateLimit.cost(1200, 800)).isEqualTo(1);
        assertThat(MegapixelRateLimit.cost(1600, 1200)).isEqualTo(2);
        assertThat(MegapixelRateLimit.cost(2500, 1600)).isEqualTo(4);
        assertThat(MegapixelRateLimit.cost(4000, 2500)).isEqualTo(10);
        assertThat(MegapixelRateLimit.cost(6250, 4000)).isEqualTo(25);
        assertThat(MegapixelRateLimit.cost(8000, 6250)).isEqualTo(50);
    }

    @Test
    void colourSyntaxes() {
        assertThat(CssColors.parse("81d4fa")).contains(0xff81d4fa);
        assertThat(CssColors.parse("#FFF")).contains(0xffffffff);
        assertThat(CssColors.parse("81d4fa77")).contains(0x7781d4fa);
        assertThat(CssColors.parse("f008")).contains(0x88ff0000);
        assertThat(CssColors.parse("Green")).contains(0xff008000);
        assertThat(CssColors.parse("12345")).isEmpty();
        assertThat(CssColors.parse("blurple")).isEmpty();
    }
}
