package dev.boxauth.internal.cdi;

import dev.boxauth.BoxConfigException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.cdi.BoxApp;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.config.SettingsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds the {@link BoxTokenProvider} beans to every application, the default one and one per named app
 * ({@link BoxApp}), and validates their configuration at deployment, so that a broken one fails the
 * deployment with every problem listed rather than the first request. An application that neither
 * injects a provider nor sets a {@code box.auth.*} property is left untouched. Not API: registered
 * through {@code META-INF/services}.
 */
public class BoxAuthExtension implements Extension {

    private static final String DEFAULT_APP = "";

    /** Whether some bean injects the default provider; then a missing configuration is a deployment problem. */
    private volatile boolean defaultInjected;
    /** Named apps found in injection points, on types, and in the configuration. */
    private final Set<String> namedApps = ConcurrentHashMap.newKeySet();
    /** Validated at deployment, then used by the producers; per application, as the extension is. */
    private final Map<String, Settings> settings = new ConcurrentHashMap<>();

    void addProducer(@Observes BeforeBeanDiscovery event, BeanManager beans) {
        event.addAnnotatedType(beans.createAnnotatedType(BoxTokenProviderProducer.class),
                BoxTokenProviderProducer.class.getName());
    }

    void noteInjection(@Observes ProcessInjectionPoint<?, BoxTokenProvider> event) {
        BoxApp app = boxApp(event.getInjectionPoint().getQualifiers());
        if (app == null) {
            defaultInjected = true;
        } else {
            namedApps.add(app.value());
        }
    }

    /** Rest Client interfaces name their app on the type; they are not injection points of the provider. */
    void noteAnnotatedType(@Observes @WithAnnotations(BoxApp.class) ProcessAnnotatedType<?> event) {
        BoxApp app = event.getAnnotatedType().getAnnotation(BoxApp.class);
        if (app != null) {
            namedApps.add(app.value());
        }
    }

    void addNamedApps(@Observes AfterBeanDiscovery event) {
        namedApps.addAll(MicroProfileProperties.appNames(config()));
        for (String app : namedApps) {
            event.<BoxTokenProvider>addBean()
                    .id(BoxAuthExtension.class.getName() + "." + app)
                    .beanClass(BoxTokenProviderProducer.class)
                    .types(BoxTokenProvider.class, Object.class)
                    .qualifiers(BoxApp.Literal.of(app), Any.Literal.INSTANCE)
                    .scope(ApplicationScoped.class)
                    .produceWith(instance -> BoxTokenProviderProducer.create(settings(app)))
                    .disposeWith((provider, instance) -> provider.close());
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        Config config = config();
        Map<String, String> defaults = MicroProfileProperties.read(config, DEFAULT_APP, namedApps);
        if (defaultInjected || !defaults.isEmpty()) {
            validate(event, DEFAULT_APP, defaults);
        }
        for (String app : namedApps) {
            validate(event, app, MicroProfileProperties.read(config, app, namedApps));
        }
    }

    private void validate(AfterDeploymentValidation event, String app, Map<String, String> properties) {
        try {
            settings.put(app, SettingsReader.read(properties));
        } catch (BoxConfigException e) {
            event.addDeploymentProblem(MicroProfileProperties.named(e, app));
        }
    }

    /** Whether the default app's validated configuration asks for the first token at startup. */
    boolean fetchOnStartup() {
        Settings s = settings.get(DEFAULT_APP);
        return s != null && s.fetchOnStartup();
    }

    /** The named apps whose configuration asks for the first token at startup. */
    Set<String> namedAppsFetchingOnStartup() {
        Set<String> apps = new TreeSet<>();
        settings.forEach((app, s) -> {
            if (!app.isEmpty() && s.fetchOnStartup()) {
                apps.add(app);
            }
        });
        return apps;
    }

    /** The default app's settings. */
    Settings settings() {
        return settings(DEFAULT_APP);
    }

    /**
     * An app's settings validated at deployment; read now when the deployment had no reason to (the
     * provider is looked up programmatically, as the JAX-RS filter does).
     *
     * @throws BoxConfigException when the configuration cannot work
     */
    Settings settings(String app) {
        return settings.computeIfAbsent(app, name -> {
            try {
                return SettingsReader.read(MicroProfileProperties.read(config(), name, namedApps));
            } catch (BoxConfigException e) {
                throw MicroProfileProperties.named(e, name);
            }
        });
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }

    private static BoxApp boxApp(Set<Annotation> qualifiers) {
        for (Annotation qualifier : qualifiers) {
            if (qualifier instanceof BoxApp app) {
                return app;
            }
        }
        return null;
    }
}
