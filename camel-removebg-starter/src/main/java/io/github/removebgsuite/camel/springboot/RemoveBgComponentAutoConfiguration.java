package io.github.removebgsuite.camel.springboot;

import io.github.removebgsuite.camel.RemoveBgComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code removebg:} component of a Spring Boot application from its
 * {@code camel.component.removebg.*} properties, the way Camel's own component starters do: a
 * {@link ComponentCustomizer} copies every property that is set onto the component when Camel creates it.
 * {@code camel.component.removebg.enabled=false} (or {@code camel.component.enabled=false}) turns it off, and
 * {@code camel.component.removebg.customizer.enabled=false} keeps the properties from being applied.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, RemoveBgComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.removebg"})
public class RemoveBgComponentAutoConfiguration {

    /** Creates the auto-configuration. */
    public RemoveBgComponentAutoConfiguration() {
    }

    /**
     * The customizer that applies the {@code camel.component.removebg.*} properties to the component.
     *
     * @param applicationContext where the customizer switches are read
     * @param camelContext the CamelContext, for Camel's property binding and type conversion
     * @param configuration the bound properties
     */
    @Lazy
    @Bean
    public ComponentCustomizer configureRemoveBgComponent(ApplicationContext applicationContext,
            CamelContext camelContext, RemoveBgComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.removebg.customizer") && target instanceof RemoveBgComponent;
            }
        };
    }
}
