package io.github.removebgsuite.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The standalone command line and the per-test JUnit extension. */
class StandaloneAndExtensionTest {
    @RegisterExtension
    final RemoveBgEmulatorExtension perTest = RemoveBgEmulatorExtension.configured(
            b -> b.apiKey("k1", new BigDecimal("1")).rateLimit(7, Duration.ofSeconds(30)));

    @Test
    void extensionStartsAConfiguredEmulatorOnLoopback() {
        RemoveBgEmulator emu = perTest.emulator();
        assertThat(emu.baseUrl()).startsWith("http://127.0.0.1:").endsWith("/v1.0");
        assertThat(emu.credits("k1")).isEqualByComparingTo("1");
        assertThat(EmulatorHttp.header(EmulatorHttp.get(emu, "/account", Map.of("X-Api-Key", "k1")),
                "X-RateLimit-Limit")).isEqualTo("7");
        assertThat(emu.toString()).doesNotContain("k1");
    }

    @Test
    void commandLineOptionsConfigureTheServer() {
        RemoveBgEmulator.Builder builder = EmulatorMain.parse(new String[] {"--port", "0", "--api-key", "alpha=12.5",
            "--oauth-token", "tok=3", "--rate-limit", "9", "--window", "2s"}, System.out);
        try (RemoveBgEmulator emu = builder.build().start()) {
            assertThat(emu.credits("alpha")).isEqualByComparingTo("12.5");
            assertThat(emu.credits("tok")).isEqualByComparingTo("3");
            assertThat(EmulatorHttp.header(EmulatorHttp.get(emu, "/account", Map.of("Authorization", "Bearer tok")),
                    "X-RateLimit-Limit")).isEqualTo("9");
        }
        assertThat(EmulatorMain.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(EmulatorMain.duration("2m")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void commandLineErrorsNeverEchoTheSecret() {
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--api-key", "sekrit=lots"}, System.out))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("sekrit");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(EmulatorMain.parse(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--api-key KEY=CREDITS");
    }

    @Test
    void defaultsToADemoKey() {
        try (RemoveBgEmulator emu = EmulatorMain.parse(new String[] {"--port", "0"}, System.out).build().start()) {
            assertThat(emu.credits("demo")).isEqualByComparingTo("50");
        }
    }
}
