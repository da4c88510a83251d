package dev.boxauth.internal.store;

import dev.boxauth.BoxAuthException;
import dev.boxauth.internal.config.StoreSettings;
import dev.boxauth.internal.config.StoreSettings.StoreKey;
import dev.boxauth.internal.oauth.BrowserSessions;
import dev.boxauth.internal.oauth.UsedSignInStates;
import dev.boxauth.oauth.BoxTokenStore;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import javax.cache.Cache;

/**
 * What the instances of a cluster share for OAuth 2.0 sign-in, all in the configured JCache cache and the
 * caches beside it: the users' tokens, the used sign-in states, the browser sessions, and the secrets the
 * sign-in states' keys derive from. Closed when the application stops.
 */
public final class ClusterStore implements AutoCloseable {

    private final StoreSettings settings;
    private final Cache<Object, Object> cache;
    private final StoreCalls calls;

    private ClusterStore(StoreSettings settings, Cache<Object, Object> cache, StoreCalls calls) {
        this.settings = settings;
        this.cache = cache;
        this.calls = calls;
    }

    /**
     * @param cache the application's JCache cache, or {@code null} for the default provider's
     * @throws BoxAuthException when the cache cannot be had
     */
    public static ClusterStore open(StoreSettings settings, Cache<?, ?> cache) {
        return new ClusterStore(settings, JCacheTokenStore.cache(settings, cache), new StoreCalls(settings.timeout()));
    }

    /** The OAuth 2.0 users' tokens of the app {@code clientId}. */
    public BoxTokenStore tokens(String clientId) {
        return new JCacheBoxTokenStore(cache, new TokenSeal(settings.keys(), new SecureRandom()), clientId,
                calls);
    }

    public UsedSignInStates usedSignInStates(Duration signInTimeout) {
        return JCacheUsedSignInStates.beside(cache, signInTimeout, calls);
    }

    public BrowserSessions browserSessions(Duration idleTimeout, Duration lifetime) {
        return JCacheBrowserSessions.beside(cache, idleTimeout, lifetime, calls);
    }

    /** The store's keys, the first first: what every instance shares, from which the sign-in states' keys derive. */
    public List<byte[]> secrets() {
        return settings.keys().stream().map(StoreKey::key).map(Key::getEncoded).toList();
    }

    @Override
    public void close() {
        calls.close();
    }

    @Override
    public String toString() {
        return "ClusterStore[" + cache.getName() + "]";
    }
}
