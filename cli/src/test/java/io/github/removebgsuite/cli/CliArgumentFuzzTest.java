package io.github.removebgsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Arbitrary values for every API option of {@code removebg remove}: the CLI either accepts them or refuses them with
 * the core's validation message naming the API parameter, exit code 2, no stack trace and no network call (the base
 * URL points at a closed port, and {@code --dry-run} calls nothing anyway).
 */
class CliArgumentFuzzTest {

    /** CLI option to the API parameter its errors must name. */
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("--size", "size"), Map.entry("--type", "type"), Map.entry("--type-level", "type_level"),
            Map.entry("--format", "format"), Map.entry("--roi", "roi"), Map.entry("--crop", "crop"),
            Map.entry("--crop-margin", "crop_margin"), Map.entry("--scale", "scale"),
            Map.entry("--position", "position"), Map.entry("--channels", "channels"),
            Map.entry("--add-shadow", "add_shadow"), Map.entry("--shadow-type", "shadow_type"),
            Map.entry("--shadow-opacity", "shadow_opacity"), Map.entry("--semitransparency", "semitransparency"),
            Map.entry("--bg-color", "bg_color"), Map.entry("--bg-image-url", "bg_image_url"),
            Map.entry("--bg-image-file", "bg_image_file"));

    @Provide
    Arbitrary<String> options() {
        return Arbitraries.of(OPTIONS.keySet());
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("full", "preview", "50MP", "hd", "auto", "car", "3D", "10%", "50% 100%", "true",
                        "false", "0 0 10px 10px", "fff", "81d4fa77", "green", "original", "center", "101%",
                        "car=car", "product=40", "other=drop", "https://example.invalid/x.jpg", "-1", "1e9"),
                Arbitraries.strings().withChars("0123456789%px .-").ofMaxLength(16));
    }

    @Property(tries = 100)
    void onlyTheCoresValidationErrorNamingTheParameter(@ForAll("options") String option,
            @ForAll("values") String value) throws Exception {
        Path image = Path.of("..", "samples", "mug.jpg");
        Path out = Files.createTempDirectory("fuzz");
        CliTestSupport.Run run;
        try {
            run = CliTestSupport.run("remove", "--dry-run", "--base-url", "http://127.0.0.1:9/v1.0",
                    "--api-key", "fuzz-key-0123456789", "-o", out.toString(), option + "=" + value, image.toString());
        } finally {
            // jqwik has no @TempDir per try: leave nothing behind (a dry run writes nothing, but be sure).
            try (java.util.stream.Stream<Path> files = Files.walk(out)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }

        assertThat(run.all()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.exitCode()).as(run.all()).isIn(ExitCode.OK, ExitCode.USAGE);
        if (run.exitCode() == ExitCode.USAGE) {
            String parameter = OPTIONS.get(option);
            assertThat(run.err()).as(option + "=" + value).contains("Invalid " + parameter);
        }
        Statistics.collect(run.exitCode() == ExitCode.OK ? "accepted" : "refused");
        // The generator must reach both outcomes, or the property proves nothing about one of them.
        Statistics.coverage(coverage -> {
            coverage.check("accepted").count((Integer n) -> n > 0);
            coverage.check("refused").count((Integer n) -> n > 0);
        });
    }
}
