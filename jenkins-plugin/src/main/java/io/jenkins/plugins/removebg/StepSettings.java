package io.jenkins.plugins.removebg;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The step's configuration for one run, after environment variables were expanded: what the controller sends to the
 * agent. Holds no secret and no Jenkins object, only strings and numbers, so it serialises over remoting as is.
 *
 * <p>The API parameters are kept under the API's own names ({@code size}, {@code shadow_type[car]}...) and are parsed
 * and validated by {@link RemoveBgOptions#fromParameters(Map)}, the core's one parser; this class only maps the form's
 * fields onto those names.
 */
final class StepSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The API parameter whose value is a file in the workspace, resolved on the agent. */
    static final String BG_IMAGE_FILE = "bg_image_file";

    final ArrayList<String> includes;
    final ArrayList<String> excludes;
    final String outputDir;
    @CheckForNull
    final String reportFile;
    /** API parameters by API name; {@code bg_image_file} is still workspace-relative here. */
    final TreeMap<String, String> apiParameters;
    final int concurrency;
    @CheckForNull
    final BigDecimal maxCredits;
    final int maxImages;
    final boolean dryRun;
    final boolean reprocess;
    final boolean composeZipToPng;
    final String apiUrl;
    final int timeoutSeconds;
    final int connectTimeoutSeconds;
    /** Attempts per call, the first included; 0 for the core's default. */
    final int maxAttempts;
    final int maxRateLimitWaitSeconds;
    /** The account's rate limit; 0 for remove.bg's default of 500 megapixels a minute. */
    final int megapixelsPerMinute;
    /** The shared result cache folder on the node (absolute, or relative to the workspace), or null for none. */
    @CheckForNull
    final String cacheDir;
    /** The cache's size bound in bytes; 0 for the core's default (1 GiB). */
    final long cacheMaxBytes;
    /** How long the calls in flight may take to finish after an abort; 0 for the core's default (30 s). */
    final int stopGraceSeconds;

    private StepSettings(Builder b) {
        // Plain ArrayList and TreeMap: JDK types every agent accepts (JEP-200), unlike the immutable collections.
        this.includes = new ArrayList<>(b.includes);
        this.excludes = new ArrayList<>(b.excludes);
        this.outputDir = b.outputDir;
        this.reportFile = b.reportFile;
        this.apiParameters = new TreeMap<>(b.apiParameters);
        this.concurrency = b.concurrency;
        this.maxCredits = b.maxCredits;
        this.maxImages = b.maxImages;
        this.dryRun = b.dryRun;
        this.reprocess = b.reprocess;
        this.composeZipToPng = b.composeZipToPng;
        this.apiUrl = b.apiUrl;
        this.timeoutSeconds = b.timeoutSeconds;
        this.connectTimeoutSeconds = b.connectTimeoutSeconds;
        this.maxAttempts = b.maxAttempts;
        this.maxRateLimitWaitSeconds = b.maxRateLimitWaitSeconds;
        this.megapixelsPerMinute = b.megapixelsPerMinute;
        this.cacheDir = b.cacheDir;
        this.cacheMaxBytes = b.cacheMaxBytes;
        this.stopGraceSeconds = b.stopGraceSeconds;
    }

    /**
     * Checks every API parameter with the core's parser, except {@code bg_image_file}, whose file can only be checked
     * on the agent.
     *
     * @throws InvalidParameterException naming the first invalid parameter
     */
    void validateParameters() {
        Map<String, String> withoutFile = new TreeMap<>(apiParameters);
        withoutFile.remove(BG_IMAGE_FILE);
        RemoveBgOptions.fromParameters(withoutFile);
    }

    /** Splits a comma- or newline-separated list of Ant patterns, as Jenkins' own file fields do. */
    @NonNull
    static List<String> splitPatterns(@CheckForNull String patterns) {
        List<String> out = new ArrayList<>();
        if (patterns != null) {
            for (String p : patterns.split("[,\\n]")) {
                String trimmed = p.trim();
                if (!trimmed.isEmpty()) {
                    out.add(trimmed);
                }
            }
        }
        return out;
    }

    /**
     * Maps a per-type field onto API names: one value (e.g. {@code drop}) sets the global parameter, while
     * {@code type=value} pairs separated by commas or spaces (e.g. {@code car=car, product=drop}) set
     * {@code name[type]}.
     */
    static void putPerType(Map<String, String> target, String name, @CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String trimmed = value.trim();
        if (trimmed.indexOf('=') < 0) {
            target.put(name, trimmed);
            return;
        }
        for (String pair : trimmed.split("[,\\s]+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new InvalidParameterException(name, pair,
                        "either one value for every type, or type=value pairs such as car=car, product=drop");
            }
            String type = pair.substring(0, eq).toLowerCase(Locale.ROOT);
            target.put(name + "[" + type + "]", pair.substring(eq + 1));
        }
    }

    /**
     * Parses the extra parameters field: one {@code name=value} a line, for parameters newer than the plugin. Names the
     * core types are parsed and checked like the dedicated fields.
     */
    static void putExtraParameters(Map<String, String> target, @CheckForNull String lines) {
        if (lines == null) {
            return;
        }
        for (String line : lines.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new InvalidParameterException("extraParameters", trimmed, "one name=value pair a line");
            }
            String name = trimmed.substring(0, eq).trim();
            if (target.containsKey(name)) {
                throw new InvalidParameterException(name, trimmed.substring(eq + 1),
                        "a parameter set only once (it already has a field of its own in this step)");
            }
            target.put(name, trimmed.substring(eq + 1).trim());
        }
    }

    /**
     * Checks the API URL: HTTPS, or plain HTTP to a loopback address only (an emulator on the same machine), since the
     * API key travels in a request header.
     *
     * @return a description of what is wrong, or null when the URL is fine
     */
    @CheckForNull
    static String checkApiUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "The API URL is not a valid URL.";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "The API URL must be an absolute http(s) URL such as " + RemoveBackgroundBuilder.DEFAULT_API_URL + ".";
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null) {
            return "The API URL must not contain user information or a query.";
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            return "The API URL must use https (plain http is only allowed to a loopback address such as 127.0.0.1), "
                    + "because the API key travels with every request.";
        }
        return null;
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    /** Collects settings field by field. */
    static final class Builder {
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private String outputDir;
        private String reportFile;
        private final SortedMap<String, String> apiParameters = new TreeMap<>();
        private int concurrency;
        private BigDecimal maxCredits;
        private int maxImages;
        private boolean dryRun;
        private boolean reprocess;
        private boolean composeZipToPng;
        private String apiUrl = RemoveBackgroundBuilder.DEFAULT_API_URL;
        private int timeoutSeconds;
        private int connectTimeoutSeconds;
        private int maxAttempts;
        private int maxRateLimitWaitSeconds;
        private int megapixelsPerMinute;
        private String cacheDir;
        private long cacheMaxBytes;
        private int stopGraceSeconds;

        Builder includes(List<String> patterns) {
            includes.addAll(patterns);
            return this;
        }

        Builder excludes(List<String> patterns) {
            excludes.addAll(patterns);
            return this;
        }

        Builder outputDir(String dir) {
            this.outputDir = dir;
            return this;
        }

        Builder reportFile(@CheckForNull String file) {
            this.reportFile = file;
            return this;
        }

        /** Sets an API parameter when the value is not blank. */
        Builder parameter(String name, @CheckForNull String value) {
            if (value != null && !value.isBlank()) {
                apiParameters.put(name, value.trim());
            }
            return this;
        }

        Builder perType(String name, @CheckForNull String value) {
            putPerType(apiParameters, name, value);
            return this;
        }

        Builder extraParameters(@CheckForNull String lines) {
            putExtraParameters(apiParameters, lines);
            return this;
        }

        Builder concurrency(int value) {
            this.concurrency = value;
            return this;
        }

        Builder maxCredits(@CheckForNull BigDecimal value) {
            this.maxCredits = value;
            return this;
        }

        Builder maxImages(int value) {
            this.maxImages = value;
            return this;
        }

        Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        Builder reprocess(boolean value) {
            this.reprocess = value;
            return this;
        }

        Builder composeZipToPng(boolean value) {
            this.composeZipToPng = value;
            return this;
        }

        Builder apiUrl(String value) {
            this.apiUrl = value;
            return this;
        }

        Builder timeoutSeconds(int value) {
            this.timeoutSeconds = value;
            return this;
        }

        Builder connectTimeoutSeconds(int value) {
            this.connectTimeoutSeconds = value;
            return this;
        }

        Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        Builder maxRateLimitWaitSeconds(int value) {
            this.maxRateLimitWaitSeconds = value;
            return this;
        }

        Builder megapixelsPerMinute(int value) {
            this.megapixelsPerMinute = value;
            return this;
        }

        Builder cacheDir(@CheckForNull String value) {
            this.cacheDir = value == null || value.isBlank() ? null : value.trim();
            return this;
        }

        Builder cacheMaxBytes(long value) {
            this.cacheMaxBytes = value;
            return this;
        }

        Builder stopGraceSeconds(int value) {
            this.stopGraceSeconds = value;
            return this;
        }

        StepSettings build() {
            return new StepSettings(this);
        }
    }
}
