package io.github.removebgsuite.common.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses each input's output path stem (the mirrored relative path without extension; the extension comes from the
 * format the API actually returned). The choice depends only on the set of inputs, never on which finishes first or
 * which format comes back, so a re-run picks the same names.
 *
 * <p>Rules: {@code shots/a.jpg} becomes {@code shots/a}. When several inputs in one folder share a stem
 * ({@code a.jpg} and {@code a.png}; compared case-insensitively, since many file systems are), each keeps its
 * extension in the stem: {@code a.jpg} and {@code a.png} become {@code a.jpg.png} and {@code a.png.png} once the
 * format is added. Should that still collide with another input's stem, the later inputs in sorted order get
 * {@code -2}, {@code -3} and so on.
 */
final class OutputNaming {

    private OutputNaming() {
    }

    /** Maps each '/'-separated relative input path to its output stem. */
    static Map<String, String> stems(List<String> relativePaths) {
        List<String> sorted = new ArrayList<>(relativePaths);
        sorted.sort(null);
        Map<String, List<String>> byStem = new LinkedHashMap<>();
        for (String path : sorted) {
            byStem.computeIfAbsent(key(stripExtension(path)), k -> new ArrayList<>()).add(path);
        }
        Map<String, String> result = new HashMap<>();
        Set<String> taken = new HashSet<>();
        List<String> clashing = new ArrayList<>();
        for (List<String> group : byStem.values()) {
            if (group.size() == 1) {
                String stem = stripExtension(group.get(0));
                result.put(group.get(0), stem);
                taken.add(key(stem));
            } else {
                clashing.addAll(group);
            }
        }
        clashing.sort(null);
        for (String path : clashing) {
            String stem = path;
            for (int n = 2; !taken.add(key(stem)); n++) {
                stem = path + "-" + n;
            }
            result.put(path, stem);
        }
        return result;
    }

    static String stripExtension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) : path;
    }

    private static String key(String stem) {
        return stem.toLowerCase(Locale.ROOT);
    }
}
