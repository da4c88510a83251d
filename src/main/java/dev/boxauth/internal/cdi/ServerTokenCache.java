package dev.boxauth.internal.cdi;

import dev.boxauth.BoxAuthException;
import dev.boxauth.internal.config.StoreSettings;
import dev.boxauth.internal.store.JCacheTokenStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The JCache cache of {@code box.auth.store=jcache} on a server: from the server's own cache manager where it
 * has one (Payara binds its Hazelcast's at {@code payara/CacheManager}), so that the instances of a Payara
 * cluster share tokens with no provider in the application; else from the default JCache provider of the
 * application's class path (on Liberty, Hazelcast in a shared library). Used only for apps that use the
 * store, so that {@code javax.cache} need not be there otherwise.
 */
final class ServerTokenCache {

    /** Payara's JNDI name of its Hazelcast's JCache manager (Payara's own default). */
    static final String PAYARA_CACHE_MANAGER = "payara/CacheManager";

    private ServerTokenCache() {
    }

    /**
     * The configured cache, created if missing.
     *
     * @throws BoxAuthException when no cache can be had (no JCache provider, the server's Hazelcast off)
     */
    static Cache<Object, Object> open(StoreSettings store) {
        CacheManager server = serverCacheManager();
        return server != null ? JCacheTokenStore.cache(store, server) : JCacheTokenStore.cache(store, (Cache<?, ?>) null);
    }

    /**
     * Opens the configured cache while the application deploys, so that a missing provider fails the
     * deployment rather than the first request, and says where it is, for the startup line. Bounded: a JCache
     * provider can wait for its cluster without end (Hazelcast's default provider is a client that waits for
     * a member at 127.0.0.1:5701), which would hang the deployment.
     *
     * @throws BoxAuthException when no cache can be had, or none within {@code wait}
     */
    static String check(StoreSettings store, Duration wait) {
        CompletableFuture<Cache<Object, Object>> opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opening.complete(open(store));
            } catch (RuntimeException | LinkageError e) {
                opening.completeExceptionally(e);
            }
        }, "box-auth JCache check");
        opener.setDaemon(true);
        opener.start();
        Cache<?, ?> cache;
        try {
            cache = opening.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BoxAuthException("box.auth.store=jcache: the JCache cache " + store.cacheName()
                    + " did not open within " + wait.toSeconds() + " s: is the provider a client waiting for a"
                    + " cluster? (Hazelcast: -Dhazelcast.jcache.provider.type=member)", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LinkageError linkage) {
                throw linkage;
            }
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoxAuthException("Interrupted while opening the JCache cache " + store.cacheName(), e);
        }
        return "JCache cache '" + cache.getName() + "' of " + cache.getCacheManager().getURI();
    }

    private static CacheManager serverCacheManager() {
        try {
            return new InitialContext().lookup(PAYARA_CACHE_MANAGER) instanceof CacheManager manager ? manager : null;
        } catch (NamingException | RuntimeException e) {
            return null;
        }
    }
}
