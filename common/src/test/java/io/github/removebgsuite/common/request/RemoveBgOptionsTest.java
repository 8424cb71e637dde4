package io.github.removebgsuite.common.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.github.removebgsuite.common.request.Refusals.refusal;
import static org.assertj.core.api.Assertions.entry;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RemoveBgOptionsTest {

    @Test
    void defaultsSendNothing() {
        assertThat(RemoveBgOptions.defaults().formFields()).isEmpty();
        assertThat(RemoveBgOptions.defaults().warnings()).isEmpty();
        assertThat(RemoveBgOptions.defaults()).isEqualTo(RemoveBgOptions.builder().build());
        assertThat(RemoveBgOptions.fromParameters(Map.of())).isEqualTo(RemoveBgOptions.defaults());
    }

    @Test
    void everyParameterIsSentByItsApiNameWithItsExactWireValueInSortedOrder() {
        RemoveBgOptions options = RemoveBgOptions.builder()
                .size(Size.MP50).type(ForegroundType.PRODUCT).typeLevel(TypeLevel.TWO).format(Format.ZIP)
                .roi("0% 0% 100% 100%").crop(true).cropMargin("10px 5%").scale("80%").position("50% 100%")
                .channels(Channels.ALPHA).shadowType(ShadowType.THREE_D).shadowOpacity(70)
                .semitransparency(false).bgColor("#81D4FA").extraParameter("future_option", "Some Value")
                .build();
        assertThat(options.formFields()).containsExactly(
                entry("bg_color", "81d4fa"),
                entry("channels", "alpha"),
                entry("crop", "true"),
                entry("crop_margin", "10px 5%"),
                entry("format", "zip"),
                entry("future_option", "Some Value"),
                entry("position", "50% 100%"),
                entry("roi", "0% 0% 100% 100%"),
                entry("scale", "80%"),
                entry("semitransparency", "false"),
                entry("shadow_opacity", "70"),
                entry("shadow_type", "3D"),
                entry("size", "50MP"),
                entry("type", "product"),
                entry("type_level", "2"));
        assertThat(options.warnings()).isEmpty();
    }

    @Test
    void fromParametersAndTheBuilderShareOneParserAndAgree() {
        Map<String, String> p = new HashMap<>();
        p.put("size", "HD");
        p.put("type", "Car");
        p.put("type_level", "latest");
        p.put("format", "WEBP");
        p.put("roi", "10px 10px 200px 200px");
        p.put("crop", "TRUE");
        p.put("crop_margin", "30px");
        p.put("scale", "original");
        p.put("position", "center");
        p.put("channels", "rgba");
        p.put("shadow_type[car]", "car");
        p.put("shadow_type[person]", "3d");
        p.put("shadow_opacity[car]", "90");
        p.put("semitransparency", "true");
        p.put("bg_image_url", "https://example.com/bg.jpg");
        p.put("new_param", "x");
        RemoveBgOptions parsed = RemoveBgOptions.fromParameters(p);
        RemoveBgOptions built = RemoveBgOptions.builder().size(Size.HD).type(ForegroundType.CAR)
                .typeLevel(TypeLevel.LATEST).format(Format.WEBP).roi(Roi.parse("10px 10px 200px 200px")).crop(true)
                .cropMargin(CropMargin.of(Length.px(30))).scale(Scale.ORIGINAL).position(Position.CENTER)
                .channels(Channels.RGBA).shadowType(ForegroundType.CAR, ShadowType.CAR)
                .shadowType(ForegroundType.PERSON, ShadowType.THREE_D).shadowOpacity(ForegroundType.CAR, 90)
                .semitransparency(true).bgImageUrl("https://example.com/bg.jpg").extraParameter("new_param", "x")
                .build();
        assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(parsed.formFields()).isEqualTo(built.formFields())
                .containsEntry("size", "hd")
                .containsEntry("shadow_type[car]", "car")
                .containsEntry("shadow_type[person]", "3D")
                .containsEntry("shadow_opacity[car]", "90");
        assertThat(parsed.shadowTypes()).containsOnlyKeys(ForegroundType.CAR, ForegroundType.PERSON);
        assertThat(parsed.size()).contains(Size.HD);
    }

    @ParameterizedTest
    @CsvSource({"small,small", "regular,regular", "medium,medium", "hd,hd", "4k,4k", "4K,4k", "50mp,50MP",
        "Preview,preview"})
    void legacyAndModernSizesAreSentAsGiven(String given, String wire) {
        assertThat(RemoveBgOptions.fromParameters(Map.of("size", given)).formFields()).containsEntry("size", wire);
        assertThat(RemoveBgOptions.builder().size(given).build().formFields()).containsEntry("size", wire);
    }

    @Test
    void regularIsDeprecatedAndSaysSo() {
        assertThat(RemoveBgOptions.builder().size(Size.REGULAR).build().warnings())
                .singleElement().asString().contains("size=regular");
    }

    @Test
    void everyForegroundTypeHasItsOwnShadowAndOpacityEntry() {
        RemoveBgOptions.Builder b = RemoveBgOptions.builder();
        Map<String, String> p = new LinkedHashMap<>();
        for (ForegroundType t : ForegroundType.values()) {
            if (t != ForegroundType.AUTO) {
                b.shadowType(t, ShadowType.DROP).shadowOpacity(t, 40);
                p.put("shadow_type[" + t.wireValue() + "]", "drop");
                p.put("shadow_opacity[" + t.wireValue() + "]", "40");
            }
        }
        RemoveBgOptions options = b.build();
        assertThat(options.formFields()).isEqualTo(p).hasSize(14)
                .containsEntry("shadow_type[transportation]", "drop").containsEntry("shadow_opacity[other]", "40");
        assertThat(RemoveBgOptions.fromParameters(p)).isEqualTo(options);
    }

    @Test
    void perTypeKeysAreCaseInsensitiveButSentInTheApiSpelling() {
        assertThat(RemoveBgOptions.fromParameters(Map.of("shadow_type[CAR]", "CAR")).formFields())
                .containsExactly(entry("shadow_type[car]", "car"));
    }

    @Test
    void perTypeMapsRefuseUnknownTypesAutoAndAutoValues() {
        assertThat(refusal(() -> RemoveBgOptions.fromParameters(Map.of("shadow_type[boat]", "drop"))).parameter())
                .isEqualTo("shadow_type[boat]");
        assertThat(refusal(() -> RemoveBgOptions.fromParameters(Map.of("shadow_opacity[]", "5"))).parameter())
                .isEqualTo("shadow_opacity[]");
        assertThat(refusal(() -> RemoveBgOptions.fromParameters(Map.of("shadow_type[car]", "auto"))).parameter())
                .isEqualTo("shadow_type[car]");
        assertThat(refusal(() -> RemoveBgOptions.builder().shadowType(ForegroundType.AUTO, ShadowType.CAR))
                .parameter()).isEqualTo("shadow_type[auto]");
        assertThat(refusal(() -> RemoveBgOptions.builder().shadowOpacity(ForegroundType.CAR, ShadowOpacity.AUTO))
                .parameter()).isEqualTo("shadow_opacity[car]");
        assertThat(refusal(() -> RemoveBgOptions.builder().shadowOpacity(ForegroundType.PERSON, 101)).parameter())
                .isEqualTo("shadow_opacity[person]");
    }

    @Test
    void globalAndPerTypeShadowTypesAreExclusive() {
        InvalidParameterException e = refusal(() -> RemoveBgOptions.fromParameters(
                Map.of("shadow_type", "auto", "shadow_type[car]", "car")));
        assertThat(e.parameter()).isEqualTo("shadow_type[car]");
        assertThat(e.allowed()).contains("not both");
    }

    @Test
    void globalAndPerTypeShadowOpacitiesAreExclusive() {
        InvalidParameterException e = refusal(() -> RemoveBgOptions.builder().shadowOpacity(ShadowOpacity.AUTO)
                .shadowOpacity(ForegroundType.PRODUCT, 20).build());
        assertThat(e.parameter()).isEqualTo("shadow_opacity[product]");
        assertThat(e.getMessage()).contains("shadow_opacity=auto");
    }

    @Test
    void addShadowIsSentAsTheCarShadowWithADeprecationWarning() {
        RemoveBgOptions options = RemoveBgOptions.fromParameters(Map.of("add_shadow", "true"));
        assertThat(options.formFields()).containsExactly(entry("shadow_type[car]", "car"));
        assertThat(options.addShadow()).contains(true);
        assertThat(options.warnings()).singleElement().asString().contains("add_shadow", "deprecated", "shadow_type");
        RemoveBgOptions off = RemoveBgOptions.builder().addShadow(false).build();
        assertThat(off.formFields()).isEmpty();
        assertThat(off.warnings()).singleElement().asString().contains("deprecated");
    }

    @Test
    void addShadowAgreesWithAnExplicitCarShadowAndConflictsWithAnyOther() {
        assertThat(RemoveBgOptions.builder().addShadow(true).shadowType(ForegroundType.CAR, ShadowType.CAR)
                .shadowType(ForegroundType.PERSON, ShadowType.THREE_D).build().formFields())
                .containsExactly(entry("shadow_type[car]", "car"), entry("shadow_type[person]", "3D"));
        assertThat(refusal(() -> RemoveBgOptions.fromParameters(Map.of("add_shadow", "true",
                "shadow_type[car]", "drop"))).parameter()).isEqualTo("add_shadow");
        assertThat(refusal(() -> RemoveBgOptions.fromParameters(Map.of("add_shadow", "yes"))).allowed())
                .isEqualTo("true or false");
        assertThat(refusal(() -> RemoveBgOptions.builder().addShadow(true).shadowType(ShadowType.AUTO).build())
                .parameter()).isEqualTo("add_shadow");
    }

    @Test
    void atMostOneBackground(@TempDir Path dir) throws IOException {
        Path bg = Files.write(dir.resolve("bg.png"), TestImages.pngHeader(10, 10));
        InvalidParameterException e = refusal(() -> RemoveBgOptions.fromParameters(Map.of("bg_color", "fff",
                "bg_image_url", "https://example.com/bg.png")));
        assertThat(e.parameter()).isEqualTo("bg_image_url");
        assertThat(e.allowed()).contains("only one of bg_color, bg_image_url or bg_image_file");
        assertThat(refusal(() -> RemoveBgOptions.builder().bgColor("red").bgImageFile(bg).build()).parameter())
                .isEqualTo("bg_image_file");
        RemoveBgOptions file = RemoveBgOptions.fromParameters(Map.of("bg_image_file", bg.toString()));
        assertThat(file.backgroundImageFile()).contains(ImageSource.file(bg));
        assertThat(file.formFields()).isEmpty();
    }

    @Test
    void backgroundFileMustExistAndBeBinary(@TempDir Path dir) {
        String missing = dir.resolve("missing.png").toString();
        InvalidParameterException e = refusal(() -> RemoveBgOptions.fromParameters(Map.of("bg_image_file", missing)));
        assertThat(e.parameter()).isEqualTo("bg_image_file");
        assertThat(e.value()).isEqualTo(missing);
        assertThat(refusal(() -> RemoveBgOptions.fromParameters(Map.of("bg_image_file", dir.toString()))).parameter())
                .isEqualTo("bg_image_file");
        assertThat(refusal(() -> RemoveBgOptions.builder().bgImageFile(ImageSource.url("https://x.org/a.png")))
                .allowed()).contains("bg_image_url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com/bg.png", "ftp://example.com/bg.png", "file:///etc/passwd", "https://",
        "http:/x", "not a url", "https://exa mple.com/"})
    void backgroundUrlMustBeAbsoluteHttp(String url) {
        InvalidParameterException e = refusal(() -> RemoveBgOptions.builder().bgImageUrl(url));
        assertThat(e.parameter()).isEqualTo("bg_image_url");
        assertThat(e.allowed()).contains("http");
    }

    @Test
    void unknownParametersPassThroughVerbatimAndKnownOnesCannotBeSmuggledAsExtras() {
        RemoveBgOptions options = RemoveBgOptions.fromParameters(Map.of("brand_new", "  Spaced Value ",
                "Size", "whatever"));
        assertThat(options.extraParameters()).containsExactly(entry("Size", "whatever"),
                entry("brand_new", "  Spaced Value "));
        assertThat(options.formFields()).containsEntry("brand_new", "  Spaced Value ");
        assertThat(refusal(() -> RemoveBgOptions.builder().extraParameter("size", "full")).parameter())
                .isEqualTo("size");
        assertThat(refusal(() -> RemoveBgOptions.builder().extraParameter("shadow_type[car]", "car")).parameter())
                .isEqualTo("shadow_type[car]");
        assertThat(refusal(() -> RemoveBgOptions.builder().extraParameter(" ", "x")).allowed())
                .isEqualTo("a parameter name");
    }

    @Test
    void imageSourcesAreNotOptions() {
        for (String source : new String[] {"image_file", "image_url", "image_file_b64"}) {
            InvalidParameterException e = refusal(() -> RemoveBgOptions.fromParameters(Map.of(source, "x")));
            assertThat(e.parameter()).isEqualTo(source);
            assertThat(e.allowed()).contains("RemoveBgRequest");
            // Blank means "not set", for sources too.
            assertThat(RemoveBgOptions.fromParameters(Map.of(source, " "))).isEqualTo(RemoveBgOptions.defaults());
        }
    }

    @Test
    void blankValuesMeanNotSet() {
        Map<String, String> p = new HashMap<>();
        p.put("size", "  ");
        p.put("crop", "");
        p.put("shadow_type[car]", "");
        p.put("bg_color", null);
        p.put("unknown", " ");
        assertThat(RemoveBgOptions.fromParameters(p)).isEqualTo(RemoveBgOptions.defaults());
        RemoveBgOptions set = RemoveBgOptions.builder().size(Size.FULL).crop(true).build();
        assertThat(set.toBuilder().size("").crop((String) null).build().formFields()).isEmpty();
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        assertThat(RemoveBgOptions.fromParameters(Map.of("crop", "True", "semitransparency", "FALSE")).formFields())
                .containsExactly(entry("crop", "true"), entry("semitransparency", "false"));
        for (String bad : new String[] {"1", "0", "yes", "no", "on", "t"}) {
            InvalidParameterException e = refusal(() -> RemoveBgOptions.fromParameters(Map.of("crop", bad)));
            assertThat(e.parameter()).isEqualTo("crop");
            assertThat(e.value()).isEqualTo(bad);
        }
    }

    @Test
    void typeOtherIsRefusedAsATypeValue() {
        assertThat(refusal(() -> RemoveBgOptions.builder().type(ForegroundType.OTHER)).parameter()).isEqualTo("type");
        assertThat(refusal(() -> RemoveBgOptions.fromParameters(Map.of("type", "other"))).parameter())
                .isEqualTo("type");
    }

    @Test
    void cropMarginWithoutCropWarns() {
        assertThat(RemoveBgOptions.fromParameters(Map.of("crop_margin", "10%")).warnings()).singleElement()
                .asString().contains("crop_margin", "crop=true");
        assertThat(RemoveBgOptions.fromParameters(Map.of("crop_margin", "10%", "crop", "false")).warnings())
                .hasSize(1);
        assertThat(RemoveBgOptions.fromParameters(Map.of("crop_margin", "10%", "crop", "true")).warnings()).isEmpty();
    }

    @Test
    void opacityWithoutAShadowWarns() {
        assertThat(RemoveBgOptions.builder().shadowOpacity(50).build().warnings()).singleElement().asString()
                .contains("shadow_opacity");
        assertThat(RemoveBgOptions.builder().shadowOpacity(50).shadowType(ShadowType.DROP).build().warnings())
                .isEmpty();
    }

    @Test
    void toBuilderDerivesAVariantWithoutChangingTheOriginal() {
        RemoveBgOptions base = RemoveBgOptions.builder().size(Size.FULL)
                .shadowType(ForegroundType.CAR, ShadowType.CAR).extraParameter("x", "1").build();
        RemoveBgOptions variant = base.toBuilder().format(Format.ZIP).shadowType(ForegroundType.CAR, null)
                .extraParameter("x", "").build();
        assertThat(base.formFields()).containsExactly(entry("shadow_type[car]", "car"), entry("size", "full"),
                entry("x", "1"));
        assertThat(variant.formFields()).containsExactly(entry("format", "zip"), entry("size", "full"));
        assertThat(base.toBuilder().build()).isEqualTo(base);
    }

    @Test
    void accessorsAndMapsAreImmutable() {
        RemoveBgOptions options = RemoveBgOptions.builder().shadowType(ForegroundType.CAR, ShadowType.CAR).build();
        assertThatThrownBy(() -> options.formFields().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options.shadowTypes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options.warnings().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringShowsTheFieldsButNotAUrlQuery() {
        RemoveBgOptions options = RemoveBgOptions.builder().size(Size.FULL)
                .bgImageUrl("https://user:pw@cdn.example.com/bg.jpg?X-Amz-Signature=secret123").build();
        assertThat(options.toString()).contains("size=full", "cdn.example.com/bg.jpg")
                .doesNotContain("secret123", "pw");
        assertThat(options.formFields().get("bg_image_url")).endsWith("secret123");
        RemoveBgOptions extra = RemoveBgOptions.builder().extraParameter("partner_api_key", "k-123456")
                .extraParameter("mode", "fast").build();
        assertThat(extra.toString()).contains("mode=fast", "partner_api_key=<redacted>").doesNotContain("k-123456");
        assertThat(extra.formFields()).containsEntry("partner_api_key", "k-123456");
    }
}
