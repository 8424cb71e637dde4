package io.jenkins.plugins.removebg;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.removebgsuite.common.request.Channels;
import io.github.removebgsuite.common.request.ForegroundType;
import io.github.removebgsuite.common.request.Format;
import io.github.removebgsuite.common.request.Size;
import io.github.removebgsuite.common.request.TypeLevel;
import java.util.Arrays;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The descriptor of {@link RemoveBackgroundBuilder}: its display name, its symbol (the freestyle step's name in
 * Pipeline's {@code step}; the {@code removeBackground} Pipeline step itself is {@link RemoveBackgroundStep}) and the
 * form's drop-downs and checks, which the Pipeline step's form uses too. Every endpoint answers POST only and checks
 * the user's permission on the job first.
 */
@Symbol("removeBackground")
@Extension
public final class RemoveBackgroundDescriptor extends BuildStepDescriptor<Builder> {
    /** Creates the descriptor (Jenkins does, once). */
    public RemoveBackgroundDescriptor() {
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
                        item, StringCredentials.class, URIRequirementBuilder.fromUri(RemoveBackgroundBuilder.DEFAULT_API_URL).build(),
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
            return FormValidation.ok("Uses the default credential of Manage Jenkins › System › remove.bg.");
        }
        if (value.startsWith("${") && value.endsWith("}")) {
            return FormValidation.warning("Resolved from a build parameter when the build runs.");
        }
        if (CredentialsProvider.listCredentialsInItem(StringCredentials.class, item,
                item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                URIRequirementBuilder.fromUri(RemoveBackgroundBuilder.DEFAULT_API_URL).build(), CredentialsMatchers.withId(value)).isEmpty()) {
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

    /** Checks the result cache folder. */
    @POST
    public FormValidation doCheckCacheDir(@AncestorInPath Item item, @QueryParameter String value) {
        return canConfigure(item) ? FormChecks.cacheDir(value) : FormValidation.ok();
    }

    /** Checks the API URL. */
    @POST
    public FormValidation doCheckApiUrl(@AncestorInPath Item item, @QueryParameter String value) {
        return canConfigure(item) ? FormChecks.apiUrl(value) : FormValidation.ok();
    }
}
