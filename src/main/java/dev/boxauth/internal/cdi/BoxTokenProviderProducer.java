package dev.boxauth.internal.cdi;

import dev.boxauth.BoxTokenProvider;
import dev.boxauth.cdi.BoxApp;
import dev.boxauth.internal.ProviderFactory;
import dev.boxauth.internal.config.AuthMethod;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.otel.OpenTelemetryOption;
import dev.boxauth.oauth.BoxOAuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Produces the application's {@link BoxTokenProvider}; added to each application by {@link BoxAuthExtension}. */
class BoxTokenProviderProducer {

    private static final System.Logger LOG = System.getLogger(BoxTokenProviderProducer.class.getName());
    /** Jakarta Concurrency's default executor: its threads are the server's, and stop with the application. */
    private static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    @Produces
    @ApplicationScoped
    BoxTokenProvider provider(BoxAuthExtension extension) {
        return extension.newProvider(BoxAuthExtension.DEFAULT_APP);
    }

    /**
     * A provider on the server's managed executor, where there is one, with metrics through the server's
     * OpenTelemetry, where there is one; for an OAuth 2.0 app, the provider
     * of the user signed in in the current request's browser.
     */
    static BoxTokenProvider create(Settings settings) {
        if (settings.method() == AuthMethod.OAUTH) {
            return new SignedInUserProvider();
        }
        return ProviderFactory.create(settings, new ProviderFactory.Options(null, managedExecutor(), null, null, null,
                settings.store() == null ? null : ServerTokenCache.open(settings.store()), ServerOpenTelemetry.find()));
    }

    /**
     * The OAuth 2.0 configuration of an app that signs users in in their browser; refreshes on the managed
     * executor, metrics through the server's OpenTelemetry, where there are.
     */
    static BoxOAuthConfig oauthConfig(Settings settings) {
        BoxOAuthConfig.Builder config = BoxOAuthConfig.builder()
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret().reveal())
                .redirectUri(settings.oauth().redirectUri().toString())
                .scopes(settings.oauth().scopes())
                .authorizeUrl(settings.oauth().authorizeUrl().toString())
                .tokenUrl(settings.tokenUrl().toString())
                .apiUrl(settings.apiUrl().toString())
                .revokeUrl(settings.revokeUrl().toString())
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .totalTimeout(settings.totalTimeout())
                .refreshMargin(settings.refreshMargin())
                .signInTimeout(settings.oauth().signInTimeout());
        Executor managed = managedExecutor();
        if (managed != null) {
            config.executor(managed);
        }
        Object openTelemetry = ServerOpenTelemetry.find();
        if (openTelemetry != null) {
            OpenTelemetryOption.set(config, openTelemetry);
        }
        return config.build();
    }

    void close(@Disposes BoxTokenProvider provider) {
        provider.close();
    }

    /**
     * Obtains the first token while the application starts, when the configuration asks for it; and,
     * on this application thread, captures the context for the readiness checks.
     */
    void startup(@Observes @Initialized(ApplicationScoped.class) Object started, BoxAuthExtension extension,
            Instance<BoxTokenProvider> providers) {
        extension.captureApplicationContext();
        if (extension.fetchOnStartup()) {
            providers.get().token();
        }
        for (String app : extension.namedAppsFetchingOnStartup()) {
            providers.select(BoxApp.Literal.of(app)).get().token();
        }
    }

    /**
     * Where the background refreshes of the providers made now run, as the startup line says it: the
     * server's managed executor (Payara has one; Liberty with the concurrent feature) or box-auth's own
     * daemon threads (Liberty without it).
     */
    static String refreshExecutor() {
        return managedExecutor() != null ? "the server's " + MANAGED_EXECUTOR
                : "box-auth's own daemon threads (the server has no " + MANAGED_EXECUTOR + ")";
    }

    /** The server's managed executor, or {@code null} (the provider then owns a small pool) where there is none. */
    private static Executor managedExecutor() {
        try {
            Object found = new InitialContext().lookup(MANAGED_EXECUTOR);
            return found instanceof Executor executor ? executor : null;
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "No " + MANAGED_EXECUTOR + " (" + e.getClass().getSimpleName()
                    + "); Box token refreshes run on box-auth's own daemon threads");
            return null;
        }
    }
}
