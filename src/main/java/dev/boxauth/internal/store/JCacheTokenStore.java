package dev.boxauth.internal.store;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxAuthException;
import dev.boxauth.internal.config.StoreSettings;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * Tokens that the instances of a cluster share, in a JCache cache. Each token is one entry, sealed by
 * {@link TokenSeal} and bound to its entry's name; beside it, a refresh lease says which instance is asking
 * Box for the next token, until when. Only {@code String} and {@code byte[]} values are stored, so no
 * member of the cache ever needs box-auth's classes.
 *
 * <p>Every operation is bounded by {@link StoreCalls}; one that fails throws {@link StoreUnavailableException}.
 */
public final class JCacheTokenStore {

    private static final String LEASE_SUFFIX = "#lease";

    private final Cache<Object, Object> cache;
    private final TokenSeal seal;
    private final StoreCalls calls;

    JCacheTokenStore(Cache<Object, Object> cache, TokenSeal seal, StoreCalls calls) {
        this.cache = cache;
        this.seal = seal;
        this.calls = calls;
    }

    /**
     * The store for {@code settings}, over {@code cache} when the application passed one, else the cache
     * of that name from the default JCache provider's default manager, created if missing.
     *
     * @throws BoxAuthException when no JCache provider is there or the cache cannot be had
     */
    public static JCacheTokenStore open(StoreSettings settings, Cache<?, ?> cache, StoreCalls calls) {
        return new JCacheTokenStore(cache(settings, cache), new TokenSeal(settings.keys(), new SecureRandom()), calls);
    }

    /**
     * {@code supplied}, or the configured cache of the default JCache provider's default manager, created if
     * missing (by whichever instance comes first).
     *
     * @throws BoxAuthException when no JCache provider is there or the cache cannot be had
     */
    @SuppressWarnings("unchecked")
    public static Cache<Object, Object> cache(StoreSettings settings, Cache<?, ?> supplied) {
        if (supplied != null) {
            return (Cache<Object, Object>) supplied;
        }
        CacheManager manager;
        try {
            manager = Caching.getCachingProvider().getCacheManager();
        } catch (RuntimeException e) {
            throw unavailable(settings, e);
        }
        return cache(settings, manager);
    }

    /**
     * The configured cache of {@code manager} (a server's own, say), created if missing (by whichever instance
     * comes first).
     *
     * @throws BoxAuthException when the cache cannot be had
     */
    public static Cache<Object, Object> cache(StoreSettings settings, CacheManager manager) {
        try {
            return JCaches.getOrCreate(manager, settings.cacheName(), new MutableConfiguration<>());
        } catch (RuntimeException e) {
            throw unavailable(settings, e);
        }
    }

    private static BoxAuthException unavailable(StoreSettings settings, RuntimeException e) {
        return new BoxAuthException("box.auth.store=jcache: cannot get the JCache cache " + settings.cacheName()
                + " (" + e.getClass().getSimpleName() + "). Put a JCache provider such as Hazelcast on the"
                + " class path, configured to join the cluster.", e);
    }

    /** The token stored under {@code entry}, or {@code null} when none is, or it does not open. */
    BoxAccessToken read(String entry) {
        Object value = calls.call(cache, () -> cache.get(entry));
        byte[] plain = value instanceof byte[] sealed ? seal.open(entry, sealed) : null;
        if (plain == null) {
            return null;
        }
        String text = new String(plain, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return null;
        }
        try {
            return new BoxAccessToken(text.substring(newline + 1), Instant.ofEpochMilli(Long.parseLong(text.substring(0, newline))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    void write(String entry, BoxAccessToken token) {
        byte[] plain = (token.expiresAt().toEpochMilli() + "\n" + token.value()).getBytes(StandardCharsets.UTF_8);
        byte[] sealed = seal.seal(entry, plain);
        calls.call(cache, () -> {
            cache.put(entry, sealed);
            return null;
        });
    }

    /**
     * Takes the refresh lease of {@code entry} for {@code holder} until {@code untilMillis}, if nobody holds
     * it or its holder's time has passed; atomic across the cluster (put-if-absent, or replace of the lapsed
     * lease).
     */
    boolean claim(String entry, String holder, long untilMillis, long nowMillis) {
        String key = entry + LEASE_SUFFIX;
        String lease = holder + "|" + untilMillis;
        return calls.call(cache, () -> {
            if (cache.putIfAbsent(key, lease)) {
                return true;
            }
            Object current = cache.get(key);
            if (current == null) {
                return cache.putIfAbsent(key, lease);
            }
            return current instanceof String held && until(held) <= nowMillis && cache.replace(key, held, lease);
        });
    }

    /** Gives the lease back, if {@code holder} still has it. */
    void release(String entry, String holder) {
        String key = entry + LEASE_SUFFIX;
        calls.call(cache, () -> cache.get(key) instanceof String held && held.startsWith(holder + "|") && cache.remove(key, held));
    }

    private static long until(String lease) {
        try {
            return Long.parseLong(lease.substring(lease.lastIndexOf('|') + 1));
        } catch (NumberFormatException e) {
            return 0; // not a lease of ours: treat it as lapsed
        }
    }

    @Override
    public String toString() {
        return "JCacheTokenStore[" + cache.getName() + ", sealing key " + seal.currentKeyId() + "]";
    }
}
