package io.github.removebgsuite.emulator;

import static io.github.removebgsuite.emulator.EmulatorHttp.KEY;
import static io.github.removebgsuite.emulator.EmulatorHttp.decode;
import static io.github.removebgsuite.emulator.EmulatorHttp.header;
import static io.github.removebgsuite.emulator.EmulatorHttp.removeBg;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every processing parameter changes the pixels or headers as documented. */
class RemoveBackgroundParametersTest {
    @RegisterExtension
    static final RemoveBgEmulatorExtension REMOVE_BG =
            RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("1000"));

    private static RemoveBgEmulator emu() {
        return REMOVE_BG.emulator();
    }

    @Test
    void defaultsGiveATransparentPngWithTheSubjectsBox() {
        HttpResponse<byte[]> r = removeBg(emu());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Content-Type")).isEqualTo("image/png");
        assertThat(header(r, "X-Width")).isEqualTo("100");
        assertThat(header(r, "X-Height")).isEqualTo("80");
        assertThat(header(r, "X-Credits-Charged")).isEqualTo("0.25");
        assertThat(header(r, "X-Type")).isEqualTo("product");
        assertThat(header(r, "X-Foreground-Left")).isEqualTo("30");
        assertThat(header(r, "X-Foreground-Top")).isEqualTo("20");
        assertThat(header(r, "X-Foreground-Width")).isEqualTo("40");
        assertThat(header(r, "X-Foreground-Height")).isEqualTo("40");
        BufferedImage image = decode(r.body());
        assertThat(image.getRGB(5, 5) >>> 24).isZero();
        assertThat(image.getRGB(50, 40) >>> 24).isEqualTo(255);
        assertThat(new Color(image.getRGB(50, 40)).getBlue()).as("the subject keeps its colour").isBetween(190, 210);
        assertThat(image.getRGB(30, 20) >>> 24).as("soft edge").isBetween(1, 254);
    }

    @Test
    void cropChangesTheSizeAndMarginAddsToIt() {
        HttpResponse<byte[]> cropped = removeBg(emu(), "crop", "true");
        HttpResponse<byte[]> margin = removeBg(emu(), "crop", "true", "crop_margin", "10px 5px");
        HttpResponse<byte[]> relative = removeBg(emu(), "crop", "true", "crop_margin", "25%");

        assertThat(header(cropped, "X-Width")).isEqualTo("40");
        assertThat(header(cropped, "X-Height")).isEqualTo("40");
        assertThat(header(cropped, "X-Foreground-Left")).isEqualTo("0");
        assertThat(decode(cropped.body()).getWidth()).isEqualTo(40);
        assertThat(header(margin, "X-Width")).isEqualTo("50");
        assertThat(header(margin, "X-Height")).isEqualTo("60");
        assertThat(header(margin, "X-Foreground-Left")).isEqualTo("5");
        assertThat(header(margin, "X-Foreground-Top")).isEqualTo("10");
        assertThat(header(relative, "X-Width")).isEqualTo("60");
    }

    @Test
    void bgColorPaintsTheBackgroundAndAutoFormatTurnsJpg() {
        HttpResponse<byte[]> red = removeBg(emu(), "bg_color", "ff0000");
        HttpResponse<byte[]> named = removeBg(emu(), "bg_color", "green", "format", "png");
        HttpResponse<byte[]> translucent = removeBg(emu(), "bg_color", "ff000080");

        assertThat(header(red, "Content-Type")).isEqualTo("image/jpeg");
        Color corner = new Color(decode(red.body()).getRGB(3, 3));
        assertThat(corner.getRed()).isGreaterThan(240);
        assertThat(corner.getGreen()).isLessThan(15);
        assertThat(decode(named.body()).getRGB(3, 3)).isEqualTo(0xff008000);
        assertThat(header(translucent, "Content-Type")).isEqualTo("image/png");
        assertThat(decode(translucent.body()).getRGB(3, 3) >>> 24).isEqualTo(0x80);
    }

    @Test
    void alphaChannelGivesAGreyMask() {
        HttpResponse<byte[]> r = removeBg(emu(), "channels", "alpha", "format", "png");

        BufferedImage mask = decode(r.body());
        assertThat(mask.getColorModel().getNumComponents()).isEqualTo(1);
        assertThat(mask.getRaster().getSample(5, 5, 0)).isZero();
        assertThat(mask.getRaster().getSample(50, 40, 0)).isEqualTo(255);
    }

    @Test
    void zipHoldsExactlyColorJpgAndAlphaPng() throws IOException {
        HttpResponse<byte[]> r = removeBg(emu(), "format", "zip");

        assertThat(header(r, "Content-Type")).isEqualTo("application/zip");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys("color.jpg", "alpha.png");
        BufferedImage alpha = decode(entries.get("alpha.png"));
        assertThat(alpha.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(alpha.getRaster().getSample(5, 5, 0)).isZero();
        assertThat(alpha.getRaster().getSample(50, 40, 0)).isEqualTo(255);
        BufferedImage color = decode(entries.get("color.jpg"));
        assertThat(color.getColorModel().hasAlpha()).isFalse();
        assertThat(new Color(color.getRGB(50, 40)).getBlue()).isGreaterThan(180);
    }

    @Test
    void jpgAndWebpOutputs() {
        HttpResponse<byte[]> jpg = removeBg(emu(), "format", "jpg");
        HttpResponse<byte[]> webp = removeBg(emu(), "format", "webp");

        assertThat(header(jpg, "Content-Type")).isEqualTo("image/jpeg");
        assertThat(new Color(decode(jpg.body()).getRGB(3, 3)).getRed()).as("flattened on white").isGreaterThan(240);
        assertThat(header(webp, "Content-Type")).isEqualTo("image/webp");
        BufferedImage image = decode(webp.body());
        assertThat(image.getRGB(5, 5) >>> 24).isZero();
        assertThat(image.getRGB(50, 40) >>> 24).isEqualTo(255);
    }

    @Test
    void roiLimitsTheForeground() {
        HttpResponse<byte[]> r = removeBg(emu(), "roi", "0% 0% 50% 100%");
        HttpResponse<byte[]> px = removeBg(emu(), "roi", "0px 0px 50px 80px");

        assertThat(header(r, "X-Foreground-Width")).isEqualTo("20");
        assertThat(decode(r.body()).getRGB(60, 40) >>> 24).isZero();
        assertThat(header(px, "X-Foreground-Width")).isEqualTo("20");
    }

    @Test
    void scaleAndPositionMoveTheSubject() {
        HttpResponse<byte[]> scaled = removeBg(emu(), "scale", "50%");
        HttpResponse<byte[]> topLeft = removeBg(emu(), "position", "0% 0%");

        assertThat(header(scaled, "X-Foreground-Height")).isEqualTo("40");
        assertThat(header(scaled, "X-Foreground-Left")).isEqualTo("30");
        HttpResponse<byte[]> bigger = removeBg(emu(), "scale", "100%");
        assertThat(header(bigger, "X-Foreground-Height")).isEqualTo("80");
        assertThat(header(bigger, "X-Foreground-Left")).isEqualTo("10");
        assertThat(header(topLeft, "X-Foreground-Left")).isEqualTo("0");
        assertThat(header(topLeft, "X-Foreground-Top")).isEqualTo("0");
        assertThat(decode(topLeft.body()).getRGB(10, 10) >>> 24).isEqualTo(255);
    }

    @Test
    void backgroundImageFillsTheCanvas() {
        EmulatorHttp.Multipart form = new EmulatorHttp.Multipart()
                .file("image_file", "a.jpg", EmulatorHttp.sampleJpg())
                .file("bg_image_file", "bg.png", EmulatorHttp.encode(EmulatorHttp.solid(20, 40, Color.ORANGE), "png"))
                .field("format", "png");
        HttpResponse<byte[]> r = EmulatorHttp.post(emu(), "/removebg", form, EmulatorHttp.auth());

        assertThat(r.statusCode()).isEqualTo(200);
        BufferedImage image = decode(r.body());
        assertThat(image.getRGB(2, 2)).isEqualTo(Color.ORANGE.getRGB());
        assertThat(image.getRGB(97, 77)).isEqualTo(Color.ORANGE.getRGB());
        assertThat(new Color(image.getRGB(50, 40)).getBlue()).isBetween(190, 210);
    }

    @Test
    void shadowsDarkenTheGroundAndFollowOpacity() {
        HttpResponse<byte[]> none = removeBg(emu(), "bg_color", "ffffff");
        HttpResponse<byte[]> drop = removeBg(emu(), "shadow_type", "drop", "bg_color", "ffffff");
        HttpResponse<byte[]> light = removeBg(emu(), "shadow_type", "drop", "shadow_opacity", "20", "bg_color", "ffffff");
        HttpResponse<byte[]> perType = removeBg(emu(), "shadow_type[product]", "drop", "shadow_opacity[product]", "20",
                "bg_color", "ffffff");
        HttpResponse<byte[]> otherType = removeBg(emu(), "shadow_type[car]", "car", "bg_color", "ffffff");

        int x = 70;
        int y = 61; // just below and right of the square, where a drop shadow falls
        assertThat(grey(none, x, y)).isGreaterThan(245);
        int dark = grey(drop, x, y);
        int lighter = grey(light, x, y);
        assertThat(dark).isLessThan(220);
        assertThat(lighter).isGreaterThan(dark).isLessThan(250);
        assertThat(grey(perType, x, y)).isEqualTo(lighter);
        assertThat(grey(otherType, x, y)).as("no shadow for an unmentioned type").isGreaterThan(245);
    }

    private static int grey(HttpResponse<byte[]> r, int x, int y) {
        return new Color(decode(r.body()).getRGB(x, y)).getGreen();
    }

    @Test
    void typeAndTypeLevelSetXType() {
        assertThat(header(removeBg(emu(), "type", "person"), "X-Type")).isEqualTo("person");
        assertThat(header(removeBg(emu(), "type", "graphic", "type_level", "1"), "X-Type")).isEqualTo("other");
        assertThat(header(removeBg(emu(), "type", "graphic", "type_level", "2"), "X-Type")).isEqualTo("graphics");
        assertThat(header(removeBg(emu(), "type_level", "none"), "X-Type")).isNull();
    }

    @Test
    void sizeLimitsTheOutputResolutionAndPrice() {
        BufferedImage big = EmulatorHttp.solid(1000, 800, Color.WHITE);
        java.awt.Graphics2D g = big.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(300, 200, 400, 400);
        g.dispose();
        byte[] png = EmulatorHttp.encode(big, "png");
        Map<String, String> expected = Map.of("preview", "0.25", "small", "0.25", "regular", "0.25", "medium", "1",
                "full", "1", "4k", "1", "50MP", "1", "auto", "1", "hd", "1");
        List<String> sizes = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            EmulatorHttp.Multipart form = new EmulatorHttp.Multipart().field("size", e.getKey())
                    .file("image_file", "big.png", png).field("format", "jpg");
            HttpResponse<byte[]> r = EmulatorHttp.post(emu(), "/removebg", form, EmulatorHttp.auth());
            assertThat(header(r, "X-Credits-Charged")).as(e.getKey()).isEqualTo(e.getValue());
            long pixels = Long.parseLong(header(r, "X-Width")) * Long.parseLong(header(r, "X-Height"));
            if (e.getValue().equals("0.25")) {
                assertThat(pixels).as(e.getKey()).isLessThanOrEqualTo(250_000).isGreaterThan(240_000);
            } else {
                assertThat(pixels).as(e.getKey()).isEqualTo(800_000);
            }
            sizes.add(e.getKey());
        }
        assertThat(sizes).hasSize(9);
    }

    @Test
    void jsonAnswerCarriesTheResultAndForeground() throws IOException {
        EmulatorHttp.Multipart form = new EmulatorHttp.Multipart().file("image_file", "a.jpg", EmulatorHttp.sampleJpg());
        Map<String, String> headers = EmulatorHttp.auth();
        headers.put("Accept", "application/json");
        HttpResponse<byte[]> r = EmulatorHttp.post(emu(), "/removebg", form, headers);

        assertThat(header(r, "Content-Type")).startsWith("application/json");
        JsonNode data = new ObjectMapper().readTree(r.body()).get("data");
        assertThat(data.get("foreground_top").asInt()).isEqualTo(20);
        assertThat(data.get("foreground_left").asInt()).isEqualTo(30);
        assertThat(decode(Base64.getDecoder().decode(data.get("result_b64").asText())).getWidth()).isEqualTo(100);
        assertThat(header(r, "X-Width")).isEqualTo("100");
    }

    @Test
    void semitransparencyMakesEnclosedBackgroundOfCarsTranslucent() {
        BufferedImage car = EmulatorHttp.solid(200, 80, Color.WHITE);
        java.awt.Graphics2D g = car.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(20, 20, 160, 40);
        g.setColor(Color.WHITE);
        g.fillRect(60, 28, 30, 12); // a "window" showing the background
        g.dispose();
        byte[] png = EmulatorHttp.encode(car, "png");
        HttpResponse<byte[]> on = EmulatorHttp.post(emu(), "/removebg",
                new EmulatorHttp.Multipart().file("image_file", "car.png", png), EmulatorHttp.auth());
        HttpResponse<byte[]> off = EmulatorHttp.post(emu(), "/removebg", new EmulatorHttp.Multipart()
                .file("image_file", "car.png", png).field("semitransparency", "false"), EmulatorHttp.auth());

        assertThat(header(on, "X-Type")).isEqualTo("car");
        assertThat(decode(on.body()).getRGB(75, 34) >>> 24).isEqualTo(128);
        assertThat(decode(off.body()).getRGB(75, 34) >>> 24).isEqualTo(255);
    }

    @Test
    void enclosedBackgroundOfOtherSubjectsIsAHole() {
        BufferedImage mug = EmulatorHttp.solid(120, 100, Color.WHITE);
        java.awt.Graphics2D g = mug.createGraphics();
        g.setColor(new Color(160, 80, 40));
        g.fillRect(20, 20, 50, 60);
        g.fillRect(70, 35, 25, 30); // handle
        g.setColor(Color.WHITE);
        g.fillRect(75, 42, 14, 16); // the handle's inside shows the background
        g.dispose();
        HttpResponse<byte[]> r = EmulatorHttp.post(emu(), "/removebg", new EmulatorHttp.Multipart()
                .file("image_file", "mug.png", EmulatorHttp.encode(mug, "png")), EmulatorHttp.auth());

        BufferedImage result = decode(r.body());
        assertThat(result.getRGB(82, 50) >>> 24).as("inside the handle").isZero();
        assertThat(result.getRGB(72, 50) >>> 24).as("the handle itself").isEqualTo(255);
        assertThat(header(r, "X-Foreground-Width")).isEqualTo("75");
    }
}
