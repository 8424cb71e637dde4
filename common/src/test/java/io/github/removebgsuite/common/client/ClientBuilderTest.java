package io.github.removebgsuite.common.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** What the builder refuses, and what a client says about itself. */
class ClientBuilderTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void aCredentialIsRequired() {
        assertThatThrownBy(() -> RemoveBgClient.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apiKey(...) or oauthToken(...)");
        assertThatThrownBy(() -> RemoveBgClient.builder().apiKey("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadBaseUrlIsRefusedWithoutEchoingUserInfo() {
        assertThatThrownBy(() -> RemoveBgClient.builder().apiKey("k").baseUrl("ftp://user:pw@host/x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://host/x")
                .hasMessageNotContaining("pw");
    }

    @Test
    void optionsAreRangeChecked() {
        RemoveBgClient.Builder b = RemoveBgClient.builder();
        assertThatThrownBy(() -> b.maxConcurrentRequests(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxResponseBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.readTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.userAgent("bad\nagent")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNamesTheEndpointAndAuthKindOnly() {
        try (RemoveBgClient client = RemoveBgClient.builder().apiKey("a-long-secret-key")
                .baseUrl("https://user:pw@api.example.com/v1.0?token=x").userAgent("camel/4.14").build()) {
            assertThat(client.toString()).contains("https://api.example.com/v1.0").contains("X-Api-Key")
                    .contains("camel/4.14").doesNotContain("a-long-secret-key").doesNotContain("pw")
                    .doesNotContain("token=x");
        }
    }

    @Test
    void conflictingBracketKeysAreRefusedBeforeTheNetwork() {
        try (RemoveBgClient client = RemoveBgClient.builder().apiKey("k").baseUrl(server.url("/").toString())
                .build()) {
            RemoveBgRequest request = RemoveBgRequest.builder().imageUrl("https://example.com/a.jpg")
                    .extraParameter("future", "1").extraParameter("future[car]", "2").build();

            assertThatThrownBy(() -> client.removeBackground(request))
                    .isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.allowed()).contains("either a single future or per-type future[<type>]"));
            assertThat(server.getRequestCount()).isZero();
        }
    }
}
