package io.jenkins.plugins.removebg;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.springframework.security.access.AccessDeniedException;

/**
 * The global configuration under Configuration as Code: {@code unclassified: removeBg: …} is applied, exported back
 * unchanged, survives a save of <em>Manage Jenkins › System</em>, and its form checks are for administrators only.
 */
@WithJenkinsConfiguredWithCode
class RemoveBgGlobalConfigurationJenkinsTest {

    private static void assertConfigured(RemoveBgGlobalConfiguration c) {
        assertThat(c.getCredentialsId()).isEqualTo("removebg-api-key");
        assertThat(c.getApiUrl()).isEqualTo("http://127.0.0.1:8080/v1.0");
        assertThat(c.getCacheDir()).isEqualTo("/var/cache/removebg");
        assertThat(c.getCacheMaxMegabytes()).isEqualTo(2048);
        assertThat(c.getConcurrency()).isEqualTo(8);
        assertThat(c.getConnectTimeoutSeconds()).isEqualTo(10);
        assertThat(c.getMaxAttempts()).isEqualTo(3);
        assertThat(c.getMaxRateLimitWaitSeconds()).isEqualTo(60);
        assertThat(c.getMegapixelsPerMinute()).isEqualTo(1000);
        assertThat(c.getStopGraceSeconds()).isEqualTo(45);
        assertThat(c.getTimeoutSeconds()).isEqualTo(120);
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void configurationAsCodeIsApplied(JenkinsConfiguredWithCodeRule j) {
        assertConfigured(RemoveBgGlobalConfiguration.get());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void configurationAsCodeExportsWhatWasApplied(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode removeBg = getUnclassifiedRoot(context).get("removeBg");

        String exported = toYamlString(removeBg);

        assertThat(exported).contains("credentialsId: \"removebg-api-key\"")
                .contains("apiUrl: \"http://127.0.0.1:8080/v1.0\"")
                .contains("cacheDir: \"/var/cache/removebg\"")
                .contains("cacheMaxMegabytes: 2048")
                .contains("concurrency: 8")
                .contains("connectTimeoutSeconds: 10")
                .contains("maxAttempts: 3")
                .contains("maxRateLimitWaitSeconds: 60")
                .contains("megapixelsPerMinute: 1000")
                .contains("stopGraceSeconds: 45")
                .contains("timeoutSeconds: 120");
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void theSystemPageKeepsEveryValueAndSavesThem(JenkinsConfiguredWithCodeRule j) throws Exception {
        j.configRoundtrip();

        assertConfigured(RemoveBgGlobalConfiguration.get());
        // What was saved is what a restart loads.
        RemoveBgGlobalConfiguration reloaded = new RemoveBgGlobalConfiguration();
        assertConfigured(reloaded);
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void formChecksAreForAdministrators(JenkinsConfiguredWithCodeRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "removebg-api-key", "remove.bg", Secret.fromString("key-for-the-drop-down")));
        SystemCredentialsProvider.getInstance().save();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("reader"));
        RemoveBgGlobalConfiguration config = RemoveBgGlobalConfiguration.get();

        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertThat(config.doCheckConcurrency("65").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(config.doCheckApiUrl("http://api.example.com/v1.0").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(config.doCheckCacheDir("/var/cache/removebg").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(config.doCheckCacheDir("cache").kind).isEqualTo(FormValidation.Kind.WARNING);
            assertThat(config.doCheckCredentialsId("removebg-api-key").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(config.doFillCredentialsIdItems("")).extracting(o -> o.value).contains("removebg-api-key");
        }
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThatThrownBy(() -> config.doCheckCacheDir("/tmp")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> config.doCheckApiUrl("https://x")).isInstanceOf(AccessDeniedException.class);
            assertThat(config.doFillCredentialsIdItems("")).extracting(o -> o.value)
                    .doesNotContain("removebg-api-key");
        }
    }
}
