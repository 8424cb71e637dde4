package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.util.FormValidation;
import java.util.List;
import java.util.function.BiConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Fuzzes the form's values: whatever a user types into a parameter field, the step's mapping either accepts it or
 * refuses it with the core's {@code InvalidParameterException}, surfaced as a form error and as a build failure that
 * both name the parameter. Nothing else is ever thrown, and the form and the build agree.
 */
class FormValuesFuzzTest {

    /** A step field, its API name and how to set it. */
    record Field(String apiName, BiConsumer<RemoveBackgroundBuilder, String> setter, boolean perType) {
        @Override
        public String toString() {
            return apiName;
        }
    }

    private static final List<Field> FIELDS = List.of(
            new Field("size", RemoveBackgroundBuilder::setSize, false),
            new Field("type", RemoveBackgroundBuilder::setType, false),
            new Field("type_level", RemoveBackgroundBuilder::setTypeLevel, false),
            new Field("format", RemoveBackgroundBuilder::setFormat, false),
            new Field("roi", RemoveBackgroundBuilder::setRoi, false),
            new Field("crop_margin", RemoveBackgroundBuilder::setCropMargin, false),
            new Field("scale", RemoveBackgroundBuilder::setScale, false),
            new Field("position", RemoveBackgroundBuilder::setPosition, false),
            new Field("channels", RemoveBackgroundBuilder::setChannels, false),
            new Field("shadow_type", RemoveBackgroundBuilder::setShadowType, true),
            new Field("shadow_opacity", RemoveBackgroundBuilder::setShadowOpacity, true),
            new Field("bg_color", RemoveBackgroundBuilder::setBgColor, false),
            new Field("bg_image_url", RemoveBackgroundBuilder::setBgImageUrl, false));

    @Provide
    Arbitrary<Field> fields() {
        return Arbitraries.of(FIELDS);
    }

    /** Plausible fragments mixed with arbitrary text, so that both near-misses and junk are tried. */
    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> tokens = Arbitraries.of("auto", "full", "preview", "50MP", "4k", "hd", "car", "product",
                "person", "other", "3D", "drop", "none", "1", "2", "latest", "png", "zip", "rgba", "alpha", "10%",
                "100%", "101%", "0%", "-5%", "50px", "500px", "501px", "original", "center", "fff", "81d4fa77",
                "green", "#abc", "zzz", "=", "car=car", "product=40", "bogus=drop", "car=", "=drop", " ", ",",
                "http://127.0.0.1/bg.jpg", "ftp://x", "NaN", "1e9", "\t", "\u00e9", "%", "px");
        Arbitrary<String> phrases = tokens.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(" ", l));
        Arbitrary<String> junk = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(24);
        return Arbitraries.oneOf(tokens, phrases, junk, Arbitraries.strings().ofMaxLength(12));
    }

    @Property(tries = 600)
    void buildMappingAcceptsOrNamesTheParameter(@ForAll("fields") Field field, @ForAll("values") String value) {
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("id", "**/*.jpg", "out");
        field.setter().accept(step, value);
        String failure = null;
        try {
            step.settings(new EnvVars());
        } catch (AbortException e) {
            failure = e.getMessage();
        }
        FormValidation form = field.perType() ? FormChecks.perType(field.apiName(), value)
                : FormChecks.apiParameter(field.apiName(), value);

        if (failure == null) {
            assertThat(form.kind).as("form agrees with the build for %s=%s", field, value)
                    .isNotEqualTo(FormValidation.Kind.ERROR);
        } else {
            assertThat(failure).as("build failure for %s=%s", field, value)
                    .startsWith("remove.bg: Invalid " + field.apiName());
            if (FormChecks.hasVariable(value)) {
                return; // the form leaves values with build variables to the build, which expands them first
            }
            assertThat(form.kind).as("form agrees with the build for %s=%s", field, value)
                    .isEqualTo(FormValidation.Kind.ERROR);
            assertThat(form.getMessage()).startsWith("Invalid " + field.apiName());
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, String>> extraLines() {
        Arbitrary<String> names = Arbitraries.of("size", "crop", "shadow_type[car]", "shadow_opacity[xyz]",
                "semitransparency", "future_option", "image_url", "bg_color");
        return Combinators.combine(names, values()).as(Tuple::of);
    }

    @Property(tries = 300)
    void extraParametersAcceptOrNameTheParameter(@ForAll("extraLines") Tuple.Tuple2<String, String> line) {
        String text = line.get1() + "=" + line.get2();
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("id", "**/*.jpg", "out");
        step.setExtraParameters(text);
        String failure = null;
        try {
            step.settings(new EnvVars());
        } catch (AbortException e) {
            failure = e.getMessage();
        }
        FormValidation form = FormChecks.extraParameters(text);
        if (failure == null) {
            assertThat(form.kind).isNotEqualTo(FormValidation.Kind.ERROR);
        } else {
            // The parameter of the line, or the field itself when the value broke the one-pair-a-line form.
            assertThat(failure).matches("remove\\.bg: Invalid (" + java.util.regex.Pattern.quote(line.get1())
                    + "|extraParameters):(?s).*");
            if (FormChecks.hasVariable(text)) {
                return;
            }
            assertThat(form.kind).isEqualTo(FormValidation.Kind.ERROR);
        }
    }
}
