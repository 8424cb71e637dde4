package io.jenkins.plugins.removebg;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import hudson.util.Secret;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

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
 * call. The API key comes from a <em>Secret text</em> credential and never appears in the log. Fields left empty take
 * the defaults of <em>Manage Jenkins › System › remove.bg</em> ({@link RemoveBgGlobalConfiguration}).
 *
 * <p>This class is also the configuration the Pipeline step {@link RemoveBackgroundStep} runs with; the work itself is
 * {@link StepRunner}'s, the form's checks are {@link RemoveBackgroundDescriptor}'s.
 */
public class RemoveBackgroundBuilder extends Builder implements SimpleBuildStep {
    /** remove.bg's API base URL. */
    public static final String DEFAULT_API_URL = "https://api.remove.bg/v1.0";

    private String credentialsId;
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
    private String cacheDir;

    /**
     * The required fields.
     *
     * @param credentialsId the id of a <em>Secret text</em> credential holding the remove.bg API key; empty for the
     *     global default
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

    /**
     * The result cache folder on the node: an absolute folder shared by every workspace there (a result paid for once
     * is reused at no cost), or one relative to the workspace; empty for the default of <em>Manage Jenkins › System
     * › remove.bg</em> (no cache unless set there).
     */
    @CheckForNull
    public String getCacheDir() {
        return cacheDir;
    }

    /** Sets the result cache folder. */
    @DataBoundSetter
    public void setCacheDir(String cacheDir) {
        this.cacheDir = Util.fixEmptyAndTrim(cacheDir);
    }

    /** Sets the credential id after construction (the Pipeline step, where it is an optional argument). */
    void credentialsId(@CheckForNull String id) {
        this.credentialsId = Util.fixEmptyAndTrim(id);
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        StepRunner.inJenkins(this).run(run, workspace, env, listener).applyTo(run);
    }

    /** The step's work with a known key and no global defaults, without touching a {@link Run} (for tests). */
    StepResult perform(@NonNull FilePath workspace, @NonNull EnvVars env, @NonNull TaskListener listener,
            @NonNull Secret apiKey) throws IOException, InterruptedException {
        return new StepRunner(this, null).work(workspace, env, listener, apiKey);
    }

    /** The settings for one run without global defaults (for tests). */
    StepSettings settings(EnvVars env) throws AbortException {
        return new StepRunner(this, null).settings(env);
    }
}
