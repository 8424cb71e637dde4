package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shim of the jenkins-core {@code hudson.Util} members the plugin uses. */
public class Util {
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z0-9_]+|\\{[A-Za-z0-9_.]+\\}|\\$)");

    /** Returns {@code s}, or the empty string when it is null. */
    @NonNull
    public static String fixNull(@CheckForNull String s) {
        return s == null ? "" : s;
    }

    /** Trims, then returns null for a null or empty result. */
    @CheckForNull
    public static String fixEmptyAndTrim(@CheckForNull String s) {
        if (s == null) {
            return null;
        }
        String trimmed = s.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * Replaces {@code $VAR} and {@code ${VAR}} with their values from {@code properties}; unknown variables are left as
     * they are and {@code $$} becomes {@code $}.
     */
    @CheckForNull
    public static String replaceMacro(@CheckForNull String s, @NonNull Map<String, String> properties) {
        if (s == null) {
            return null;
        }
        int idx = 0;
        Matcher m = VARIABLE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find(idx)) {
            String key = m.group().substring(1);
            String value;
            if (key.charAt(0) == '$') {
                value = "$";
            } else {
                if (key.charAt(0) == '{') {
                    key = key.substring(1, key.length() - 1);
                }
                value = properties.get(key);
            }
            if (value == null) {
                out.append(s, idx, m.end());
            } else {
                out.append(s, idx, m.start()).append(value);
            }
            idx = m.end();
        }
        return out.append(s.substring(idx)).toString();
    }
}
