package dev.boxauth.internal.cdi;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxConfigException;
import dev.boxauth.ConfigProblem;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.cdi.BoxApp;
import dev.boxauth.oauth.BoxTokenStore;
import dev.boxauth.internal.ProviderStatus;
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
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds the {@link BoxTokenProvider} beans to every application, the default one and one per named app
 * ({@link BoxApp}), and validates their configuration at deployment, so that a broken one fails the
 * deployment with every problem listed rather than the first request. Where the server has MicroProfile
 * Health it adds a readiness check per app ({@link ReadinessCheck}). An application that neither injects a
 * provider nor sets a {@code box.auth.*} property is left untouched. Not API: registered through
 * {@code META-INF/services}.
 */
public class BoxAuthExtension implements Extension {

    /** How long deployment waits for the shared store's cache to open (a cluster member may be joining). */
    private static final Duration CACHE_CHECK_WAIT = Duration.ofSeconds(60);
    private static final System.Logger LOG = System.getLogger(BoxAuthExtension.class.getName());
    static final String DEFAULT_APP = "";
    /**
     * Named, not referred to: these APIs are on the class path only where the server has MicroProfile
     * Health and Jakarta Concurrency, and their only users, {@link ReadinessCheck} and
     * {@link ApplicationContext}, are loaded only then.
     */
    static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";
    static final String CONCURRENCY_API = "jakarta.enterprise.concurrent.ContextService";

    /** Whether some bean injects the default provider; then a missing configuration is a deployment problem. */
    private volatile boolean defaultInjected;
    /** Named apps found in injection points, on types, and in the configuration. */
    private final Set<String> namedApps = ConcurrentHashMap.newKeySet();
    /** Validated at deployment, then used by the producers; per application, as the extension is. */
    private final Map<String, Settings> settings = new ConcurrentHashMap<>();
    /** The providers made so far, by app, for the readiness checks to read. */
    private final Map<String, BoxTokenProvider> providers = new ConcurrentHashMap<>();
    /** Whether this deployment has readiness checks. */
    private volatile boolean readinessChecks;
    /** Runs a readiness check's token request with the application's context; as it is until one is captured. */
    private volatile Executor applicationContext = Runnable::run;

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
                    .produceWith(instance -> newProvider(app))
                    .disposeWith((provider, instance) -> provider.close());
        }
        readinessChecks = available(HEALTH_API, BoxAuthExtension.class.getClassLoader());
        if (readinessChecks) {
            if (defaultInjected || defaultConfigured()) {
                ReadinessCheck.register(event, DEFAULT_APP, this);
            }
            namedApps.forEach(app -> ReadinessCheck.register(event, app, this));
        }
    }

    /** Whether {@code loader}, which loads box-auth's classes, also gives them the API of {@code className}. */
    static boolean available(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Called on an application thread as the application starts, for {@link #inApplicationContext}. */
    void captureApplicationContext() {
        if (readinessChecks && available(CONCURRENCY_API, BoxAuthExtension.class.getClassLoader())) {
            Executor captured = ApplicationContext.capture();
            if (captured != null) {
                applicationContext = captured;
            }
        }
    }

    /** Runs {@code work} on this thread with the application's context, rethrowing what it throws. */
    void inApplicationContext(Runnable work) {
        // Caught inside: how a context executor hands on an exception is the server's choice.
        RuntimeException[] failure = new RuntimeException[1];
        applicationContext.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** Whether the default app is validated at deployment for its properties (see validate). */
    private boolean defaultConfigured() {
        try {
            return !MicroProfileProperties.read(config(), DEFAULT_APP, namedApps).isEmpty();
        } catch (BoxConfigException e) {
            return true; // reported, with every other problem, when the deployment is validated
        }
    }

    /** A provider for {@code app}, kept so that its readiness check can read its status. */
    BoxTokenProvider newProvider(String app) {
        BoxTokenProvider provider = BoxTokenProviderProducer.create(settings(app));
        providers.put(app, provider);
        return provider;
    }

    /** Where the provider of {@code app} stands; one not made yet holds no token. */
    ProviderStatus status(String app) {
        BoxTokenProvider provider = providers.get(app);
        ProviderStatus status = provider == null ? null : ProviderStatus.of(provider);
        return status != null ? status : ProviderStatus.noToken(settings(app));
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
            // Payara always has its own cache; elsewhere the application brings the API and a provider.
            throw new BoxConfigException(List.of(new ConfigProblem("BOXAUTH-044", "box.auth.store", "is jcache, but"
                    + " no JCache cache can be had: " + (e instanceof BoxAuthException ? e.getMessage()
                            : e.getClass().getSimpleName() + ", javax.cache is not on the application's class path.")
                    + " On Open Liberty, give the application javax.cache:cache-api and Hazelcast 5 (a member, not a"
                    + " client) in a shared library; see box-auth's docs/clusters.md.")));
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
