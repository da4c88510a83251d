package dev.boxauth;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * One instance of a clustered application, in a JVM of its own: a Hazelcast member that joins its peers
 * over TCP on loopback, and a provider that shares its tokens through the member's JCache cache. At the
 * cluster has formed it prints {@code ready} and waits for a line on its standard input; then its threads
 * ask for tokens without pause for the given time, and it prints what it saw.
 *
 * <p>Arguments: its port, all members' ports (comma-separated), seconds, threads. Environment:
 * {@code BOX_AUTH_CONFIG}, {@code BOX_AUTH_TOKEN_URL}, {@code BOX_AUTH_STORE_KEYS}.
 */
public final class SharedStoreNode {

    private SharedStoreNode() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String[] members = args[1].split(",");
        long seconds = Long.parseLong(args[2]);
        int threads = Integer.parseInt(args[3]);

        Config config = new Config().setClusterName("box-auth-cluster-test-" + args[1]);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        for (String member : members) {
            config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + member);
        }
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        try {
            CountDownLatch formed = new CountDownLatch(1);
            member.getCluster().addMembershipListener(new com.hazelcast.cluster.MembershipListener() {
                @Override
                public void memberAdded(com.hazelcast.cluster.MembershipEvent event) {
                    if (event.getMembers().size() >= members.length) {
                        formed.countDown();
                    }
                }

                @Override
                public void memberRemoved(com.hazelcast.cluster.MembershipEvent event) {
                }
            });
            if (member.getCluster().getMembers().size() >= members.length) {
                formed.countDown();
            }
            if (!formed.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the cluster did not form within 60 s");
            }
            CacheManager manager = Caching.getCachingProvider(HazelcastCachingProvider.MEMBER_CACHING_PROVIDER)
                    .getCacheManager(null, null, HazelcastCachingProvider.propertiesByInstanceItself(member));
            Cache<Object, Object> cache = manager.getCache("box-auth-tokens");
            if (cache == null) {
                try {
                    cache = manager.createCache("box-auth-tokens", new MutableConfiguration<>());
                } catch (javax.cache.CacheException createdByAPeer) {
                    cache = manager.getCache("box-auth-tokens");
                }
            }
            run(cache, seconds, threads);
        } finally {
            member.shutdown();
        }
    }

    private static void run(Cache<Object, Object> cache, long seconds, int threads) throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong calls = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        try (BoxTokenProvider provider = BoxAuth.builder().properties(Map.of(
                "box.auth.config", System.getenv("BOX_AUTH_CONFIG"),
                "box.auth.token-url", System.getenv("BOX_AUTH_TOKEN_URL"),
                "box.auth.store", "jcache",
                "box.auth.store.keys", System.getenv("BOX_AUTH_STORE_KEYS"))).tokenCache(cache).build()) {
            System.out.println("ready");
            System.out.flush();
            if (new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
                    .readLine() == null) {
                throw new IllegalStateException("no go");
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            CountDownLatch done = new CountDownLatch(threads);
            for (int i = 0; i < threads; i++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            seen.add(provider.accessToken());
                            calls.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                        LockSupport.parkNanos(1_000_000);
                    }
                    done.countDown();
                });
                thread.start();
            }
            done.await();
        }
        System.out.println("calls=" + calls.get() + " failures=" + failures.get());
        seen.forEach(token -> System.out.println("token=" + token));
    }
}
