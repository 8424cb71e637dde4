package io.jenkins.plugins.removebg;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.request.Channels;
import io.github.removebgsuite.common.request.ForegroundType;
import io.github.removebgsuite.common.request.Format;
import io.github.removebgsuite.common.request.Size;
import io.github.removebgsuite.common.request.TypeLevel;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Arrays;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Removes the backgrounds of workspace images with remove.bg, as a freestyle build step and as the Pipeline step
 * {@code removeBackground}:
 *
 * <pre>
 * removeBackground credentialsId: 'removebg', includes: 'assets/**&#47;*.jpg', outputDir: 'build/cutouts', size: 'full'
 * </pre>
 *
 * <p>The work runs on the agent that holds the workspace. Images whose content and parameters are unchanged since an
 * earlier build are skipped through a manifest in the output folder, so a re-run spends no credit. Every API parameter
 * is a field named after it ({@code cropMargin} is {@code crop_margin}) and is checked by the shared core before any
 * call. The API key comes from a <em>Secret text</em> credential and never appears in the log.
 */
public class RemoveBackgroundBuilder extends Builder implements SimpleBuildStep {
    /** remove.bg's API base URL. */
    public static final String DEFAULT_API_URL = "https://api.remove.bg/v1.0";

    private final String credentialsId;
    private final String includes;
    private final String outputDir;

    private String excludes;
    private String reportFile;

    private String size;
    private String type;
    private String typeLevel;
    private String format;
    private String roi;
    private boolean crop;
    private String cropMargin;
    private String scale;
    private String position;
    private String channels;
    private boolean addShadow;
    private String shadowType;
    private String shadowOpacity;
    private boolean semitransparency = true;
    private String bgColor;
    private String bgImageUrl;
    private String bgImageFile;
    private String extraParameters;

    private int concurrency;
    private String maxCredits;
    private int maxImages;
    private boolean dryRun;
    private boolean reprocess;
    private boolean failOnError = true;
    private boolean composeZipToPng;
    private String apiUrl;
    private int timeoutSeconds;

    /**
     * The required fields.
     *
     * @param credentialsId the id of a <em>Secret text</em> credential holding the remove.bg API key
     * @param includes Ant patterns of the images to process, relative to the workspace, separated by commas
     * @param outputDir the folder, relative to the workspace, where the results are written (mirroring the inputs'
     *     folders)
     */
    @DataBoundConstructor
    public RemoveBackgroundBuilder(String credentialsId, String includes, String outputDir) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        this.includes = Util.fixEmptyAndTrim(includes);
        this.outputDir = Util.fixEmptyAndTrim(outputDir);
    }

    /** The id of the <em>Secret text</em> credential holding the API key. */
    public String getCredentialsId() {
        return credentialsId;
    }

    /** Ant patterns of the images to process, relative to the workspace. */
    public String getIncludes() {
        return includes;
    }

    /** The output folder, relative to the workspace. */
    public String getOutputDir() {
        return outputDir;
    }

    /** Ant patterns of files to leave out. */
    @CheckForNull
    public String getExcludes() {
        return excludes;
    }

    /** Sets the Ant patterns of files to leave out (comma-separated). */
    @DataBoundSetter
    public void setExcludes(String excludes) {
        this.excludes = Util.fixEmptyAndTrim(excludes);
    }

    /** Where the JSON report is written, relative to the workspace; by default {@code removebg-report.json} in the output folder. */
    @CheckForNull
    public String getReportFile() {
        return reportFile;
    }

    /** Sets the report file, relative to the workspace. */
    @DataBoundSetter
    public void setReportFile(String reportFile) {
        this.reportFile = Util.fixEmptyAndTrim(reportFile);
    }

    /** {@code size}: the output resolution ({@code preview}, {@code full}, {@code 50MP}, {@code auto} or a legacy alias). */
    @CheckForNull
    public String getSize() {
        return size;
    }

    /** Sets {@code size}. */
    @DataBoundSetter
    public void setSize(String size) {
        this.size = Util.fixEmptyAndTrim(size);
    }

    /** {@code type}: the foreground type to detect or assume. */
    @CheckForNull
    public String getType() {
        return type;
    }

    /** Sets {@code type}. */
    @DataBoundSetter
    public void setType(String type) {
        this.type = Util.fixEmptyAndTrim(type);
    }

    /** {@code type_level}: the classification level reported for the foreground. */
    @CheckForNull
    public String getTypeLevel() {
        return typeLevel;
    }

    /** Sets {@code type_level}. */
    @DataBoundSetter
    public void setTypeLevel(String typeLevel) {
        this.typeLevel = Util.fixEmptyAndTrim(typeLevel);
    }

    /** {@code format}: the result format ({@code auto}, {@code png}, {@code webp}, {@code jpg}, {@code zip}). */
    @CheckForNull
    public String getFormat() {
        return format;
    }

    /** Sets {@code format}. */
    @DataBoundSetter
    public void setFormat(String format) {
        this.format = Util.fixEmptyAndTrim(format);
    }

    /** {@code roi}: the region of interest, {@code x1 y1 x2 y2} in {@code px} or {@code %}. */
    @CheckForNull
    public String getRoi() {
        return roi;
    }

    /** Sets {@code roi}. */
    @DataBoundSetter
    public void setRoi(String roi) {
        this.roi = Util.fixEmptyAndTrim(roi);
    }

    /** {@code crop}: whether to crop off empty regions. */
    public boolean isCrop() {
        return crop;
    }

    /** Sets {@code crop}. */
    @DataBoundSetter
    public void setCrop(boolean crop) {
        this.crop = crop;
    }

    /** {@code crop_margin}: the margin around a cropped subject (only with {@code crop}). */
    @CheckForNull
    public String getCropMargin() {
        return cropMargin;
    }

    /** Sets {@code crop_margin}. */
    @DataBoundSetter
    public void setCropMargin(String cropMargin) {
        this.cropMargin = Util.fixEmptyAndTrim(cropMargin);
    }

    /** {@code scale}: the subject's size relative to the image, {@code 10%}–{@code 100%} or {@code original}. */
    @CheckForNull
    public String getScale() {
        return scale;
    }

    /** Sets {@code scale}. */
    @DataBoundSetter
    public void setScale(String scale) {
        this.scale = Util.fixEmptyAndTrim(scale);
    }

    /** {@code position}: where the subject sits on the canvas. */
    @CheckForNull
    public String getPosition() {
        return position;
    }

    /** Sets {@code position}. */
    @DataBoundSetter
    public void setPosition(String position) {
        this.position = Util.fixEmptyAndTrim(position);
    }

    /** {@code channels}: {@code rgba} (the finished image) or {@code alpha} (the mask only). */
    @CheckForNull
    public String getChannels() {
        return channels;
    }

    /** Sets {@code channels}. */
    @DataBoundSetter
    public void setChannels(String channels) {
        this.channels = Util.fixEmptyAndTrim(channels);
    }

    /** {@code add_shadow}: deprecated by the API in favour of {@code shadow_type}. */
    public boolean isAddShadow() {
        return addShadow;
    }

    /** Sets {@code add_shadow}. */
    @DataBoundSetter
    public void setAddShadow(boolean addShadow) {
        this.addShadow = addShadow;
    }

    /**
     * {@code shadow_type}: one value for every foreground type, or {@code type=value} pairs ({@code car=car,
     * product=drop}) that become {@code shadow_type[car]} and so on.
     */
    @CheckForNull
    public String getShadowType() {
        return shadowType;
    }

    /** Sets {@code shadow_type}. */
    @DataBoundSetter
    public void setShadowType(String shadowType) {
        this.shadowType = Util.fixEmptyAndTrim(shadowType);
    }

    /** {@code shadow_opacity}: 0–100 or {@code auto}, or {@code type=value} pairs per foreground type. */
    @CheckForNull
    public String getShadowOpacity() {
        return shadowOpacity;
    }

    /** Sets {@code shadow_opacity}. */
    @DataBoundSetter
    public void setShadowOpacity(String shadowOpacity) {
        this.shadowOpacity = Util.fixEmptyAndTrim(shadowOpacity);
    }

    /** {@code semitransparency}: whether semi-transparent regions are kept (the API's default is true). */
    public boolean isSemitransparency() {
        return semitransparency;
    }

    /** Sets {@code semitransparency}. */
    @DataBoundSetter
    public void setSemitransparency(boolean semitransparency) {
        this.semitransparency = semitransparency;
    }

    /** {@code bg_color}: a background colour, hex ({@code 81d4fa}, {@code fff8}) or a colour name. */
    @CheckForNull
    public String getBgColor() {
        return bgColor;
    }

    /** Sets {@code bg_color}. */
    @DataBoundSetter
    public void setBgColor(String bgColor) {
        this.bgColor = Util.fixEmptyAndTrim(bgColor);
    }

    /** {@code bg_image_url}: a background image remove.bg downloads. */
    @CheckForNull
    public String getBgImageUrl() {
        return bgImageUrl;
    }

    /** Sets {@code bg_image_url}. */
    @DataBoundSetter
    public void setBgImageUrl(String bgImageUrl) {
        this.bgImageUrl = Util.fixEmptyAndTrim(bgImageUrl);
    }

    /** {@code bg_image_file}: a background image file, relative to the workspace, uploaded with every image. */
    @CheckForNull
    public String getBgImageFile() {
        return bgImageFile;
    }

    /** Sets {@code bg_image_file}. */
    @DataBoundSetter
    public void setBgImageFile(String bgImageFile) {
        this.bgImageFile = Util.fixEmptyAndTrim(bgImageFile);
    }

    /** Parameters newer than this plugin, one {@code name=value} a line, sent as given. */
    @CheckForNull
    public String getExtraParameters() {
        return extraParameters;
    }

    /** Sets the extra parameters. */
    @DataBoundSetter
    public void setExtraParameters(String extraParameters) {
        this.extraParameters = Util.fixEmptyAndTrim(extraParameters);
    }

    /** How many images are sent at once; 0 for the default (4). */
    public int getConcurrency() {
        return concurrency;
    }

    /** Sets how many images are sent at once. */
    @DataBoundSetter
    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    /** The most credits one run may spend (a decimal); empty for no limit. */
    @CheckForNull
    public String getMaxCredits() {
        return maxCredits;
    }

    /** Sets the credit budget. */
    @DataBoundSetter
    public void setMaxCredits(String maxCredits) {
        this.maxCredits = Util.fixEmptyAndTrim(maxCredits);
    }

    /** The most images one run may send; 0 for no limit. */
    public int getMaxImages() {
        return maxImages;
    }

    /** Sets the image budget. */
    @DataBoundSetter
    public void setMaxImages(int maxImages) {
        this.maxImages = maxImages;
    }

    /** Whether to only list the images and estimate the credits, sending nothing. */
    public boolean isDryRun() {
        return dryRun;
    }

    /** Sets dry run. */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** Whether to process images again even when the manifest shows them unchanged. */
    public boolean isReprocess() {
        return reprocess;
    }

    /** Sets reprocess. */
    @DataBoundSetter
    public void setReprocess(boolean reprocess) {
        this.reprocess = reprocess;
    }

    /**
     * Whether a failed image fails the build and stops starting new images (true, the default), or marks the build
     * unstable and goes on with the others (false).
     */
    public boolean isFailOnError() {
        return failOnError;
    }

    /** Sets the failure policy. */
    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    /** Whether {@code format=zip} results are written as composed transparent PNGs rather than as ZIP files. */
    public boolean isComposeZipToPng() {
        return composeZipToPng;
    }

    /** Sets ZIP composition. */
    @DataBoundSetter
    public void setComposeZipToPng(boolean composeZipToPng) {
        this.composeZipToPng = composeZipToPng;
    }

    /** The API base URL; empty for remove.bg itself. */
    @CheckForNull
    public String getApiUrl() {
        return apiUrl;
    }

    /** Sets the API base URL (https, or http to a loopback emulator). */
    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        String url = Util.fixEmptyAndTrim(apiUrl);
        this.apiUrl = DEFAULT_API_URL.equals(url) ? null : url;
    }

    /** How long to wait for one response, in seconds; 0 for the client's default. */
    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    /** Sets the read timeout in seconds. */
    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    private String effectiveApiUrl() {
        return apiUrl == null ? DEFAULT_API_URL : apiUrl;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        if (credentialsId == null) {
            throw new AbortException("remove.bg: credentialsId is required (a Secret text credential holding the API key).");
        }
        StringCredentials credential = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class,
                run, URIRequirementBuilder.fromUri(env.expand(effectiveApiUrl())).build());
        if (credential == null) {
            throw new AbortException("remove.bg: no Secret text credential with the id '" + credentialsId
                    + "' is available to this build.");
        }
        CredentialsProvider.track(run, credential);
        StepResult result = perform(workspace, env, listener, credential.getSecret());
        RemoveBackgroundAction.record(run, result.summary());
        result.applyTo(run);
    }

    /**
     * The step's work once the key is known, without touching the {@link Run}: expands and checks the settings, runs
     * the batch on the workspace's node, logs the summary and decides the build result under the failure policy.
     */
    StepResult perform(@NonNull FilePath workspace, @NonNull EnvVars env, @NonNull TaskListener listener,
            @NonNull Secret apiKey) throws IOException, InterruptedException {
        StepSettings settings = settings(env);
        String urlProblem = StepSettings.checkApiUrl(settings.apiUrl);
        if (urlProblem != null) {
            throw new AbortException("remove.bg: apiUrl: " + urlProblem);
        }
        if (apiKey.getPlainText().isBlank()) {
            throw new AbortException("remove.bg: the credential '" + credentialsId + "' holds an empty API key.");
        }
        BatchSummary summary = workspace.act(
                new RemoveBackgroundCallable(settings, apiKey, listener, userAgent(), failOnError));
        PrintStream log = listener.getLogger();
        log.println(RemoveBackgroundCallable.LOG_PREFIX + "Summary: " + summary.describe()
                + (summary.getReportFile() == null ? "" : "; report: " + summary.getReportFile()));
        if (summary.getFailed() == 0) {
            return new StepResult(summary, Result.SUCCESS, null);
        }
        int total = summary.getEntries().size();
        String message = "remove.bg: " + summary.getFailed() + " of " + total
                + (total == 1 ? " image" : " images") + " failed (see the lines marked FAILED above)";
        if (failOnError) {
            return new StepResult(summary, Result.FAILURE, message);
        }
        log.println(RemoveBackgroundCallable.LOG_PREFIX + message + "; marking the build unstable (failOnError: false).");
        return new StepResult(summary, Result.UNSTABLE, message);
    }

    /**
     * The settings for one run: environment variables expanded, every API parameter mapped onto its API name and
     * checked by the core.
     *
     * @throws AbortException naming the parameter when a value is not allowed
     */
    StepSettings settings(EnvVars env) throws AbortException {
        if (includes == null) {
            throw new AbortException("remove.bg: includes is required (Ant patterns such as assets/**/*.jpg).");
        }
        if (outputDir == null) {
            throw new AbortException("remove.bg: outputDir is required (a folder relative to the workspace).");
        }
        try {
            StepSettings.Builder b = new StepSettings.Builder()
                    .includes(StepSettings.splitPatterns(env.expand(includes)))
                    .excludes(StepSettings.splitPatterns(env.expand(excludes)))
                    .outputDir(env.expand(outputDir))
                    .reportFile(env.expand(reportFile))
                    .parameter("size", env.expand(size))
                    .parameter("type", env.expand(type))
                    .parameter("type_level", env.expand(typeLevel))
                    .parameter("format", env.expand(format))
                    .parameter("roi", env.expand(roi))
                    .parameter("crop", crop ? "true" : null)
                    .parameter("crop_margin", env.expand(cropMargin))
                    .parameter("scale", env.expand(scale))
                    .parameter("position", env.expand(position))
                    .parameter("channels", env.expand(channels))
                    .parameter("add_shadow", addShadow ? "true" : null)
                    .perType("shadow_type", env.expand(shadowType))
                    .perType("shadow_opacity", env.expand(shadowOpacity))
                    .parameter("semitransparency", semitransparency ? null : "false")
                    .parameter("bg_color", env.expand(bgColor))
                    .parameter("bg_image_url", env.expand(bgImageUrl))
                    .parameter(StepSettings.BG_IMAGE_FILE, env.expand(bgImageFile))
                    .extraParameters(env.expand(extraParameters))
                    .concurrency(concurrency)
                    .maxImages(maxImages)
                    .dryRun(dryRun)
                    .reprocess(reprocess)
                    .composeZipToPng(composeZipToPng)
                    .apiUrl(env.expand(effectiveApiUrl()))
                    .timeoutSeconds(timeoutSeconds);
            if (concurrency < 0 || maxImages < 0 || timeoutSeconds < 0) {
                throw new AbortException("remove.bg: concurrency, maxImages and timeoutSeconds cannot be negative.");
            }
            String credits = env.expand(maxCredits);
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

    /** The descriptor: display name, Pipeline symbol and the form's drop-downs and checks. */
    @Symbol("removeBackground")
    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        /** Creates the descriptor (Jenkins does, once). */
        public DescriptorImpl() {
            super(RemoveBackgroundBuilder.class);
        }

        @Override
        @NonNull
        public String getDisplayName() {
            return "Remove image backgrounds (remove.bg)";
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        /** Whether the current user may configure {@code item} (or Jenkins, outside an item). */
        private static boolean canConfigure(@CheckForNull Item item) {
            return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
        }

        /** Whether the current user may see which credentials {@code item} can use. */
        private static boolean canListCredentials(@CheckForNull Item item) {
            return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                    : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
        }

        /** The Secret text credentials the job can use. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            StandardListBoxModel result = new StandardListBoxModel();
            String current = Util.fixNull(credentialsId);
            if (!canListCredentials(item)) {
                return result.includeCurrentValue(current);
            }
            return result.includeEmptyValue()
                    .includeMatchingAs(item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                            item, StringCredentials.class, URIRequirementBuilder.fromUri(DEFAULT_API_URL).build(),
                            CredentialsMatchers.always())
                    .includeCurrentValue(current);
        }

        /** Checks that the credential exists and is a Secret text. */
        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            if (!canListCredentials(item)) {
                return FormValidation.ok();
            }
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.error("Choose the Secret text credential that holds the remove.bg API key.");
            }
            if (value.startsWith("${") && value.endsWith("}")) {
                return FormValidation.warning("Resolved from a build parameter when the build runs.");
            }
            if (CredentialsProvider.listCredentialsInItem(StringCredentials.class, item,
                    item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                    URIRequirementBuilder.fromUri(DEFAULT_API_URL).build(), CredentialsMatchers.withId(value)).isEmpty()) {
                return FormValidation.error("No Secret text credential with this id is available to this job.");
            }
            return FormValidation.ok();
        }

        /** Checks the include patterns. */
        @POST
        public FormValidation doCheckIncludes(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.includes(value) : FormValidation.ok();
        }

        /** Checks the exclude patterns. */
        @POST
        public FormValidation doCheckExcludes(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.excludes(value) : FormValidation.ok();
        }

        /** Checks the output folder. */
        @POST
        public FormValidation doCheckOutputDir(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.workspacePath(value, true) : FormValidation.ok();
        }

        /** Checks the report file. */
        @POST
        public FormValidation doCheckReportFile(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.workspacePath(value, false) : FormValidation.ok();
        }

        /** Checks the background image file. */
        @POST
        public FormValidation doCheckBgImageFile(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.workspacePath(value, false) : FormValidation.ok();
        }

        /** The values of {@code size}. */
        @POST
        public ListBoxModel doFillSizeItems(@AncestorInPath Item item) {
            return canConfigure(item) ? FormChecks.choices(Size.values(), Size::wireValue) : new ListBoxModel();
        }

        /** The values of {@code type}. */
        @POST
        public ListBoxModel doFillTypeItems(@AncestorInPath Item item) {
            if (!canConfigure(item)) {
                return new ListBoxModel();
            }
            ForegroundType[] types = Arrays.stream(ForegroundType.values())
                    .filter(t -> t != ForegroundType.OTHER).toArray(ForegroundType[]::new);
            return FormChecks.choices(types, ForegroundType::wireValue);
        }

        /** The values of {@code type_level}. */
        @POST
        public ListBoxModel doFillTypeLevelItems(@AncestorInPath Item item) {
            return canConfigure(item) ? FormChecks.choices(TypeLevel.values(), TypeLevel::wireValue) : new ListBoxModel();
        }

        /** The values of {@code format}. */
        @POST
        public ListBoxModel doFillFormatItems(@AncestorInPath Item item) {
            return canConfigure(item) ? FormChecks.choices(Format.values(), Format::wireValue) : new ListBoxModel();
        }

        /** The values of {@code channels}. */
        @POST
        public ListBoxModel doFillChannelsItems(@AncestorInPath Item item) {
            return canConfigure(item) ? FormChecks.choices(Channels.values(), Channels::wireValue) : new ListBoxModel();
        }

        /** Checks {@code roi}. */
        @POST
        public FormValidation doCheckRoi(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.apiParameter("roi", value) : FormValidation.ok();
        }

        /** Checks {@code crop_margin}. */
        @POST
        public FormValidation doCheckCropMargin(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.apiParameter("crop_margin", value) : FormValidation.ok();
        }

        /** Checks {@code scale}. */
        @POST
        public FormValidation doCheckScale(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.apiParameter("scale", value) : FormValidation.ok();
        }

        /** Checks {@code position}. */
        @POST
        public FormValidation doCheckPosition(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.apiParameter("position", value) : FormValidation.ok();
        }

        /** Checks {@code shadow_type}. */
        @POST
        public FormValidation doCheckShadowType(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.perType("shadow_type", value) : FormValidation.ok();
        }

        /** Checks {@code shadow_opacity}. */
        @POST
        public FormValidation doCheckShadowOpacity(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.perType("shadow_opacity", value) : FormValidation.ok();
        }

        /** Checks {@code bg_color}. */
        @POST
        public FormValidation doCheckBgColor(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.apiParameter("bg_color", value) : FormValidation.ok();
        }

        /** Checks {@code bg_image_url}. */
        @POST
        public FormValidation doCheckBgImageUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.apiParameter("bg_image_url", value) : FormValidation.ok();
        }

        /** Checks the extra parameters. */
        @POST
        public FormValidation doCheckExtraParameters(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.extraParameters(value) : FormValidation.ok();
        }

        /** Checks the concurrency. */
        @POST
        public FormValidation doCheckConcurrency(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.concurrency(value) : FormValidation.ok();
        }

        /** Checks the credit budget. */
        @POST
        public FormValidation doCheckMaxCredits(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.maxCredits(value) : FormValidation.ok();
        }

        /** Checks the image budget. */
        @POST
        public FormValidation doCheckMaxImages(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.wholeNumber(value, 0, Integer.MAX_VALUE, "The image budget")
                    : FormValidation.ok();
        }

        /** Checks the timeout. */
        @POST
        public FormValidation doCheckTimeoutSeconds(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.wholeNumber(value, 0, 3600, "The timeout") : FormValidation.ok();
        }

        /** Checks the API URL. */
        @POST
        public FormValidation doCheckApiUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return canConfigure(item) ? FormChecks.apiUrl(value) : FormValidation.ok();
        }
    }
}
