package io.jenkins.plugins.removebg;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.Secret;
import io.github.removebgsuite.common.error.InvalidParameterException;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Runs the step once, for the freestyle build step and the Pipeline step alike: merges the step's fields with the
 * global defaults (a step's own value wins), resolves the API key credential, runs the batch on the workspace's node,
 * records the build page and decides the build result under the failure policy.
 */
final class StepRunner {
    /** Finds the API key of a build; the credentials plugin in Jenkins, a fixed key in tests. */
    interface KeySource {
        /**
         * The key of {@code credentialsId} for {@code run}, tracked as used by it.
         *
         * @throws AbortException when there is no such Secret text credential
         */
        @NonNull
        Secret find(@NonNull String credentialsId, @NonNull Run<?, ?> run, @NonNull String apiUrl) throws IOException;
    }

    /** The credentials plugin, with the build's authentication, recording the use on the credential. */
    static final KeySource CREDENTIALS = (id, run, apiUrl) -> {
        StringCredentials credential = CredentialsProvider.findCredentialById(id, StringCredentials.class, run,
                URIRequirementBuilder.fromUri(apiUrl).build());
        if (credential == null) {
            throw new AbortException("remove.bg: no Secret text credential with the id '" + id
                    + "' is available to this build.");
        }
        CredentialsProvider.track(run, credential);
        return credential.getSecret();
    };

    private final RemoveBackgroundBuilder step;
    @CheckForNull
    private final RemoveBgGlobalConfiguration global;
    private final KeySource keys;

    /** A runner for {@code step} with the given global defaults (null for none) and the credentials plugin. */
    StepRunner(RemoveBackgroundBuilder step, @CheckForNull RemoveBgGlobalConfiguration global) {
        this(step, global, CREDENTIALS);
    }

    StepRunner(RemoveBackgroundBuilder step, @CheckForNull RemoveBgGlobalConfiguration global, KeySource keys) {
        this.step = step;
        this.global = global;
        this.keys = keys;
    }

    /** A runner with the running Jenkins' global defaults. */
    static StepRunner inJenkins(RemoveBackgroundBuilder step) {
        return new StepRunner(step, RemoveBgGlobalConfiguration.get());
    }

    /**
     * The whole run in a build: the key, the work, the build page. The caller applies the result
     * ({@link StepResult#applyTo}).
     */
    StepResult run(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull TaskListener listener) throws IOException, InterruptedException {
        String credentialsId = credentialsId();
        Secret key = keys.find(credentialsId, run, env.expand(apiUrl()));
        StepResult result = work(workspace, env, listener, key);
        RemoveBackgroundAction.record(run, result.summary(), workspace);
        return result;
    }

    /** The credential id: the step's, else the global default. */
    @NonNull
    String credentialsId() throws AbortException {
        String id = step.getCredentialsId();
        if (id == null && global != null) {
            id = global.getCredentialsId();
        }
        if (id == null) {
            throw new AbortException("remove.bg: no API key credential: set credentialsId on the step, or a default "
                    + "credential under Manage Jenkins › System › remove.bg.");
        }
        return id;
    }

    private String apiUrl() {
        String url = step.getApiUrl();
        if (url == null && global != null) {
            url = global.getApiUrl();
        }
        return url == null ? RemoveBackgroundBuilder.DEFAULT_API_URL : url;
    }

    /**
     * The step's work once the key is known, without touching the {@link Run}: expands and checks the settings, runs
     * the batch on the workspace's node, logs the summary and decides the build result under the failure policy.
     */
    StepResult work(@NonNull FilePath workspace, @NonNull EnvVars env, @NonNull TaskListener listener,
            @NonNull Secret apiKey) throws IOException, InterruptedException {
        StepSettings settings = settings(env);
        String urlProblem = StepSettings.checkApiUrl(settings.apiUrl);
        if (urlProblem != null) {
            throw new AbortException("remove.bg: apiUrl: " + urlProblem);
        }
        if (apiKey.getPlainText().isBlank()) {
            throw new AbortException("remove.bg: the API key credential holds an empty key.");
        }
        BatchSummary summary = workspace.act(
                new RemoveBackgroundCallable(settings, apiKey, listener, userAgent(), step.isFailOnError()));
        PrintStream log = listener.getLogger();
        log.println(RemoveBackgroundCallable.LOG_PREFIX + "Summary: " + summary.describe()
                + (summary.getReportFile() == null ? "" : "; report: " + summary.getReportFile()));
        if (summary.isAborted()) {
            return new StepResult(summary, Result.ABORTED, "remove.bg: the build was aborted; "
                    + summary.getNotRun() + " not run, " + summary.getProcessed() + " finished and saved");
        }
        if (summary.getFailed() == 0) {
            return new StepResult(summary, Result.SUCCESS, null);
        }
        int total = summary.getEntries().size();
        String message = "remove.bg: " + summary.getFailed() + " of " + total
                + (total == 1 ? " image" : " images") + " failed (see the lines marked FAILED above)";
        if (step.isFailOnError()) {
            return new StepResult(summary, Result.FAILURE, message);
        }
        log.println(RemoveBackgroundCallable.LOG_PREFIX + message
                + "; marking the build unstable (failOnError: false).");
        return new StepResult(summary, Result.UNSTABLE, message);
    }

    /**
     * The settings for one run: the step's fields over the global defaults, environment variables expanded, every API
     * parameter mapped onto its API name and checked by the core.
     *
     * @throws AbortException naming the parameter when a value is not allowed
     */
    StepSettings settings(EnvVars env) throws AbortException {
        RemoveBackgroundBuilder s = step;
        if (s.getIncludes() == null) {
            throw new AbortException("remove.bg: includes is required (Ant patterns such as assets/**/*.jpg).");
        }
        if (s.getOutputDir() == null) {
            throw new AbortException("remove.bg: outputDir is required (a folder relative to the workspace).");
        }
        if (s.getConcurrency() < 0 || s.getMaxImages() < 0 || s.getTimeoutSeconds() < 0) {
            throw new AbortException("remove.bg: concurrency, maxImages and timeoutSeconds cannot be negative.");
        }
        RemoveBgGlobalConfiguration g = global;
        try {
            StepSettings.Builder b = new StepSettings.Builder()
                    .includes(StepSettings.splitPatterns(env.expand(s.getIncludes())))
                    .excludes(StepSettings.splitPatterns(env.expand(s.getExcludes())))
                    .outputDir(env.expand(s.getOutputDir()))
                    .reportFile(env.expand(s.getReportFile()))
                    .parameter("size", env.expand(s.getSize()))
                    .parameter("type", env.expand(s.getType()))
                    .parameter("type_level", env.expand(s.getTypeLevel()))
                    .parameter("format", env.expand(s.getFormat()))
                    .parameter("roi", env.expand(s.getRoi()))
                    .parameter("crop", s.isCrop() ? "true" : null)
                    .parameter("crop_margin", env.expand(s.getCropMargin()))
                    .parameter("scale", env.expand(s.getScale()))
                    .parameter("position", env.expand(s.getPosition()))
                    .parameter("channels", env.expand(s.getChannels()))
                    .parameter("add_shadow", s.isAddShadow() ? "true" : null)
                    .perType("shadow_type", env.expand(s.getShadowType()))
                    .perType("shadow_opacity", env.expand(s.getShadowOpacity()))
                    .parameter("semitransparency", s.isSemitransparency() ? null : "false")
                    .parameter("bg_color", env.expand(s.getBgColor()))
                    .parameter("bg_image_url", env.expand(s.getBgImageUrl()))
                    .parameter(StepSettings.BG_IMAGE_FILE, env.expand(s.getBgImageFile()))
                    .extraParameters(env.expand(s.getExtraParameters()))
                    .maxImages(s.getMaxImages())
                    .dryRun(s.isDryRun())
                    .reprocess(s.isReprocess())
                    .composeZipToPng(s.isComposeZipToPng())
                    .apiUrl(env.expand(apiUrl()))
                    // The step's own value wins; 0 or empty falls back to the global default.
                    .concurrency(orDefault(s.getConcurrency(), g == null ? 0 : g.getConcurrency()))
                    .timeoutSeconds(orDefault(s.getTimeoutSeconds(), g == null ? 0 : g.getTimeoutSeconds()))
                    .cacheDir(env.expand(s.getCacheDir() != null ? s.getCacheDir()
                            : g == null ? null : g.getCacheDir()));
            if (g != null) {
                b.connectTimeoutSeconds(g.getConnectTimeoutSeconds())
                        .maxAttempts(g.getMaxAttempts())
                        .maxRateLimitWaitSeconds(g.getMaxRateLimitWaitSeconds())
                        .megapixelsPerMinute(g.getMegapixelsPerMinute())
                        .cacheMaxBytes(g.getCacheMaxMegabytes() * 1024L * 1024L)
                        .stopGraceSeconds(g.getStopGraceSeconds());
            }
            String credits = env.expand(s.getMaxCredits());
            if (credits != null) {
                b.maxCredits(parseCredits(credits));
            }
            StepSettings settings = b.build();
            settings.validateParameters();
            return settings;
        } catch (InvalidParameterException e) {
            throw new AbortException("remove.bg: " + e.getMessage());
        }
    }

    private static int orDefault(int own, int fallback) {
        return own > 0 ? own : fallback;
    }

    private static BigDecimal parseCredits(String value) {
        try {
            BigDecimal credits = new BigDecimal(value.trim());
            if (credits.signum() < 0) {
                throw new InvalidParameterException("maxCredits", value, "a number of credits of at least 0");
            }
            return credits;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("maxCredits", value, "a number of credits such as 25 or 12.5");
        }
    }

    private static String userAgent() {
        String version = RemoveBackgroundBuilder.class.getPackage().getImplementationVersion();
        return "removebg-jenkins/" + (version == null ? "dev" : version);
    }

    /** The name of the node holding {@code workspace} ("" for the built-in node), or null when unknown. */
    @CheckForNull
    static String nodeName(FilePath workspace) {
        Computer computer = workspace.toComputer();
        return computer == null ? null : computer.getName();
    }
}
