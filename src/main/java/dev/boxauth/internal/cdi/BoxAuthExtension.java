package dev.boxauth.internal.cdi;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxConfigException;
import dev.boxauth.ConfigProblem;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.cdi.BoxApp;
import dev.boxauth.oauth.BoxTokenStore;
import dev.boxauth.internal.config.AuthMethod;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.config.SettingsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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

    /** How long deployment waits for the shared store's cache to open (a cluster member may be joining). */
    private static final Duration CACHE_CHECK_WAIT = Duration.ofSeconds(60);
    private static final System.Logger LOG = System.getLogger(BoxAuthExtension.class.getName());
    private static final String DEFAULT_APP = "";

    /** Whether some bean injects the default provider; then a missing configuration is a deployment problem. */
    private volatile boolean defaultInjected;
    /** Named apps found in injection points, on types, and in the configuration. */
    private final Set<String> namedApps = ConcurrentHashMap.newKeySet();
    /** Validated at deployment, then used by the producers; per application, as the extension is. */
    private final Map<String, Settings> settings = new ConcurrentHashMap<>();

    /** Built on first use from the one app that signs users in with OAuth 2.0; {@code null} when none does. */
    private volatile Optional<OAuthWeb> oauthWeb;

    void addBeans(@Observes BeforeBeanDiscovery event, BeanManager beans) {
        for (Class<?> type : new Class<?>[] {BoxTokenProviderProducer.class, RequestUser.class}) {
            event.addAnnotatedType(beans.createAnnotatedType(type), type.getName());
        }
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
        List<BoxConfigException> failures = new ArrayList<>();
        List<String> apps = new ArrayList<>(namedApps);
        apps.add(0, DEFAULT_APP);
        for (String app : apps) {
            try {
                Map<String, String> properties = MicroProfileProperties.read(config, app, namedApps);
                if (!app.isEmpty() || defaultInjected || !properties.isEmpty()) {
                    validate(app, properties);
                }
            } catch (BoxConfigException e) {
                failures.add(MicroProfileProperties.named(e, app));
            }
        }
        if (settings.values().stream().filter(s -> s.method() == AuthMethod.OAUTH).count() > 1) {
            failures.add(new BoxConfigException(List.of(new ConfigProblem("BOXAUTH-030",
                    "box.auth.method", "more than one Box app of this deployment uses oauth, and browser sign-in"
                            + " serves one. Use oauth for one app, jwt or ccg for the others."))));
        }
        if (!failures.isEmpty()) {
            LOG.log(Level.ERROR, () -> failureLine(failures));
            failures.forEach(event::addDeploymentProblem);
        }
    }

    /**
     * One line for the server's log that names every problem by id and property: servers report a failed
     * CDI deployment each in their own way (Liberty in one CWWKZ0002E message, Payara Micro in stack traces
     * while Micro itself goes on running), so box-auth says it once, the same on every server.
     */
    static String failureLine(List<BoxConfigException> failures) {
        List<ConfigProblem> problems = failures.stream().flatMap(f -> f.problems().stream()).toList();
        return "box-auth: this deployment fails, its Box configuration has " + problems.size()
                + (problems.size() == 1 ? " problem: " : " problems: ")
                + problems.stream().map(p -> p.id() + " " + p.property()).collect(Collectors.joining(", "))
                + " (what to do: the deployment error, and the table of ids in box-auth's docs/troubleshooting.md)";
    }

    private void validate(String app, Map<String, String> properties) {
        Settings valid = SettingsReader.read(properties);
        String shared = valid.store() == null ? "" : "; tokens shared through the " + sharedCache(valid);
        settings.put(app, valid);
        LOG.log(Level.INFO, () -> "Box app " + (app.isEmpty() ? "(default)" : "'" + app + "'") + ": method "
                + valid.method() + (valid.subject() == null ? "" : " for " + valid.subject())
                + (valid.hasClientCredentials() ? ", client id " + valid.clientId() : "")
                + "; configuration valid, first token " + (valid.fetchOnStartup() ? "at startup" : "on first use")
                + (valid.method() == AuthMethod.OAUTH ? ""
                        : "; refreshes on " + BoxTokenProviderProducer.refreshExecutor()) + shared);
    }

    /**
     * The shared store's cache, opened now: a missing JCache provider fails the deployment (BOXAUTH-044),
     * not the first request.
     */
    private static String sharedCache(Settings settings) {
        try {
            return ServerTokenCache.check(settings.store(), CACHE_CHECK_WAIT);
        } catch (BoxAuthException | LinkageError e) {
            throw new BoxConfigException(List.of(new ConfigProblem("BOXAUTH-044", "box.auth.store", "is jcache, but"
                    + " no JCache cache can be had (" + e.getClass().getSimpleName()
                    + (e instanceof BoxAuthException ? ": " + e.getMessage() : "") + "). On Payara, leave its"
                    + " Hazelcast on (Payara Micro: no --nohazelcast); elsewhere put javax.cache:cache-api and a JCache"
                    + " provider such as Hazelcast 5 on the application's class path (Open Liberty: a shared"
                    + " library).")));
        }
    }

    /**
     * The browser sign-in of the app that uses OAuth 2.0, or {@code null} when no app does. Asked on every
     * JAX-RS request, so after the first it is one volatile read, no lock.
     */
    OAuthWeb oauthWeb() {
        Optional<OAuthWeb> web = oauthWeb;
        if (web == null) {
            web = buildOAuthWeb();
        }
        return web.orElse(null);
    }

    private synchronized Optional<OAuthWeb> buildOAuthWeb() {
        if (oauthWeb == null) {
            oauthWeb = settings.values().stream().filter(s -> s.method() == AuthMethod.OAUTH).findFirst()
                    .map(s -> OAuthWeb.create(s, applicationTokenStore()));
        }
        return oauthWeb;
    }

    /** The application's own token store bean, or {@code null}. */
    private static BoxTokenStore applicationTokenStore() {
        Instance<BoxTokenStore> stores = CDI.current().select(BoxTokenStore.class);
        return stores.isResolvable() ? stores.get() : null;
    }

    synchronized void close(@Observes BeforeShutdown event) {
        if (oauthWeb != null) {
            oauthWeb.ifPresent(OAuthWeb::close);
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
