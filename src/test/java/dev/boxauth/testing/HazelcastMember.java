package dev.boxauth.testing;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * A Hazelcast member alone on loopback (no multicast, no discovery), and its JCache caches: the cluster
 * store's reference provider, in the test's own JVM.
 */
public final class HazelcastMember implements AutoCloseable {

    private final HazelcastInstance member;
    private final CacheManager manager;

    private HazelcastMember(HazelcastInstance member) {
        this.member = member;
        this.manager = Caching.getCachingProvider(HazelcastCachingProvider.MEMBER_CACHING_PROVIDER)
                .getCacheManager(null, null, HazelcastCachingProvider.propertiesByInstanceItself(member));
    }

    /** @param cluster the cluster's name: one per test class, so that no two ever join */
    public static HazelcastMember start(String cluster) {
        Config config = new Config().setClusterName(cluster).setInstanceName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.getNetworkConfig().setPort(5801).setPortAutoIncrement(true).getJoin().getAutoDetectionConfig()
                .setEnabled(false);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        return new HazelcastMember(Hazelcast.newHazelcastInstance(config));
    }

    /** A new, empty cache. */
    public Cache<Object, Object> newCache(String name) {
        return manager.createCache(name, new MutableConfiguration<>());
    }

    /** An existing cache, by name. */
    public Cache<Object, Object> cacheOf(String name) {
        return manager.getCache(name);
    }

    public void destroy(Cache<?, ?> cache) {
        manager.destroyCache(cache.getName());
    }

    @Override
    public void close() {
        manager.close();
        member.shutdown();
    }
}
