package io.github.removebgsuite.common.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImproveRequestTest {

    @TempDir
    Path dir;

    @Test
    void fileSubmissionWithNameAndTag() throws IOException {
        Path image = Files.write(dir.resolve("hard.png"), TestImages.pngHeader(300, 200));
        ImproveRequest request = ImproveRequest.fromParameters(Map.of("image_file", image.toString(),
                "image_filename", " hard-case.png ", "tag", "hair"));
        assertThat(request.fileParts()).containsExactly(entry("image_file", ImageSource.file(image)));
        assertThat(request.formFields()).containsExactly(entry("image_filename", "hard-case.png"),
                entry("tag", "hair"));
        assertThat(request.imageFilename()).contains("hard-case.png");
        assertThat(request.tag()).contains("hair");
        assertThat(request).isEqualTo(ImproveRequest.builder().imageFile(image).imageFilename("hard-case.png")
                .tag("hair").build());
        assertThat(request.toBuilder().build()).isEqualTo(request).hasSameHashCodeAs(request);
    }

    @Test
    void urlAndBase64SubmissionsAreTextFields() {
        ImproveRequest url = ImproveRequest.builder().imageUrl("https://example.com/a.jpg").build();
        assertThat(url.formFields()).containsExactly(entry("image_url", "https://example.com/a.jpg"));
        assertThat(url.fileParts()).isEmpty();
        String b64 = Base64.getEncoder().encodeToString(TestImages.pngHeader(10, 10));
        ImproveRequest inline = ImproveRequest.fromParameters(Map.of("image_file_b64", b64, "tag", ""));
        assertThat(inline.formFields()).containsExactly(entry("image_file_b64", b64));
        assertThat(inline.toString()).doesNotContain(b64).contains("base64 characters");
    }

    @Test
    void sourcesAreCheckedLikeABackgroundRemoval() {
        assertThatThrownBy(() -> ImproveRequest.builder().tag("x").build())
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("image_file"));
        assertThatThrownBy(() -> ImproveRequest.fromParameters(Map.of("image_url", "https://a.example/x.png",
                "image_file_b64", "QUJD")))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("image_url"));
        assertThatThrownBy(() -> ImproveRequest.builder()
                .image(ImageSource.bytes("big.png", TestImages.pngHeader(9000, 9000))).build())
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.allowed()).contains("50 megapixels"));
        assertThatThrownBy(() -> ImproveRequest.fromParameters(Map.of("image_url", "www.example.com/a.png")))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("image_url"));
    }

    @Test
    void unknownParametersPassThrough() {
        ImproveRequest request = ImproveRequest.fromParameters(Map.of("image_url", "https://a.example/x.png",
                "consent_version", "2"));
        assertThat(request.extraParameters()).containsExactly(entry("consent_version", "2"));
        assertThat(request.formFields()).containsEntry("consent_version", "2");
        assertThatThrownBy(() -> ImproveRequest.builder().extraParameter("tag", "x"))
                .isInstanceOf(InvalidParameterException.class);
    }
}
