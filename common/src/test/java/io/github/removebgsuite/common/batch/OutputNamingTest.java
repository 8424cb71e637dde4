package io.github.removebgsuite.common.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;
import net.jqwik.api.constraints.AlphaChars;
import org.junit.jupiter.api.Test;

class OutputNamingTest {

    @Test
    void mirrorsThePathWithoutTheExtension() {
        assertThat(OutputNaming.stems(List.of("shots/a.jpg", "b.webp", "c")))
                .isEqualTo(Map.of("shots/a.jpg", "shots/a", "b.webp", "b", "c", "c"));
    }

    @Test
    void inputsSharingAStemInOneFolderKeepTheirExtension() {
        assertThat(OutputNaming.stems(List.of("p/a.png", "p/a.jpg", "q/a.jpg")))
                .isEqualTo(Map.of("p/a.jpg", "p/a.jpg", "p/a.png", "p/a.png", "q/a.jpg", "q/a"));
    }

    @Test
    void stemsClashCaseInsensitivelyBecauseManyFileSystemsDo() {
        assertThat(OutputNaming.stems(List.of("A.JPG", "a.png")))
                .isEqualTo(Map.of("A.JPG", "A.JPG", "a.png", "a.png"));
    }

    @Test
    void aRemainingClashIsNumbered() {
        // a.jpg and a.png keep their extensions; the stem "a.jpg" is already a.jpg.webp's, so a.jpg gets -2
        assertThat(OutputNaming.stems(List.of("a.jpg", "a.png", "a.jpg.webp")))
                .isEqualTo(Map.of("a.jpg.webp", "a.jpg", "a.jpg", "a.jpg-2", "a.png", "a.png"));
    }

    @Property(tries = 200)
    void stemsAreUniqueAndIndependentOfInputOrder(
            @ForAll @Size(min = 1, max = 12) @UniqueElements List<@AlphaChars @StringLength(min = 1, max = 2) String> names,
            @ForAll("extensions") List<String> extensions) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String path = names.get(i) + extensions.get(i % extensions.size());
            if (!paths.contains(path)) {
                paths.add(path);
            }
        }
        Map<String, String> stems = OutputNaming.stems(paths);
        Set<String> unique = new HashSet<>();
        stems.values().forEach(s -> unique.add(s.toLowerCase(Locale.ROOT)));
        assertThat(unique).hasSize(paths.size());
        List<String> reversed = new ArrayList<>(paths);
        java.util.Collections.reverse(reversed);
        assertThat(OutputNaming.stems(reversed)).isEqualTo(stems);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<String>> extensions() {
        return net.jqwik.api.Arbitraries.of(".jpg", ".png", ".JPG", ".webp", ".jpg.png", "")
                .list().ofMinSize(1).ofMaxSize(6);
    }
}
