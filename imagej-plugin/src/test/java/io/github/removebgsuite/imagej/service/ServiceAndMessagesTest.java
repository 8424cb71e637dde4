package io.github.removebgsuite.imagej.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.removebgsuite.common.error.ApiConnectionException;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.error.RateLimitedException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.prefs.PrefService;

/** The key's sources and order, the consent flag, the base URL checks and the failure sentences. */
class ServiceAndMessagesTest {

    private static Context context;
    private static RemoveBgService service;

    @BeforeAll
    static void start() {
        context = new Context(PrefService.class, RemoveBgService.class, org.scijava.log.LogService.class);
        service = context.service(RemoveBgService.class);
    }

    @AfterAll
    static void stop() {
        context.dispose();
    }

    @BeforeEach
    void reset() {
        context.service(PrefService.class).clear(RemoveBgService.class);
        ServiceTestAccess.setEnvironment(service, name -> null);
    }

    @Test
    void keyIsTakenFromTheParameterThenTheEnvironmentThenTheSavedOne() {
        assertThat(service.resolveApiKey(null)).isEmpty();
        service.saveApiKey(" saved-key ");
        assertThat(service.resolveApiKey("  ")).get().extracting(ApiKey::value, ApiKey::source)
                .containsExactly("saved-key", ApiKey.Source.SAVED);
        ServiceTestAccess.setEnvironment(service, name -> "REMOVE_BG_API_KEY".equals(name) ? "env-key" : null);
        assertThat(service.resolveApiKey(null)).get().extracting(ApiKey::source).isEqualTo(ApiKey.Source.ENVIRONMENT);
        assertThat(service.resolveApiKey("typed-key")).get().extracting(ApiKey::value).isEqualTo("typed-key");
        service.forgetApiKey();
        assertThat(service.hasSavedApiKey()).isFalse();
    }

    @Test
    void keyIsRedactedAndNeverInItsToString() {
        ApiKey key = new ApiKey("k-123456", ApiKey.Source.PARAMETER);
        assertThat(key.toString()).doesNotContain("k-123456").contains("api_key parameter");
        assertThat(key.redact("sent k-123456 twice: k-123456")).isEqualTo("sent **** twice: ****");
        assertThatThrownBy(() -> new ApiKey(" ", ApiKey.Source.SAVED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void consentIsRememberedUntilWithdrawn() {
        assertThat(service.uploadConsentGiven()).isFalse();
        service.recordUploadConsent();
        assertThat(service.uploadConsentGiven()).isTrue();
        service.withdrawUploadConsent();
        assertThat(service.uploadConsentGiven()).isFalse();
        assertThat(UploadConsent.notice("https://api.remove.bg/v1.0")).contains("api.remove.bg").contains("uploaded")
                .contains("GPS").contains("Strip identifying metadata");
    }

    @Test
    void interactiveUsersAreAskedOnceAndADeclineUploadsNothing() {
        List<String> asked = new java.util.ArrayList<>();
        assertThat(UploadConsent.obtain(service, true, question -> asked.add(question) && false, null)).isFalse();
        assertThat(service.uploadConsentGiven()).isFalse();
        assertThat(UploadConsent.obtain(service, true, question -> asked.add(question), null)).isTrue();
        assertThat(service.uploadConsentGiven()).isTrue();
        // agreed once: not asked again
        assertThat(UploadConsent.obtain(service, true, question -> asked.add(question), null)).isTrue();
        assertThat(asked).hasSize(2).allMatch(q -> q.contains("uploaded to api.remove.bg") && q.endsWith("Continue?"));
    }

    @Test
    void headlessRunsAnnounceTheUploadOncePerSession() {
        UploadConsent.resetHeadlessNotice();
        List<String> logged = new java.util.ArrayList<>();
        org.scijava.log.LogService log = context.service(org.scijava.log.LogService.class);
        log.addLogListener(message -> logged.add(message.text()));
        assertThat(UploadConsent.obtain(service, false, question -> false, log)).isTrue();
        assertThat(UploadConsent.obtain(service, false, question -> false, log)).isTrue();
        assertThat(logged).filteredOn(line -> line.contains("is uploaded to")).hasSize(1);
        assertThat(service.uploadConsentGiven()).as("headless consent is not stored").isFalse();
    }

    @Test
    void baseUrlMustBeHttpWithoutCredentials() {
        String before = service.baseUrl();
        assertThatThrownBy(() -> service.setBaseUrl("ftp://example.org/v1.0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.setBaseUrl("https://user:secret@example.org/v1.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
        assertThat(service.baseUrl()).isEqualTo(before);
        service.setBaseUrl("http://127.0.0.1:1/v1.0/");
        assertThat(service.baseUrl()).isEqualTo("http://127.0.0.1:1/v1.0");
        service.setBaseUrl(before);
    }

    @Test
    void failureSentencesSayWhatHappenedAndWhatToDo() {
        ApiKey key = new ApiKey("leaky-key-77", ApiKey.Source.PARAMETER);
        assertThat(FailureMessages.describe(new InvalidParameterException("size", "huge", "one of auto, preview"),
                key)).isEqualTo("Invalid size: 'huge' is not allowed; expected one of auto, preview.");
        assertThat(FailureMessages.describe(new RateLimitedException("Rate limit exceeded.", List.of(), null,
                Duration.ofSeconds(30)), key)).contains("429").contains("30 s");
        assertThat(FailureMessages.describe(new ApiConnectionException("Timed out calling leaky-key-77.", null,
                true), key)).startsWith("Could not reach remove.bg").doesNotContain("leaky-key-77");
        assertThat(FailureMessages.missingKey()).contains("api_key").contains("REMOVE_BG_API_KEY")
                .contains("API Key...");
    }
}
