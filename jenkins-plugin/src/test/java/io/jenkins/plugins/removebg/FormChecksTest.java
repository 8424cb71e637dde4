package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import hudson.util.FormValidation.Kind;
import hudson.util.ListBoxModel;
import io.github.removebgsuite.common.request.Size;
import org.junit.jupiter.api.Test;

/** The form checks behind the descriptor's {@code doCheck…} and {@code doFill…} methods. */
class FormChecksTest {

    @Test
    void apiValuesAreCheckedByTheCoreAndNameTheParameter() {
        assertThat(FormChecks.apiParameter("size", "50MP").kind).isEqualTo(Kind.OK);
        FormValidation bad = FormChecks.apiParameter("size", "huge");
        assertThat(bad.kind).isEqualTo(Kind.ERROR);
        assertThat(bad.getMessage()).startsWith("Invalid size").contains("huge").contains("50MP");
        assertThat(FormChecks.apiParameter("crop_margin", "10% 600px").kind).isEqualTo(Kind.ERROR);
        assertThat(FormChecks.apiParameter("bg_color", "81d4fa77").kind).isEqualTo(Kind.OK);
    }

    @Test
    void emptyValuesAndBuildVariablesAreLeftToTheBuild() {
        assertThat(FormChecks.apiParameter("scale", "").kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.apiParameter("scale", "${SCALE}").kind).isEqualTo(Kind.OK);
    }

    @Test
    void perTypeFieldsTakeOneValueOrPairs() {
        assertThat(FormChecks.perType("shadow_type", "drop").kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.perType("shadow_type", "car=car, product=drop").kind).isEqualTo(Kind.OK);
        FormValidation unknownType = FormChecks.perType("shadow_type", "boat=drop");
        assertThat(unknownType.kind).isEqualTo(Kind.ERROR);
        assertThat(unknownType.getMessage()).startsWith("Invalid shadow_type[boat]");
        assertThat(FormChecks.perType("shadow_opacity", "car=150").getMessage()).startsWith("Invalid shadow_opacity[car]");
        assertThat(FormChecks.perType("shadow_opacity", "car=").kind).isEqualTo(Kind.ERROR);
    }

    @Test
    void coreWarningsBecomeFormWarnings() {
        FormValidation v = FormChecks.extraParameters("add_shadow=true");
        assertThat(v.kind).isEqualTo(Kind.WARNING);
        assertThat(v.getMessage()).contains("add_shadow");
    }

    @Test
    void extraParametersNeedOnePairALine() {
        assertThat(FormChecks.extraParameters("future_option=1\n# a comment\n\nother=two").kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.extraParameters("no equals sign").getMessage()).startsWith("Invalid extraParameters");
        assertThat(FormChecks.extraParameters("image_url=http://127.0.0.1/x.jpg").getMessage())
                .startsWith("Invalid image_url");
    }

    @Test
    void pathsMustStayInsideTheWorkspace() {
        assertThat(FormChecks.workspacePath("build/cutouts", true).kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.workspacePath("", true).kind).isEqualTo(Kind.ERROR);
        assertThat(FormChecks.workspacePath("", false).kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.workspacePath("/tmp/out", true).getMessage()).contains("relative to the workspace");
        assertThat(FormChecks.workspacePath("a/../../out", true).getMessage()).contains("outside the workspace");
        assertThat(FormChecks.includes("").kind).isEqualTo(Kind.ERROR);
        assertThat(FormChecks.includes("assets/**/*.jpg, photos/*.png").kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.includes("/etc/**").kind).isEqualTo(Kind.ERROR);
        assertThat(FormChecks.excludes("../**").kind).isEqualTo(Kind.ERROR);
    }

    @Test
    void numbersAndUrl() {
        assertThat(FormChecks.maxCredits("12.5").kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.maxCredits("-1").kind).isEqualTo(Kind.ERROR);
        assertThat(FormChecks.maxCredits("lots").kind).isEqualTo(Kind.ERROR);
        assertThat(FormChecks.concurrency("64").kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.concurrency("65").kind).isEqualTo(Kind.ERROR);
        assertThat(FormChecks.concurrency("0").kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.apiUrl("https://api.remove.bg/v1.0").kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.apiUrl("http://127.0.0.1:8080/v1.0").kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.apiUrl("http://api.remove.bg/v1.0").getMessage()).contains("must use https");
        assertThat(FormChecks.apiUrl("https://user:pw@host/v1.0").kind).isEqualTo(Kind.ERROR);
    }

    @Test
    void dropDownsListTheWireValuesAfterTheApiDefault() {
        ListBoxModel sizes = FormChecks.choices(Size.values(), Size::wireValue);
        assertThat(sizes.get(0).value).isEmpty();
        assertThat(sizes).extracting(o -> o.value).contains("preview", "full", "50MP", "auto", "4k");
        assertThat(sizes).hasSize(Size.values().length + 1);
    }

    @Test
    void aCacheFolderIsBestAbsoluteAndNeverClimbs() {
        assertThat(FormChecks.cacheDir("").kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.cacheDir("/var/cache/removebg").kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.cacheDir("C:\\cache\\removebg").kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.cacheDir("${CACHE}/removebg").kind).isEqualTo(Kind.OK);
        assertThat(FormChecks.cacheDir("cache").kind).isEqualTo(Kind.WARNING);
        assertThat(FormChecks.cacheDir("cache").getMessage()).contains("workspaces do not share it");
        assertThat(FormChecks.cacheDir("/var/cache/../../etc").kind).isEqualTo(Kind.ERROR);
        assertThat(FormChecks.cacheDir("../cache").kind).isEqualTo(Kind.ERROR);
    }
}
