package dev.boxauth.internal;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.internal.cache.RefreshingTokenCache;
import dev.boxauth.internal.config.AuthMethod;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.grant.Grant;
import dev.boxauth.internal.grant.JwtGrant;
import dev.boxauth.internal.http.HttpTokenEndpoint;
import dev.boxauth.internal.jwt.AssertionSigner;
import dev.boxauth.internal.token.RetryPolicy;
import dev.boxauth.internal.token.Sleeper;
import dev.boxauth.internal.token.TokenRequester;
import java.lang.System.Logger.Level;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/** Wires a provider from validated settings: grant, HTTP endpoint, retries and cache. */
public final class ProviderFactory {

    private static final System.Logger LOG = System.getLogger("dev.boxauth");

    /**
     * What plain Java may pass besides properties; any field may be {@code null} for the default.
     *
     * @param clock the time source; default the system clock
     * @param executor runs background refreshes; default a provider-owned pool of daemon threads
     * @param sslContext trust for the token endpoint; default the JVM's
     * @param proxy the proxy selector; default the JVM's
     * @param sleeper waits between retries; default a real sleep
     */
    public record Options(Clock clock, Executor executor, SSLContext sslContext, ProxySelector proxy, Sleeper sleeper) {

        public static final Options DEFAULTS = new Options(null, null, null, null, null);
    }

    private ProviderFactory() {
    }

    public static BoxTokenProvider create(Settings settings, Options options) {
        Clock clock = options.clock() != null ? options.clock() : Clock.systemUTC();
        Sleeper sleeper = options.sleeper() != null ? options.sleeper() : Sleeper.REAL;
        HttpClient client = HttpTokenEndpoint.newClient(settings.tokenUrl(), settings.connectTimeout(),
                options.sslContext(), options.proxy());
        TokenRequester requester = new TokenRequester(
                new HttpTokenEndpoint(settings.tokenUrl(), client, settings.readTimeout()), clock, sleeper,
                RetryPolicy.DEFAULT);
        if (settings.method() != AuthMethod.JWT) {
            throw new BoxAuthException("box.auth.method=" + settings.method() + " is not implemented yet");
        }
        Grant grant = new JwtGrant(settings.clientId(), settings.clientSecret(), settings.subject(),
                new AssertionSigner(settings.clientId(), settings.jwt().keyId(), settings.jwt().privateKey(),
                        settings.jwt().algorithm(), settings.subject()));

        ExecutorService owned = options.executor() == null ? newRefreshExecutor() : null;
        Executor executor = owned != null ? owned : options.executor();
        RefreshingTokenCache cache = new RefreshingTokenCache(grant.describe(), () -> requester.request(grant),
                clock, executor, settings.refreshMargin(), maxWait(settings));
        LOG.log(Level.INFO, () -> "Box auth ready: " + grant.describe() + ", token endpoint " + settings.tokenUrl());
        CachingTokenProvider provider = new CachingTokenProvider(grant.describe(), cache, owned);
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
     * How long a caller waits for a token while none is valid: one full attempt plus the retry budget.
     * A longer request goes on in the background and its token is still cached.
     */
    static Duration maxWait(Settings settings) {
        return settings.connectTimeout().plus(settings.readTimeout()).plus(RetryPolicy.DEFAULT.maxTotalDelay());
    }

    private static ExecutorService newRefreshExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "box-auth-refresh-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // Threads come and go with refreshes: an idle provider holds none.
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }
}
