package io.github.removebgsuite.common.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WireEnumsTest {

    static Stream<Arguments> everyConstant() {
        return Stream.of(
                parser("size", Size.values(), Size::fromWire),
                parser("type_level", TypeLevel.values(), TypeLevel::fromWire),
                parser("format", Format.values(), Format::fromWire),
                parser("channels", Channels.values(), Channels::fromWire),
                parser("shadow_type", ShadowType.values(), ShadowType::fromWire),
                parser("type", Arrays.stream(ForegroundType.values()).filter(t -> t != ForegroundType.OTHER)
                        .toArray(ForegroundType[]::new), ForegroundType::fromWire))
                .flatMap(s -> s);
    }

    private static <E extends WireEnum> Stream<Arguments> parser(String parameter, E[] values,
            BiFunction<String, String, E> fromWire) {
        return Arrays.stream(values).map(v -> Arguments.of(parameter, v, fromWire));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("everyConstant")
    void everyConstantRoundTripsThroughItsWireValueInAnyCase(String parameter, WireEnum constant,
            BiFunction<String, String, WireEnum> fromWire) {
        String wire = constant.wireValue();
        assertThat(fromWire.apply(parameter, wire)).isSameAs(constant);
        assertThat(fromWire.apply(parameter, wire.toUpperCase(Locale.ROOT))).isSameAs(constant);
        assertThat(fromWire.apply(parameter, wire.toLowerCase(Locale.ROOT))).isSameAs(constant);
        assertThat(fromWire.apply(parameter, " " + wire + "\t")).isSameAs(constant);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyConstant")
    void unknownValueNamesTheParameterTheValueAndEveryAllowedValue(String parameter, WireEnum constant,
            BiFunction<String, String, WireEnum> fromWire) {
        assertThatThrownBy(() -> fromWire.apply(parameter, constant.wireValue() + "x"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.value()).isEqualTo(constant.wireValue() + "x");
                    assertThat(e.allowed()).contains(constant.wireValue());
                    assertThat(e.getMessage()).contains(parameter).contains(constant.wireValue() + "x");
                });
    }

    @Test
    void wireValuesAreTheApiSpellings() {
        assertThat(Arrays.stream(Size.values()).map(Size::wireValue))
                .containsExactly("preview", "full", "50MP", "auto", "small", "regular", "medium", "hd", "4k");
        assertThat(Arrays.stream(ShadowType.values()).map(ShadowType::wireValue))
                .containsExactly("auto", "car", "3D", "drop", "none");
        assertThat(Arrays.stream(TypeLevel.values()).map(TypeLevel::wireValue))
                .containsExactly("none", "1", "2", "latest");
        assertThat(Arrays.stream(Format.values()).map(Format::wireValue))
                .containsExactly("auto", "png", "webp", "jpg", "zip");
        assertThat(Arrays.stream(Channels.values()).map(Channels::wireValue)).containsExactly("rgba", "alpha");
        assertThat(Arrays.stream(ForegroundType.values()).map(ForegroundType::wireValue)).containsExactly("auto",
                "car", "product", "person", "animal", "graphic", "transportation", "other");
    }

    @Test
    void legacySizesAreTheirOwnConstantsSoTheyAreSentAsGiven() {
        assertThat(Size.fromWire("size", "hd")).isEqualTo(Size.HD);
        assertThat(Size.fromWire("size", "4K")).isEqualTo(Size.FOUR_K);
        assertThat(Size.fromWire("size", "4k").wireValue()).isEqualTo("4k");
        assertThat(Size.fromWire("size", "50mp").wireValue()).isEqualTo("50MP");
        assertThat(Arrays.stream(Size.values()).filter(Size::isLegacy))
                .containsExactly(Size.SMALL, Size.REGULAR, Size.MEDIUM, Size.HD, Size.FOUR_K);
        assertThat(Arrays.stream(Size.values()).filter(Size::keepsOriginalResolution))
                .containsExactly(Size.FULL, Size.MP50, Size.AUTO, Size.FOUR_K);
    }

    @Test
    void typeRefusesOtherWhichOnlyPerTypeMapsAccept() {
        assertThatThrownBy(() -> ForegroundType.fromWire("type", "other"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("type");
        assertThat(ForegroundType.fromMapKey("shadow_type[other]", "other")).isEqualTo(ForegroundType.OTHER);
    }

    @ParameterizedTest
    @EnumSource(value = ForegroundType.class, names = "AUTO", mode = EnumSource.Mode.EXCLUDE)
    void everyMapKeyParsesAndAutoIsNotAKey(ForegroundType type) {
        assertThat(ForegroundType.fromMapKey("shadow_type[x]", type.wireValue().toUpperCase(Locale.ROOT)))
                .isEqualTo(type);
        assertThatThrownBy(() -> ForegroundType.fromMapKey("shadow_type[auto]", "auto"))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("shadow_type[auto]"));
    }

    @Test
    void perTypeShadowTypeRefusesAuto() {
        assertThat(ShadowType.fromWire("shadow_type", "auto")).isEqualTo(ShadowType.AUTO);
        assertThatThrownBy(() -> ShadowType.fromWire("shadow_type[car]", "auto"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("shadow_type[car]");
                    assertThat(e.allowed()).contains("car, 3D, drop, none");
                });
        assertThat(ShadowType.fromWire("shadow_type[person]", "3d")).isEqualTo(ShadowType.THREE_D);
    }

    @Test
    void blankOrNullIsNotAValueOfAnyEnum() {
        assertThatThrownBy(() -> Format.fromWire("format", " ")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> Format.fromWire("format", null))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.value()).isNull());
    }
}
