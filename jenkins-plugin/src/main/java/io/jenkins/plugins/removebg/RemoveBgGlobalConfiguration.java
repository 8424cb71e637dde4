package io.jenkins.plugins.removebg;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The remove.bg section of <em>Manage Jenkins › System</em>: the defaults every {@code removeBackground} step uses
 * unless it sets the value itself (the API key credential, the API URL, timeouts, concurrency), and the settings only
 * an administrator makes (retries, the account's rate limit, the shared result cache, the grace period of an abort).
 *
 * <p>Configuration as Code, under {@code unclassified}:
 *
 * <pre>
 * unclassified:
 *   removeBg:
 *     credentialsId: removebg-api-key
 *     cacheDir: /var/cache/removebg
 *     concurrency: 8
 * </pre>
 *
 * <p>Numbers are 0 for "the default", which each getter's documentation names.
 */
@Extension
@Symbol("removeBg")
public class RemoveBgGlobalConfiguration extends GlobalConfiguration {
    private String credentialsId;
    private String apiUrl;
    private int timeoutSeconds;
    private int connectTimeoutSeconds;
    private int concurrency;
    private int maxAttempts;
    private int maxRateLimitWaitSeconds;
    private int megapixelsPerMinute;
    private String cacheDir;
    private int cacheMaxMegabytes;
    private int stopGraceSeconds;

    /** Created by Jenkins, once; loads the saved configuration. */
    public RemoveBgGlobalConfiguration() {
        load();
    }

    /** The one instance, from the running Jenkins. */
    @NonNull
    public static RemoveBgGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(RemoveBgGlobalConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "remove.bg";
    }

    /** The <em>Secret text</em> credential used by steps that name none; empty for none. */
    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    /** Sets the default API key credential. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        save();
    }

    /** The API base URL used by steps that set none; empty for remove.bg itself. */
    @CheckForNull
    public String getApiUrl() {
        return apiUrl;
    }

    /** Sets the default API base URL (https, or http to a loopback emulator). */
    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        String url = Util.fixEmptyAndTrim(apiUrl);
        this.apiUrl = RemoveBackgroundBuilder.DEFAULT_API_URL.equals(url) ? null : url;
        save();
    }

    /** How long to wait for one response, in seconds, unless a step says; 0 for the client's default. */
    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    /** Sets the default read timeout. */
    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = Math.max(0, timeoutSeconds);
        save();
    }

    /** How long to wait for a connection, in seconds; 0 for the client's default. */
    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    /** Sets the connect timeout. */
    @DataBoundSetter
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds = Math.max(0, connectTimeoutSeconds);
        save();
    }

    /** How many images a step sends at once unless it says; 0 for the default (4). */
    public int getConcurrency() {
        return concurrency;
    }

    /** Sets the default concurrency. */
    @DataBoundSetter
    public void setConcurrency(int concurrency) {
        this.concurrency = Math.max(0, concurrency);
        save();
    }

    /**
     * The most attempts per call, the first included, for answers that cost nothing (5xx, 429, refused connections);
     * 1 disables retries; 0 for the default (4). A call whose answer was lost after it was sent is never re-sent.
     */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    /** Sets the attempts per call. */
    @DataBoundSetter
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = Math.max(0, maxAttempts);
        save();
    }

    /** The longest wait accepted for one 429 answer, in seconds; 0 for the default (90). */
    public int getMaxRateLimitWaitSeconds() {
        return maxRateLimitWaitSeconds;
    }

    /** Sets the longest rate-limit wait. */
    @DataBoundSetter
    public void setMaxRateLimitWaitSeconds(int maxRateLimitWaitSeconds) {
        this.maxRateLimitWaitSeconds = Math.max(0, maxRateLimitWaitSeconds);
        save();
    }

    /**
     * The account's rate limit in megapixels a minute, shared by every build on one agent that uses the same key;
     * 0 for remove.bg's default (500).
     */
    public int getMegapixelsPerMinute() {
        return megapixelsPerMinute;
    }

    /** Sets the account's rate limit. */
    @DataBoundSetter
    public void setMegapixelsPerMinute(int megapixelsPerMinute) {
        this.megapixelsPerMinute = Math.max(0, megapixelsPerMinute);
        save();
    }

    /**
     * The shared result cache folder on each agent, used by steps that name none: an absolute folder (such as
     * {@code /var/cache/removebg}) lets every workspace on the agent reuse a result paid for once; empty for no
     * cache.
     */
    @CheckForNull
    public String getCacheDir() {
        return cacheDir;
    }

    /** Sets the default result cache folder. */
    @DataBoundSetter
    public void setCacheDir(String cacheDir) {
        this.cacheDir = Util.fixEmptyAndTrim(cacheDir);
        save();
    }

    /** The cache's size bound in megabytes (least recently used results go first); 0 for the default (1024). */
    public int getCacheMaxMegabytes() {
        return cacheMaxMegabytes;
    }

    /** Sets the cache's size bound. */
    @DataBoundSetter
    public void setCacheMaxMegabytes(int cacheMaxMegabytes) {
        this.cacheMaxMegabytes = Math.max(0, cacheMaxMegabytes);
        save();
    }

    /**
     * How long the calls in flight may take to finish after a build is aborted, in seconds, so that their paid results
     * are saved; a second abort stops at once. 0 for the default (30).
     */
    public int getStopGraceSeconds() {
        return stopGraceSeconds;
    }

    /** Sets the grace period of an abort. */
    @DataBoundSetter
    public void setStopGraceSeconds(int stopGraceSeconds) {
        this.stopGraceSeconds = Math.max(0, stopGraceSeconds);
        save();
    }

    /** The Secret text credentials defined outside any folder. */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        String current = Util.fixNull(credentialsId);
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return result.includeCurrentValue(current);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, (Item) null, StringCredentials.class,
                        URIRequirementBuilder.fromUri(RemoveBackgroundBuilder.DEFAULT_API_URL).build(),
                        CredentialsMatchers.always())
                .includeCurrentValue(current);
    }

    /** Checks that the default credential exists and is a Secret text. */
    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        if (CredentialsProvider.listCredentialsInItem(StringCredentials.class, null, ACL.SYSTEM2,
                URIRequirementBuilder.fromUri(RemoveBackgroundBuilder.DEFAULT_API_URL).build(),
                CredentialsMatchers.withId(value.trim())).isEmpty()) {
            return FormValidation.error("No Secret text credential with this id is defined outside a folder.");
        }
        return FormValidation.ok();
    }

    /** Checks the API URL. */
    @POST
    public FormValidation doCheckApiUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.apiUrl(value);
    }

    /** Checks the read timeout. */
    @POST
    public FormValidation doCheckTimeoutSeconds(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.wholeNumber(value, 0, 3600, "The timeout");
    }

    /** Checks the connect timeout. */
    @POST
    public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.wholeNumber(value, 0, 600, "The connect timeout");
    }

    /** Checks the concurrency. */
    @POST
    public FormValidation doCheckConcurrency(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.concurrency(value);
    }

    /** Checks the attempts per call. */
    @POST
    public FormValidation doCheckMaxAttempts(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.wholeNumber(value, 1, 10, "The attempts per call");
    }

    /** Checks the longest rate-limit wait. */
    @POST
    public FormValidation doCheckMaxRateLimitWaitSeconds(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.wholeNumber(value, 1, 3600, "The longest rate-limit wait");
    }

    /** Checks the rate limit. */
    @POST
    public FormValidation doCheckMegapixelsPerMinute(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.wholeNumber(value, 1, 1_000_000, "The rate limit");
    }

    /** Checks the cache folder. */
    @POST
    public FormValidation doCheckCacheDir(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.cacheDir(value);
    }

    /** Checks the cache's size bound. */
    @POST
    public FormValidation doCheckCacheMaxMegabytes(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.wholeNumber(value, 1, 10_000_000, "The cache size");
    }

    /** Checks the grace period. */
    @POST
    public FormValidation doCheckStopGraceSeconds(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.wholeNumber(value, 1, 3600, "The grace period");
    }
}
