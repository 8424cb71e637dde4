package hudson;

import java.util.TreeMap;

/** Shim of jenkins-core {@code hudson.EnvVars}: environment variables with case-insensitive names. */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 4320331661987259022L;

    /** An empty environment. */
    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    /** An environment from alternating names and values. */
    public EnvVars(String... keyValuePairs) {
        this();
        if (keyValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException(java.util.Arrays.asList(keyValuePairs).toString());
        }
        for (int i = 0; i < keyValuePairs.length; i += 2) {
            put(keyValuePairs[i], keyValuePairs[i + 1]);
        }
    }

    /** Like {@link TreeMap#put} but refuses a null value, as Jenkins does. */
    @Override
    public String put(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException("Null value not allowed as an environment variable: " + key);
        }
        return super.put(key, value);
    }

    /** Expands {@code $VAR} and {@code ${VAR}} references in {@code s}. */
    public String expand(String s) {
        return Util.replaceMacro(s, this);
    }
}
