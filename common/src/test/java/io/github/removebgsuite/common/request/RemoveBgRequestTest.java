package io.github.removebgsuite.common.request;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.removebgsuite.common.request.Refusals.refusal;
import static org.assertj.core.api.Assertions.entry;

import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.image.ImageDimensions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RemoveBgRequestTest {

    @TempDir
    Path dir;

    private Path png(String name, int width, int height) throws IOException {
        return Files.write(dir.resolve(name), TestImages.pngHeader(width, height));
    }

    @Test
    void aFileSourceIsABinaryPartAndTheOptionsAreTextFields() throws IOException {
        Path image = png("car.png", 800, 600);
        RemoveBgRequest request = RemoveBgRequest.builder().imageFile(image).size(Size.FULL).format(Format.ZIP)
                .crop(true).cropMargin("10%").shadowType(ForegroundType.CAR, ShadowType.CAR)
                .shadowOpacity(ForegroundType.CAR, 80).build();
        assertThat(request.fileParts()).containsExactly(entry("image_file", ImageSource.file(image)));
        assertThat(request.formFields()).containsExactly(entry("crop", "true"), entry("crop_margin", "10%"),
                entry("format", "zip"), entry("shadow_opacity[car]", "80"), entry("shadow_type[car]", "car"),
                entry("size", "full"));
        assertThat(request.imageDimensions()).contains(new ImageDimensions(800, 600));
        assertThat(request.warnings()).isEmpty();
    }

    @Test
    void fromParametersTakesLocalPathsForFilesAndMatchesTheBuilder() throws IOException {
        Path image = png("a.png", 100, 100);
        Path bg = png("bg.png", 100, 100);
        RemoveBgRequest parsed = RemoveBgRequest.fromParameters(Map.of("image_file", image.toString(),
                "bg_image_file", bg.toString(), "size", "hd", "shadow_type[car]", "3D", "later_param", "1"));
        RemoveBgRequest built = RemoveBgRequest.builder().image(ImageSource.file(image)).bgImageFile(bg)
                .size(Size.HD).shadowType(ForegroundType.CAR, ShadowType.THREE_D).extraParameter("later_param", "1")
                .build();
        assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(parsed.fileParts()).containsOnlyKeys("bg_image_file", "image_file");
        assertThat(parsed.formFields()).containsExactly(entry("later_param", "1"), entry("shadow_type[car]", "3D"),
                entry("size", "hd"));
        assertThat(parsed.backgroundImageFile()).contains(ImageSource.file(bg));
    }

    @Test
    void urlAndBase64SourcesAreTextFields() {
        RemoveBgRequest url = RemoveBgRequest.fromParameters(Map.of("image_url", " https://example.com/a.jpg "));
        assertThat(url.formFields()).containsExactly(entry("image_url", "https://example.com/a.jpg"));
        assertThat(url.fileParts()).isEmpty();
        String b64 = Base64.getEncoder().encodeToString(TestImages.pngHeader(640, 480));
        RemoveBgRequest inline = RemoveBgRequest.builder().imageFileB64(b64).size("preview").build();
        assertThat(inline.formFields()).containsExactly(entry("image_file_b64", b64), entry("size", "preview"));
        assertThat(inline.imageDimensions()).contains(new ImageDimensions(640, 480));
        assertThat(inline.fileParts()).isEmpty();
    }

    @Test
    void optionsAreCombinedWithAnImage() throws IOException {
        RemoveBgOptions options = RemoveBgOptions.fromParameters(Map.of("size", "auto", "format", "jpg",
                "bg_color", "white"));
        RemoveBgRequest request = RemoveBgRequest.builder().options(options).imageFile(png("x.png", 10, 10))
                .build();
        assertThat(request.options()).isEqualTo(options);
        assertThat(request.formFields()).isEqualTo(options.formFields());
        RemoveBgRequest other = request.toBuilder().imageUrl("https://example.com/y.jpg").build();
        assertThat(other.formFields()).containsEntry("image_url", "https://example.com/y.jpg");
        assertThat(request.toBuilder().build()).isEqualTo(request);
    }

    @Test
    void exactlyOneImageSource() throws IOException {
        InvalidParameterException none = refusal(() -> RemoveBgRequest.builder().size(Size.FULL).build());
        assertThat(none.parameter()).isEqualTo("image_file");
        assertThat(none.value()).isNull();
        assertThat(none.allowed()).contains("image_file, image_file_b64 or image_url");

        Path image = png("a.png", 10, 10);
        InvalidParameterException two = refusal(() -> RemoveBgRequest.fromParameters(Map.of(
                "image_file", image.toString(), "image_url", "https://example.com/a.png?token=abc")));
        assertThat(two.parameter()).isEqualTo("image_url");
        assertThat(two.value()).doesNotContain("abc");
        assertThat(two.allowed()).contains("also given: image_file");

        // A typed setter replaces the image, whatever its kind, as any builder setter replaces its value.
        RemoveBgRequest replaced = RemoveBgRequest.builder().imageFile(image).imageUrl("https://a.example/2.png")
                .build();
        assertThat(replaced.formFields()).containsEntry("image_url", "https://a.example/2.png");
        assertThat(replaced.fileParts()).isEmpty();
        // A blank source parameter unsets, so a second source may follow.
        assertThat(RemoveBgRequest.builder().parameter("image_url", "https://a.example/1.png")
                .parameter("image_url", " ").parameter("image_file", image.toString()).build().fileParts())
                .containsKey("image_file");
    }

    @Test
    void aMissingFileIsRefusedBeforeAnyCall() {
        String missing = dir.resolve("nope.jpg").toString();
        InvalidParameterException e = refusal(() -> RemoveBgRequest.fromParameters(Map.of("image_file", missing)));
        assertThat(e.parameter()).isEqualTo("image_file");
        assertThat(e.value()).isEqualTo(missing);
        assertThat(refusal(() -> RemoveBgRequest.builder().imageFile(dir).build()).parameter())
                .isEqualTo("image_file");
    }

    @Test
    void aFileOver22MegabytesIsRefused() throws IOException {
        Path big = dir.resolve("big.jpg");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ImageSourceCheck.MAX_FILE_BYTES + 1); // sparse: nothing is written
        }
        InvalidParameterException e = refusal(() -> RemoveBgRequest.builder().imageFile(big).build());
        assertThat(e.parameter()).isEqualTo("image_file");
        assertThat(e.allowed()).contains("at most 22 MB");
        InvalidParameterException stream = refusal(() -> RemoveBgRequest.builder().image(ImageSource.stream("s.jpg",
                ImageSourceCheck.MAX_FILE_BYTES + 1, () -> new ByteArrayInputStream(new byte[0]))).build());
        assertThat(stream.parameter()).isEqualTo("image_file");
    }

    @Test
    void aCutShortJpegIsRefusedBeforeAnythingIsSentNamingTheParameterAndTheReason() throws IOException {
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(400, 300,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                picture.setRGB(x, y, (x * 7 + y * 13) * 2654435761L > 0 ? x * y : ~(x * y));
            }
        }
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "jpg", jpeg);
        byte[] whole = jpeg.toByteArray();
        assertThat(whole.length).isGreaterThan(4000);
        Path complete = Files.write(dir.resolve("whole.jpg"), whole);
        assertThat(RemoveBgRequest.builder().imageFile(complete).build().fileParts()).containsKey("image_file");

        byte[] cut = java.util.Arrays.copyOf(whole, 2000);
        Path cutFile = Files.write(dir.resolve("cut.jpg"), cut);
        InvalidParameterException file = refusal(() -> RemoveBgRequest.builder().imageFile(cutFile).build());
        assertThat(file.parameter()).isEqualTo("image_file");
        assertThat(file.allowed()).contains("a complete JPG, PNG or WebP image").contains("cut short");
        assertThat(file.getMessage()).contains("image_file").contains("cut.jpg").contains("end-of-image marker");

        InvalidParameterException bytes = refusal(() -> RemoveBgRequest.builder()
                .image(ImageSource.bytes("cut.jpg", cut)).build());
        assertThat(bytes.parameter()).isEqualTo("image_file");
        InvalidParameterException b64 = refusal(() -> RemoveBgRequest.builder()
                .imageFileB64(java.util.Base64.getEncoder().encodeToString(cut)).build());
        assertThat(b64.parameter()).isEqualTo("image_file_b64");
        assertThat(b64.allowed()).contains("cut short");
    }

    @Test
    void aFileOfExactly22MegabytesIsAccepted() throws IOException {
        Path edge = dir.resolve("edge.png");
        Files.write(edge, TestImages.pngHeader(100, 100));
        try (RandomAccessFile f = new RandomAccessFile(edge.toFile(), "rw")) {
            f.setLength(ImageSourceCheck.MAX_FILE_BYTES);
        }
        assertThat(RemoveBgRequest.builder().imageFile(edge).build().fileParts()).containsKey("image_file");
    }

    @Test
    void anInputOver50MegapixelsIsRefusedFromItsHeader() throws IOException {
        assertThat(RemoveBgRequest.builder().imageFile(png("ok.png", 8000, 6250)).build().imageDimensions())
                .contains(new ImageDimensions(8000, 6250));
        InvalidParameterException e = refusal(() -> {
            try {
                RemoveBgRequest.builder().imageFile(png("huge.png", 8000, 6251)).build();
            } catch (IOException io) {
                throw new AssertionError(io);
            }
        });
        assertThat(e.parameter()).isEqualTo("image_file");
        assertThat(e.allowed()).contains("50 megapixels", "8000x6251");
        InvalidParameterException bytes = refusal(() -> RemoveBgRequest.builder()
                .image(ImageSource.bytes("huge.png", TestImages.pngHeader(10000, 10000))).build());
        assertThat(bytes.parameter()).isEqualTo("image_file");
        String b64 = Base64.getEncoder().encodeToString(TestImages.pngHeader(10000, 10000));
        assertThat(refusal(() -> RemoveBgRequest.fromParameters(Map.of("image_file_b64", b64))).parameter())
                .isEqualTo("image_file_b64");
    }

    @ParameterizedTest
    @EnumSource(value = Size.class, names = {"FULL", "FOUR_K", "MP50", "AUTO"})
    void pngAtOriginalResolutionOver10MegapixelsIsRefusedWithTheZipOrWebpHint(Size size) throws IOException {
        Path image = png("big.png", 4000, 2501);
        InvalidParameterException e = refusal(() -> RemoveBgRequest.builder().imageFile(image).format(Format.PNG)
                .size(size).build());
        assertThat(e.parameter()).isEqualTo("format");
        assertThat(e.value()).isEqualTo("png");
        assertThat(e.getMessage()).contains("use format=zip or format=webp for transparent results above 10"
                + " megapixels");
    }

    @Test
    void pngIsFineAtTenMegapixelsOrWhenTheSizeShrinksTheImage() throws IOException {
        Path ten = png("ten.png", 4000, 2500);
        Path eleven = png("eleven.png", 4000, 2750);
        assertThat(RemoveBgRequest.builder().imageFile(ten).format(Format.PNG).size(Size.FULL).build()).isNotNull();
        for (Size size : new Size[] {Size.PREVIEW, Size.SMALL, Size.REGULAR, Size.MEDIUM, Size.HD}) {
            assertThat(RemoveBgRequest.builder().imageFile(eleven).format(Format.PNG).size(size).build()
                    .formFields()).containsEntry("format", "png");
        }
        // Without a size the API's default (preview) applies, which is small enough.
        assertThat(RemoveBgRequest.builder().imageFile(eleven).format(Format.PNG).build().formFields())
                .containsEntry("format", "png");
        for (Format format : new Format[] {Format.ZIP, Format.WEBP, Format.JPG}) {
            assertThat(RemoveBgRequest.builder().imageFile(eleven).format(format).size(Size.FULL).build()
                    .warnings()).isEmpty();
        }
    }

    @Test
    void formatAutoOnALargeInputWarnsThatPngIsLimited() throws IOException {
        RemoveBgRequest request = RemoveBgRequest.builder().imageFile(png("e.png", 4000, 2750)).size(Size.FULL)
                .build();
        assertThat(request.warnings()).singleElement().asString().contains("format=zip or format=webp");
    }

    @Test
    void base64MustBeValid() {
        for (String bad : new String[] {"not base64!", "abc", "ab=c", "data:image/png;base64,iVBORw0KGgo="}) {
            InvalidParameterException e = refusal(() -> RemoveBgRequest.fromParameters(Map.of("image_file_b64", bad)));
            assertThat(e.parameter()).isEqualTo("image_file_b64");
            assertThat(e.allowed()).contains("base64");
        }
        assertThat(refusal(() -> RemoveBgRequest.builder().imageFileB64("%%%%").build()).parameter())
                .isEqualTo("image_file_b64");
    }

    @Test
    void imageUrlMustBeAbsoluteHttp() {
        for (String bad : new String[] {"/local/file.jpg", "ftp://example.com/a.jpg", "https:///a.jpg"}) {
            assertThat(refusal(() -> RemoveBgRequest.fromParameters(Map.of("image_url", bad))).parameter())
                    .isEqualTo("image_url");
            assertThat(refusal(() -> RemoveBgRequest.builder().imageUrl(bad)).parameter()).isEqualTo("image_url");
        }
    }

    @Test
    void optionErrorsFromTheRequestBuilderNameTheParameter() {
        Map<String, String> p = new HashMap<>();
        p.put("image_url", "https://example.com/a.jpg");
        p.put("crop_margin", "60%");
        InvalidParameterException e = refusal(() -> RemoveBgRequest.fromParameters(p));
        assertThat(e.parameter()).isEqualTo("crop_margin");
        assertThat(e.value()).isEqualTo("60%");
    }

    @Test
    void toStringCarriesNeitherImageDataNorUrlSecrets() {
        String b64 = Base64.getEncoder().encodeToString(TestImages.pngHeader(64, 64));
        RemoveBgRequest inline = RemoveBgRequest.builder().imageFileB64(b64).size(Size.FULL).build();
        assertThat(inline.toString()).contains("size=full", "base64 characters").doesNotContain(b64);
        RemoveBgRequest bytes = RemoveBgRequest.builder().image(ImageSource.bytes("a.png", TestImages.pngHeader(5, 5)))
                .build();
        assertThat(bytes.toString()).contains("a.png", "bytes");
        RemoveBgRequest signed = RemoveBgRequest.builder()
                .imageUrl("https://bucket.example.com/a.jpg?X-Amz-Credential=AKIA123&sig=zzz").build();
        assertThat(signed.toString()).contains("bucket.example.com/a.jpg").doesNotContain("AKIA123", "zzz");
        assertThat(signed.image().toString()).doesNotContain("AKIA123");
    }

    @Test
    void warningsOfTheOptionsAreTheRequestsToo() {
        RemoveBgRequest request = RemoveBgRequest.fromParameters(Map.of("image_url", "https://example.com/a.jpg",
                "crop_margin", "5px", "add_shadow", "true"));
        assertThat(request.warnings()).hasSize(2);
        assertThat(request.formFields()).containsEntry("shadow_type[car]", "car").doesNotContainKey("add_shadow");
    }
}
