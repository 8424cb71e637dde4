package io.jenkins.plugins.removebg;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Pipeline step {@code removeBackground}: the freestyle step's work, returning its summary so that a Pipeline
 * can branch on it.
 *
 * <pre>
 * def r = removeBackground includes: 'assets/**&#47;*.jpg', outputDir: 'build/cutouts', cacheDir: '/var/cache/removebg'
 * if (r.failed &gt; 0 || r.credits &gt; 20) { unstable "remove.bg: ${r.failed} failed, ${r.credits} credits" }
 * archiveArtifacts r.outputs.join(',')
 * </pre>
 *
 * <p>The arguments are the freestyle step's ({@link RemoveBackgroundBuilder}), with the same names and defaults;
 * the return value is a {@code Map} of plain values ({@link BatchSummary#toMap()}), readable in a sandboxed script
 * without approvals. A failed image fails the step ({@code failOnError: true}, the default) or marks the build
 * unstable; aborting the build lets the calls in flight finish and saves them (see {@link BatchRun}).
 */
public class RemoveBackgroundStep extends Step {
    private final RemoveBackgroundBuilder config;

    /**
     * The required arguments.
     *
     * @param includes Ant patterns of the images to process, relative to the workspace, separated by commas
     * @param outputDir the folder, relative to the workspace, where the results are written
     */
    @DataBoundConstructor
    public RemoveBackgroundStep(String includes, String outputDir) {
        this.config = new RemoveBackgroundBuilder(null, includes, outputDir);
    }

    /** See {@link RemoveBackgroundBuilder#getIncludes()}. */
    public String getIncludes() {
        return config.getIncludes();
    }

    /** See {@link RemoveBackgroundBuilder#getOutputDir()}. */
    public String getOutputDir() {
        return config.getOutputDir();
    }

    /** See {@link RemoveBackgroundBuilder#getCredentialsId()}. */
    @CheckForNull
    public String getCredentialsId() {
        return config.getCredentialsId();
    }

    /** Sets the API key credential; empty for the global default. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        config.credentialsId(credentialsId);
    }

    /** See {@link RemoveBackgroundBuilder#getExcludes()}. */
    @CheckForNull
    public String getExcludes() {
        return config.getExcludes();
    }

    /** See {@link RemoveBackgroundBuilder#setExcludes(String)}. */
    @DataBoundSetter
    public void setExcludes(String excludes) {
        config.setExcludes(excludes);
    }

    /** See {@link RemoveBackgroundBuilder#getReportFile()}. */
    @CheckForNull
    public String getReportFile() {
        return config.getReportFile();
    }

    /** See {@link RemoveBackgroundBuilder#setReportFile(String)}. */
    @DataBoundSetter
    public void setReportFile(String reportFile) {
        config.setReportFile(reportFile);
    }

    /** See {@link RemoveBackgroundBuilder#getSize()}. */
    @CheckForNull
    public String getSize() {
        return config.getSize();
    }

    /** See {@link RemoveBackgroundBuilder#setSize(String)}. */
    @DataBoundSetter
    public void setSize(String size) {
        config.setSize(size);
    }

    /** See {@link RemoveBackgroundBuilder#getType()}. */
    @CheckForNull
    public String getType() {
        return config.getType();
    }

    /** See {@link RemoveBackgroundBuilder#setType(String)}. */
    @DataBoundSetter
    public void setType(String type) {
        config.setType(type);
    }

    /** See {@link RemoveBackgroundBuilder#getTypeLevel()}. */
    @CheckForNull
    public String getTypeLevel() {
        return config.getTypeLevel();
    }

    /** See {@link RemoveBackgroundBuilder#setTypeLevel(String)}. */
    @DataBoundSetter
    public void setTypeLevel(String typeLevel) {
        config.setTypeLevel(typeLevel);
    }

    /** See {@link RemoveBackgroundBuilder#getFormat()}. */
    @CheckForNull
    public String getFormat() {
        return config.getFormat();
    }

    /** See {@link RemoveBackgroundBuilder#setFormat(String)}. */
    @DataBoundSetter
    public void setFormat(String format) {
        config.setFormat(format);
    }

    /** See {@link RemoveBackgroundBuilder#getRoi()}. */
    @CheckForNull
    public String getRoi() {
        return config.getRoi();
    }

    /** See {@link RemoveBackgroundBuilder#setRoi(String)}. */
    @DataBoundSetter
    public void setRoi(String roi) {
        config.setRoi(roi);
    }

    /** See {@link RemoveBackgroundBuilder#isCrop()}. */
    public boolean isCrop() {
        return config.isCrop();
    }

    /** See {@link RemoveBackgroundBuilder#setCrop(boolean)}. */
    @DataBoundSetter
    public void setCrop(boolean crop) {
        config.setCrop(crop);
    }

    /** See {@link RemoveBackgroundBuilder#getCropMargin()}. */
    @CheckForNull
    public String getCropMargin() {
        return config.getCropMargin();
    }

    /** See {@link RemoveBackgroundBuilder#setCropMargin(String)}. */
    @DataBoundSetter
    public void setCropMargin(String cropMargin) {
        config.setCropMargin(cropMargin);
    }

    /** See {@link RemoveBackgroundBuilder#getScale()}. */
    @CheckForNull
    public String getScale() {
        return config.getScale();
    }

    /** See {@link RemoveBackgroundBuilder#setScale(String)}. */
    @DataBoundSetter
    public void setScale(String scale) {
        config.setScale(scale);
    }

    /** See {@link RemoveBackgroundBuilder#getPosition()}. */
    @CheckForNull
    public String getPosition() {
        return config.getPosition();
    }

    /** See {@link RemoveBackgroundBuilder#setPosition(String)}. */
    @DataBoundSetter
    public void setPosition(String position) {
        config.setPosition(position);
    }

    /** See {@link RemoveBackgroundBuilder#getChannels()}. */
    @CheckForNull
    public String getChannels() {
        return config.getChannels();
    }

    /** See {@link RemoveBackgroundBuilder#setChannels(String)}. */
    @DataBoundSetter
    public void setChannels(String channels) {
        config.setChannels(channels);
    }

    /** See {@link RemoveBackgroundBuilder#isAddShadow()}. */
    public boolean isAddShadow() {
        return config.isAddShadow();
    }

    /** See {@link RemoveBackgroundBuilder#setAddShadow(boolean)}. */
    @DataBoundSetter
    public void setAddShadow(boolean addShadow) {
        config.setAddShadow(addShadow);
    }

    /** See {@link RemoveBackgroundBuilder#getShadowType()}. */
    @CheckForNull
    public String getShadowType() {
        return config.getShadowType();
    }

    /** See {@link RemoveBackgroundBuilder#setShadowType(String)}. */
    @DataBoundSetter
    public void setShadowType(String shadowType) {
        config.setShadowType(shadowType);
    }

    /** See {@link RemoveBackgroundBuilder#getShadowOpacity()}. */
    @CheckForNull
    public String getShadowOpacity() {
        return config.getShadowOpacity();
    }

    /** See {@link RemoveBackgroundBuilder#setShadowOpacity(String)}. */
    @DataBoundSetter
    public void setShadowOpacity(String shadowOpacity) {
        config.setShadowOpacity(shadowOpacity);
    }

    /** See {@link RemoveBackgroundBuilder#isSemitransparency()}. */
    public boolean isSemitransparency() {
        return config.isSemitransparency();
    }

    /** See {@link RemoveBackgroundBuilder#setSemitransparency(boolean)}. */
    @DataBoundSetter
    public void setSemitransparency(boolean semitransparency) {
        config.setSemitransparency(semitransparency);
    }

    /** See {@link RemoveBackgroundBuilder#getBgColor()}. */
    @CheckForNull
    public String getBgColor() {
        return config.getBgColor();
    }

    /** See {@link RemoveBackgroundBuilder#setBgColor(String)}. */
    @DataBoundSetter
    public void setBgColor(String bgColor) {
        config.setBgColor(bgColor);
    }

    /** See {@link RemoveBackgroundBuilder#getBgImageUrl()}. */
    @CheckForNull
    public String getBgImageUrl() {
        return config.getBgImageUrl();
    }

    /** See {@link RemoveBackgroundBuilder#setBgImageUrl(String)}. */
    @DataBoundSetter
    public void setBgImageUrl(String bgImageUrl) {
        config.setBgImageUrl(bgImageUrl);
    }

    /** See {@link RemoveBackgroundBuilder#getBgImageFile()}. */
    @CheckForNull
    public String getBgImageFile() {
        return config.getBgImageFile();
    }

    /** See {@link RemoveBackgroundBuilder#setBgImageFile(String)}. */
    @DataBoundSetter
    public void setBgImageFile(String bgImageFile) {
        config.setBgImageFile(bgImageFile);
    }

    /** See {@link RemoveBackgroundBuilder#getExtraParameters()}. */
    @CheckForNull
    public String getExtraParameters() {
        return config.getExtraParameters();
    }

    /** See {@link RemoveBackgroundBuilder#setExtraParameters(String)}. */
    @DataBoundSetter
    public void setExtraParameters(String extraParameters) {
        config.setExtraParameters(extraParameters);
    }

    /** See {@link RemoveBackgroundBuilder#getConcurrency()}. */
    public int getConcurrency() {
        return config.getConcurrency();
    }

    /** See {@link RemoveBackgroundBuilder#setConcurrency(int)}. */
    @DataBoundSetter
    public void setConcurrency(int concurrency) {
        config.setConcurrency(concurrency);
    }

    /** See {@link RemoveBackgroundBuilder#getMaxCredits()}. */
    @CheckForNull
    public String getMaxCredits() {
        return config.getMaxCredits();
    }

    /** See {@link RemoveBackgroundBuilder#setMaxCredits(String)}. */
    @DataBoundSetter
    public void setMaxCredits(String maxCredits) {
        config.setMaxCredits(maxCredits);
    }

    /** See {@link RemoveBackgroundBuilder#getMaxImages()}. */
    public int getMaxImages() {
        return config.getMaxImages();
    }

    /** See {@link RemoveBackgroundBuilder#setMaxImages(int)}. */
    @DataBoundSetter
    public void setMaxImages(int maxImages) {
        config.setMaxImages(maxImages);
    }

    /** See {@link RemoveBackgroundBuilder#isDryRun()}. */
    public boolean isDryRun() {
        return config.isDryRun();
    }

    /** See {@link RemoveBackgroundBuilder#setDryRun(boolean)}. */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        config.setDryRun(dryRun);
    }

    /** See {@link RemoveBackgroundBuilder#isReprocess()}. */
    public boolean isReprocess() {
        return config.isReprocess();
    }

    /** See {@link RemoveBackgroundBuilder#setReprocess(boolean)}. */
    @DataBoundSetter
    public void setReprocess(boolean reprocess) {
        config.setReprocess(reprocess);
    }

    /** See {@link RemoveBackgroundBuilder#isFailOnError()}. */
    public boolean isFailOnError() {
        return config.isFailOnError();
    }

    /** See {@link RemoveBackgroundBuilder#setFailOnError(boolean)}. */
    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        config.setFailOnError(failOnError);
    }

    /** See {@link RemoveBackgroundBuilder#isComposeZipToPng()}. */
    public boolean isComposeZipToPng() {
        return config.isComposeZipToPng();
    }

    /** See {@link RemoveBackgroundBuilder#setComposeZipToPng(boolean)}. */
    @DataBoundSetter
    public void setComposeZipToPng(boolean composeZipToPng) {
        config.setComposeZipToPng(composeZipToPng);
    }

    /** See {@link RemoveBackgroundBuilder#getApiUrl()}. */
    @CheckForNull
    public String getApiUrl() {
        return config.getApiUrl();
    }

    /** See {@link RemoveBackgroundBuilder#setApiUrl(String)}. */
    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        config.setApiUrl(apiUrl);
    }

    /** See {@link RemoveBackgroundBuilder#getTimeoutSeconds()}. */
    public int getTimeoutSeconds() {
        return config.getTimeoutSeconds();
    }

    /** See {@link RemoveBackgroundBuilder#setTimeoutSeconds(int)}. */
    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        config.setTimeoutSeconds(timeoutSeconds);
    }

    /** See {@link RemoveBackgroundBuilder#getCacheDir()}. */
    @CheckForNull
    public String getCacheDir() {
        return config.getCacheDir();
    }

    /** See {@link RemoveBackgroundBuilder#setCacheDir(String)}. */
    @DataBoundSetter
    public void setCacheDir(String cacheDir) {
        config.setCacheDir(cacheDir);
    }

    /** The configuration the step runs with. */
    RemoveBackgroundBuilder config() {
        return config;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, config, null);
    }

    /** Runs the step on a thread of its own; its return value is the summary map. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        /** The step does not survive a restart of Jenkins (the work would have to start over), so this is transient. */
        private final transient RemoveBackgroundBuilder config;
        /** The runner to use; null for the running Jenkins' (tests pass one with a fixed key and defaults). */
        private final transient StepRunner runner;

        Execution(StepContext context, RemoveBackgroundBuilder config, @CheckForNull StepRunner runner) {
            super(context);
            this.config = config;
            this.runner = runner;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            StepResult result = (runner != null ? runner : StepRunner.inJenkins(config))
                    .run(run, context.get(FilePath.class), context.get(EnvVars.class), context.get(TaskListener.class));
            result.applyTo(run);
            return result.summary().toMap();
        }
    }

    /** The step's descriptor: its function name and the context it needs. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "removeBackground";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Remove image backgrounds with remove.bg and return the summary";
        }
    }
}
