package io.github.removebgsuite.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.camel.RemoveBgComponent;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The properties reach the component through this starter's customizer, and only through it: switched off with
 * {@code camel.component.removebg.customizer.enabled=false}, the component keeps its defaults.
 */
@SpringBootTest(classes = RemoveBgStarterCustomizerSwitchTest.Application.class, properties = {
        "camel.component.removebg.customizer.enabled=false",
        "camel.component.removebg.api-key=not-applied",
        "camel.component.removebg.max-attempts=2"})
class RemoveBgStarterCustomizerSwitchTest {

    /** An application without routes. */
    @SpringBootApplication
    static class Application {
    }

    @Autowired
    CamelContext camelContext;

    @Test
    void withTheCustomizerOffThePropertiesAreNotApplied() {
        RemoveBgComponent component = camelContext.getComponent("removebg", RemoveBgComponent.class);
        assertThat(component.getConfiguration().getApiKey()).isNull();
        assertThat(component.getMaxAttempts()).isEqualTo(4);
    }
}
