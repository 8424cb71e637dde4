package io.github.removebgsuite.common.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.math.BigDecimal;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    static void refused(String parameter, String value, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
            assertThat(e.parameter()).isEqualTo(parameter);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.allowed()).isNotBlank();
            assertThat(e.getMessage()).startsWith("Invalid " + parameter + ": ");
        });
    }

    static <T> void roundTrips(Function<String, T> parse, Function<T, String> wire, String given, String expected) {
        T parsed = parse.apply(given);
        assertThat(wire.apply(parsed)).isEqualTo(expected);
        assertThat(parse.apply(wire.apply(parsed))).isEqualTo(parsed);
    }

    @Nested
    class RoiTest {
        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
            "0% 0% 100% 100%;0% 0% 100% 100%",
            "10px 20px 300px 400px;10px 20px 300px 400px",
            "  10PX   20px\t300Px 400px ;10px 20px 300px 400px",
            "12.50% 0.0% 50% 99.9%;12.5% 0% 50% 99.9%",
            "50% 10px 20px 400px;50% 10px 20px 400px",
            "010px 0px 20px 1px;10px 0px 20px 1px"})
        void parsesAndFormats(String given, String wire) {
            roundTrips(Roi::parse, Roi::wireValue, given, wire);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0% 0% 100%", "0% 0% 100% 100% 5%", "0 0 100 100", "0% 0% 101% 100%",
            "-1px 0px 10px 10px", "10px 0px 10px 10px", "0% 50% 100% 40%", "1.5px 0px 10px 10px", "a b c d", "",
            "0%0% 100% 100%"})
        void refusesBadRegions(String value) {
            refused("roi", value, () -> Roi.parse(value));
        }

        @Test
        void exposesCoordinates() {
            Roi roi = Roi.parse("10px 20% 30px 40%");
            assertThat(roi.x1()).isEqualTo(Length.px(10));
            assertThat(roi.y2()).isEqualTo(Length.percent(40));
            assertThat(roi.y1().unit()).isEqualTo(Length.Unit.PERCENT);
        }
    }

    @Nested
    class CropMarginTest {
        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
            "30px;30px", "10%;10%", "10px 20%;10px 20%", "1px 2px 3px 4px;1px 2px 3px 4px", "50%;50%",
            "500px;500px", "0px;0px", "12.5%;12.5%"})
        void parsesAndFormats(String given, String wire) {
            roundTrips(CropMargin::parse, CropMargin::wireValue, given, wire);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1px 2px 3px", "1px 2px 3px 4px 5px", "51%", "501px", "10", "10em", "-5px",
            "1px 2px 3px 600px", ""})
        void refusesBadMargins(String value) {
            refused("crop_margin", value, () -> CropMargin.parse(value));
        }

        @Test
        void buildsFromLengths() {
            assertThat(CropMargin.of(Length.px(10), Length.percent(5)).wireValue()).isEqualTo("10px 5%");
            assertThatThrownBy(() -> CropMargin.of(Length.px(1), Length.px(2), Length.px(3)))
                    .isInstanceOf(InvalidParameterException.class);
            assertThatThrownBy(() -> CropMargin.of(Length.percent(60)))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("50%");
        }
    }

    @Nested
    class ScaleTest {
        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {"10%;10%", "100%;100%", "80%;80%", "ORIGINAL;original",
            "original;original", "33.3%;33.3%"})
        void parsesAndFormats(String given, String wire) {
            roundTrips(Scale::parse, Scale::wireValue, given, wire);
        }

        @ParameterizedTest
        @ValueSource(strings = {"9.9%", "101%", "50", "50px", "center", "", "0%"})
        void refusesBadScales(String value) {
            refused("scale", value, () -> Scale.parse(value));
        }

        @Test
        void exposesTheValue() {
            assertThat(Scale.parse("original").isOriginal()).isTrue();
            assertThat(Scale.percent(75).percentValue()).contains(new BigDecimal("75"));
            assertThatThrownBy(() -> Scale.percent(5)).isInstanceOf(InvalidParameterException.class);
        }
    }

    @Nested
    class PositionTest {
        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {"original;original", "CENTER;center", "50%;50%", "0% 100%;0% 100%",
            "25.5%  75%;25.5% 75%"})
        void parsesAndFormats(String given, String wire) {
            roundTrips(Position::parse, Position::wireValue, given, wire);
        }

        @ParameterizedTest
        @ValueSource(strings = {"101%", "10px", "10% 20% 30%", "left", "", "50"})
        void refusesBadPositions(String value) {
            refused("position", value, () -> Position.parse(value));
        }

        @Test
        void buildsFromPercentages() {
            assertThat(Position.percent(50, 100).wireValue()).isEqualTo("50% 100%");
            assertThat(Position.percent(50, 100).percentages()).hasSize(2);
            assertThatThrownBy(() -> Position.percent(-1, 50)).isInstanceOf(InvalidParameterException.class);
            assertThatThrownBy(() -> Position.percent(50, 100.5)).isInstanceOf(InvalidParameterException.class);
        }
    }

    @Nested
    class ShadowOpacityTest {
        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {"0;0", "100;100", "55;55", "AUTO;auto", "007;7"})
        void parsesAndFormats(String given, String wire) {
            roundTrips(ShadowOpacity::parse, ShadowOpacity::wireValue, given, wire);
        }

        @ParameterizedTest
        @ValueSource(strings = {"101", "-1", "50.5", "50%", "high", "", "1000"})
        void refusesBadOpacities(String value) {
            refused("shadow_opacity", value, () -> ShadowOpacity.parse(value));
        }

        @Test
        void perTypeOpacityIsANumberOnly() {
            refused("shadow_opacity[car]", "auto", () -> ShadowOpacity.parse("shadow_opacity[car]", "auto"));
            assertThat(ShadowOpacity.parse("shadow_opacity[car]", "80").value()).hasValue(80);
            assertThat(ShadowOpacity.AUTO.value()).isEmpty();
            assertThatThrownBy(() -> ShadowOpacity.of(101)).isInstanceOf(InvalidParameterException.class);
        }
    }

    @Nested
    class BgColorTest {
        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {"fff;fff", "#FFF;fff", "81d4fa;81d4fa", "81D4FA77;81d4fa77",
            "abcd;abcd", "green;green", "RebeccaPurple;rebeccapurple", " #81d4fa ;81d4fa", "lightgoldenrodyellow;"
            + "lightgoldenrodyellow"})
        void parsesAndFormats(String given, String wire) {
            roundTrips(BgColor::parse, BgColor::wireValue, given, wire);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ff", "fffff", "fffffff", "fffffffff", "ggg", "#green", "notacolour", "",
            "rgb(1,2,3)", "transparent", "##fff"})
        void refusesBadColours(String value) {
            refused("bg_color", value, () -> BgColor.parse(value));
        }

        @Test
        void knowsTheCssLevel4NamedColours() {
            // CSS Color Module Level 4, section 6.1 defines 148 names (including the grey/gray pairs).
            assertThat(BgColor.CSS_NAMES).hasSize(148).contains("aliceblue", "yellowgreen", "darkslategrey",
                    "rebeccapurple").allMatch(n -> n.matches("[a-z]+"));
            assertThat(BgColor.parse("navy").isName()).isTrue();
            assertThat(BgColor.parse("#abc").isName()).isFalse();
        }
    }

    @Nested
    class LengthTest {
        @Test
        void normalisesNumbersAndRefusesNegatives() {
            assertThat(Length.percent(10.0)).isEqualTo(Length.parse("roi", "10%", "10%", "x"));
            assertThat(Length.px(0).wireValue()).isEqualTo("0px");
            assertThat(Length.percent(12.5).wireValue()).isEqualTo("12.5%");
            assertThatThrownBy(() -> Length.px(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
