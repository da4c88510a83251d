package dev.boxauth.internal.store;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;

/** Getting a cache that the instances of a cluster share, whichever of them comes first. */
final class JCaches {

    private JCaches() {
    }

    /** The cache {@code name} of {@code manager}, created with {@code configuration} if missing. */
    static Cache<Object, Object> getOrCreate(CacheManager manager, String name,
            MutableConfiguration<Object, Object> configuration) {
        Cache<Object, Object> cache = manager.getCache(name);
        if (cache != null) {
            return cache;
        }
        try {
            return manager.createCache(name, configuration);
        } catch (CacheException createdMeanwhile) {
            return manager.getCache(name); // another instance created it between the two calls
        }
    }
}
