package dev.boxauth.internal.cdi;

import dev.boxauth.BoxConfigException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.config.SettingsReader;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds the {@link BoxTokenProvider} producer to every application and validates the configuration at
 * deployment, so that a broken one fails the deployment with every problem listed rather than the
 * first request. An application that neither injects the provider nor sets a {@code box.auth.*}
 * property is left untouched. Not API: registered through {@code META-INF/services}.
 */
public class BoxAuthExtension implements Extension {

    /** Whether some bean injects the provider; then a missing configuration is a deployment problem. */
    private volatile boolean injected;
    /** Validated at deployment, then used by the producer; one per application, as the extension is. */
    private volatile Settings settings;

    void addProducer(@Observes BeforeBeanDiscovery event, BeanManager beans) {
        event.addAnnotatedType(beans.createAnnotatedType(BoxTokenProviderProducer.class),
                BoxTokenProviderProducer.class.getName());
    }

    void noteInjection(@Observes ProcessInjectionPoint<?, BoxTokenProvider> event) {
        injected = true;
    }

    void validate(@Observes AfterDeploymentValidation event) {
        Map<String, String> properties = MicroProfileProperties.read(ConfigProvider.getConfig());
        if (!injected && properties.isEmpty()) {
            return;
        }
        try {
            settings = SettingsReader.read(properties);
        } catch (BoxConfigException e) {
            event.addDeploymentProblem(e);
        }
    }

    /** Whether the validated configuration asks for the first token at startup. */
    boolean fetchOnStartup() {
        Settings s = settings;
        return s != null && s.fetchOnStartup();
    }

    /**
     * The settings validated at deployment; read now when the deployment had no reason to (the provider
     * is looked up programmatically, as the JAX-RS filter does).
     *
     * @throws BoxConfigException when the configuration cannot work
     */
    Settings settings() {
        Settings s = settings;
        if (s == null) {
            s = SettingsReader.read(MicroProfileProperties.read(ConfigProvider.getConfig()));
            settings = s;
        }
        return s;
    }
}
