package dev.boxauth.internal;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.internal.config.AuthMethod;
import dev.boxauth.internal.config.JwtSettings;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.config.Subject;
import dev.boxauth.internal.grant.CcgGrant;
import dev.boxauth.internal.grant.Grant;
import dev.boxauth.internal.grant.JwtGrant;
import dev.boxauth.internal.http.BoxHttpClient;
import dev.boxauth.internal.http.HttpTokenEndpoint;
import dev.boxauth.internal.http.TokenEndpoint;
import dev.boxauth.internal.jwt.AssertionSigner;
import dev.boxauth.internal.metrics.TokenMetrics;
import dev.boxauth.internal.store.SharedTokenSource;
import dev.boxauth.internal.token.RetryPolicy;
import dev.boxauth.internal.token.Sleeper;
import dev.boxauth.internal.token.TokenRequester;
import java.lang.System.Logger.Level;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import javax.cache.Cache;
import javax.net.ssl.SSLContext;

/** Wires a provider from validated settings: grant, HTTP endpoints, retries, caches. */
public final class ProviderFactory {

    private static final System.Logger LOG = System.getLogger("dev.boxauth");
    /** Added to the token request's deadline for how long a refresh may hold a shared store's lease. */
    private static final Duration LEASE_SLACK = Duration.ofSeconds(5);

    /**
     * What plain Java may pass besides properties; any field may be {@code null} for the default.
     *
     * @param clock the time source; default the system clock
     * @param executor runs background refreshes; default a provider-owned pool of at most
     *     {@link DaemonPool#MAX_THREADS} daemon threads
     * @param sslContext trust for the token endpoint; default the JVM's
     * @param proxy the proxy selector; default the JVM's
     * @param sleeper waits between retries; default a real sleep
     * @param tokenCache the JCache cache for {@code box.auth.store=jcache}; default the cache of the configured
     *     name from the default JCache provider
     * @param openTelemetry the {@code io.opentelemetry.api.OpenTelemetry} that records the metrics; default none
     *     (typed {@code Object} so that this record loads without OpenTelemetry)
     */
    public record Options(Clock clock, Executor executor, SSLContext sslContext, ProxySelector proxy, Sleeper sleeper,
            Cache<?, ?> tokenCache, Object openTelemetry) {

        public static final Options DEFAULTS = new Options(null, null, null, null, null);

        public Options(Clock clock, Executor executor, SSLContext sslContext, ProxySelector proxy, Sleeper sleeper) {
            this(clock, executor, sslContext, proxy, sleeper, null, null);
        }
    }

    private ProviderFactory() {
    }

    /**
     * A provider for the configured app and subject.
     *
     * @throws BoxAuthException for OAuth 2.0, whose providers are per signed-in user
     * @throws dev.boxauth.BoxTokenException when {@code fetch-on-startup} is set and Box issued no token
     */
    public static BoxTokenProvider create(Settings settings, Options options) {
        if (settings.method() == AuthMethod.OAUTH) {
            throw new BoxAuthException("box.auth.method=oauth gives no provider for the app as a whole: an OAuth"
                    + " 2.0 token belongs to the user who signed in, so its providers are per signed-in user and"
                    + " come from the OAuth 2.0 API (dev.boxauth.oauth), to which the Jakarta EE integration"
                    + " routes them. Use JWT or the Client Credentials Grant for a token of the app itself.");
        }
        BoxHttpClient http = BoxHttpClient.create(settings.connectTimeout(),
                settings.readTimeout(), options.sslContext(), options.proxy());
        try {
            return create(settings, options, url -> new HttpTokenEndpoint(url, http), http);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    /**
     * @param endpoints the token or revoke endpoint at a URL; tests pass fakes
     * @param http what the endpoints send through, closed with the provider; {@code null} for fakes
     */
    static BoxTokenProvider create(Settings settings, Options options, Function<URI, TokenEndpoint> endpoints,
            BoxHttpClient http) {
        Clock clock = options.clock() != null ? options.clock() : Clock.systemUTC();
        Sleeper sleeper = options.sleeper() != null ? options.sleeper() : Sleeper.REAL;
        RetryPolicy retries = RetryPolicy.standard(settings.totalTimeout());
        TokenMetrics metrics = TokenMetrics.forApp(options.openTelemetry(), settings.clientId());
        TokenRequester requester = new TokenRequester(endpoints.apply(settings.tokenUrl()), clock, sleeper, retries,
                metrics);
        TokenEndpoint revokeEndpoint = settings.hasClientCredentials() ? endpoints.apply(settings.revokeUrl()) : null;
        CurrentSettings current = new CurrentSettings(settings);
        Function<Subject, Grant> grants = grants(current);
        // A developer token is never asked of Box, so there is nothing to share.
        SharedTokenSource.Sharing shared = settings.store() == null || grants == null ? null
                : SharedTokenSource.sharing(settings.store(), options.tokenCache(), clock, sleeper,
                        settings.totalTimeout().plus(LEASE_SLACK));
        ExecutorService owned = options.executor() == null ? DaemonPool.create("box-auth-refresh") : null;
        Executor executor = owned != null ? owned : options.executor();
        Runnable release = () -> {
            if (owned != null) {
                owned.shutdownNow();
            }
            if (http != null) {
                http.close();
            }
            if (shared != null) {
                shared.close();
            }
        };
        Wiring wiring = new Wiring(current, clock, executor, requester, revokeEndpoint, retries.callerWait(), shared,
                metrics);

        CachingTokenProvider provider;
        if (grants == null) {
            String description = (settings.hasClientCredentials() ? "client id " + settings.clientId() : "an app")
                    + " (developer token, the user who generated it)";
            provider = new CachingTokenProvider(wiring, description,
                    new DeveloperTokenSource(settings.developerToken()), null, null, release);
        } else {
            Subject subject = settings.subject();
            String description = grants.apply(subject).describe();
            // The grant is made again for every request, so that it carries the credentials of that moment.
            provider = new CachingTokenProvider(wiring, description, () -> requester.request(grants.apply(subject)),
                    new UserProviders(wiring, grants, description), null, release);
        }
        LOG.log(Level.INFO, () -> "Box auth ready: " + provider.description() + ", token endpoint "
                + settings.tokenUrl());
        if (settings.fetchOnStartup()) {
            try {
                provider.token();
            } catch (RuntimeException e) {
                provider.close();
                throw e;
            }
        }
        return provider;
    }

    /**
     * How the method asks for a token for a subject, with the credentials of the moment (the files are
     * checked each time); {@code null} when it has no grant (a developer token).
     */
    private static Function<Subject, Grant> grants(CurrentSettings current) {
        return switch (current.initial().method()) {
            case JWT, CCG -> subject -> grant(current.checked(), subject);
            case DEVELOPER_TOKEN, OAUTH -> null;
        };
    }

    private static Grant grant(Settings settings, Subject subject) {
        String clientId = settings.clientId();
        return switch (settings.method()) {
            case JWT -> {
                JwtSettings jwt = settings.jwt();
                yield new JwtGrant(clientId, settings.clientSecret(), subject,
                        new AssertionSigner(clientId, jwt.keyId(), jwt.privateKey(), jwt.algorithm(), subject));
            }
            case CCG -> new CcgGrant(clientId, settings.clientSecret(), subject);
            case DEVELOPER_TOKEN, OAUTH -> throw new IllegalStateException("no grant for " + settings.method());
        };
    }

}
