package dev.boxauth.internal.store;

import dev.boxauth.BoxAuthException;
import dev.boxauth.internal.oauth.UsedSignInStates;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * The used sign-in states of a cluster, in a JCache cache of their own beside the token cache, whose
 * entries expire with the states (a created-expiry policy of the sign-in timeout), so that nothing is left
 * to clean up. A state is used once in the whole cluster: {@code putIfAbsent} decides.
 */
public final class JCacheUsedSignInStates implements UsedSignInStates {

    private final Cache<Object, Object> cache;
    private final StoreCalls calls;

    private JCacheUsedSignInStates(Cache<Object, Object> cache, StoreCalls calls) {
        this.cache = cache;
        this.calls = calls;
    }

    /**
     * The states cache next to {@code tokens}: {@code <tokens' name>-sign-in-states} in the same manager,
     * created (with the expiry policy) by whichever instance comes first.
     *
     * @throws BoxAuthException when the manager cannot give it
     */
    public static JCacheUsedSignInStates beside(Cache<?, ?> tokens, Duration signInTimeout, StoreCalls calls) {
        String name = tokens.getName() + "-sign-in-states";
        try {
            return new JCacheUsedSignInStates(JCaches.getOrCreate(tokens.getCacheManager(), name,
                    new MutableConfiguration<>().setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, signInTimeout.toMillis())))),
                    calls);
        } catch (RuntimeException e) {
            throw new BoxAuthException("box.auth.store=jcache: cannot get the JCache cache " + name + " for"
                    + " sign-in states (" + e.getClass().getSimpleName() + ").", e);
        }
    }

    @Override
    public boolean firstUse(String state, Instant expiresAt, Instant now) {
        String key = SharedTokenSource.entryName("sign-in state " + state);
        return calls.call(cache, () -> cache.putIfAbsent(key, expiresAt.toEpochMilli()));
    }

    @Override
    public String toString() {
        return "JCacheUsedSignInStates[" + cache.getName() + "]";
    }
}
