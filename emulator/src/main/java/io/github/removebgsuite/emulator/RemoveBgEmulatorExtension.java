package io.github.removebgsuite.emulator;

import java.math.BigDecimal;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running a {@link RemoveBgEmulator} on an ephemeral loopback port. Register it with
 * {@code @RegisterExtension}: on an instance field it starts a fresh emulator before each test; on a static field it
 * starts one before all tests of the class. Needs {@code junit-jupiter-api} on the test class path (an optional
 * dependency of this module).
 *
 * <pre>{@code
 * @RegisterExtension
 * final RemoveBgEmulatorExtension removeBg = RemoveBgEmulatorExtension.withApiKey("test-key", new BigDecimal("10"));
 *
 * @Test void works() { client(removeBg.emulator().baseUrl()) ... }
 * }</pre>
 */
public final class RemoveBgEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Consumer<RemoveBgEmulator.Builder> configuration;
    private RemoveBgEmulator emulator;
    private boolean perClass;

    private RemoveBgEmulatorExtension(Consumer<RemoveBgEmulator.Builder> configuration) {
        this.configuration = configuration;
    }

    /** An extension whose emulator is configured by {@code configuration} (the port is always ephemeral). */
    public static RemoveBgEmulatorExtension configured(Consumer<RemoveBgEmulator.Builder> configuration) {
        return new RemoveBgEmulatorExtension(configuration);
    }

    /** An extension whose emulator accepts one API key with the given credits. */
    public static RemoveBgEmulatorExtension withApiKey(String key, BigDecimal credits) {
        return new RemoveBgEmulatorExtension(b -> b.apiKey(key, credits));
    }

    /** The running emulator. */
    public RemoveBgEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator runs only while a test runs");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        emulator = start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            emulator = start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private RemoveBgEmulator start() {
        RemoveBgEmulator.Builder builder = RemoveBgEmulator.builder();
        configuration.accept(builder);
        return builder.port(0).build().start();
    }

    private void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
