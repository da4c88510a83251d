package dev.boxauth.internal.cdi;

import dev.boxauth.BoxTokenProvider;
import dev.boxauth.cdi.BoxApp;
import dev.boxauth.internal.ProviderStatus;
import dev.boxauth.internal.config.AuthMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check of one Box app, in {@code /health/ready}: UP while the app's provider holds a token
 * or gets one when asked, DOWN with the error when it cannot. Its data: the app, the method, the subject,
 * the seconds until the held token expires, the last error as a code (never a message, so never a secret)
 * and a configuration problem that the provider did not take up. An OAuth 2.0 app has no token of its own
 * (each signed-in user has theirs), so its check is UP and shows the method only.
 *
 * <p>This is the only class that refers to the MicroProfile Health API: {@link BoxAuthExtension} loads it
 * only where the server gives the application that API.
 */
final class ReadinessCheck implements HealthCheck {

    private final String app;
    private final Supplier<ProviderStatus> status;
    /** Asks the provider for a token, as a request would: a cached one, or one from Box. */
    private final Runnable obtainToken;

    ReadinessCheck(String app, Supplier<ProviderStatus> status, Runnable obtainToken) {
        this.app = app;
        this.status = status;
        this.obtainToken = obtainToken;
    }

    /** Adds the check of {@code app} ({@code ""}: the default app) as an application-scoped readiness bean. */
    static void register(AfterBeanDiscovery event, String app, BoxAuthExtension extension) {
        event.<HealthCheck>addBean()
                .id(ReadinessCheck.class.getName() + "." + app)
                .beanClass(ReadinessCheck.class)
                .types(HealthCheck.class, Object.class)
                .qualifiers(Readiness.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .produceWith(beans -> new ReadinessCheck(app, () -> extension.status(app),
                        () -> extension.inApplicationContext(() -> provider(beans, app).token())));
    }

    private static BoxTokenProvider provider(Instance<Object> beans, String app) {
        Instance<BoxTokenProvider> providers = beans.select(BoxTokenProvider.class);
        return (app.isEmpty() ? providers : providers.select(BoxApp.Literal.of(app))).get();
    }

    /**
     * Asks for a token only when none is held, so a probe costs nothing while one is, and a probe after a
     * failure tries again: readiness that went DOWN recovers without any request reaching the application.
     */
    @Override
    public HealthCheckResponse call() {
        ProviderStatus current = status.get();
        RuntimeException failure = null;
        if (!current.tokenUsable() && current.method() != AuthMethod.OAUTH) {
            try {
                obtainToken.run();
            } catch (RuntimeException e) {
                failure = e;
            }
            current = status.get();
        }
        return response(current, failure);
    }

    private HealthCheckResponse response(ProviderStatus current, RuntimeException failure) {
        String name = app.isEmpty() ? "default" : app;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("app", name);
        data.put("method", current.method().propertyValue());
        if (current.subject() != null) {
            data.put("subject", current.subject().toString());
        }
        if (current.untilExpiry() != null) {
            data.put("expiresInSeconds", current.untilExpiry().toSeconds());
        }
        // A failed background refresh while the held token lasts is shown, but keeps the check UP: the
        // application still works, and a brief Box outage must not take every instance out of service.
        String error = failure != null ? ProviderStatus.errorCode(failure) : current.lastError();
        if (error != null) {
            data.put("lastError", error);
        }
        if (!current.problems().isEmpty()) {
            data.put("problem", current.problems().stream().map(p -> p.id() + " " + p.property())
                    .collect(Collectors.joining(", ")));
        }
        return new HealthCheckResponse("box-auth:" + name,
                failure == null ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}
