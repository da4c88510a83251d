package dev.boxauth;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.boxauth.internal.config.EnvironmentNames;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.config.SettingsReader;
import dev.boxauth.internal.store.ClusterStore;
import dev.boxauth.oauth.BoxOAuth;
import dev.boxauth.oauth.BoxOAuthConfig;
import dev.boxauth.testing.Herd;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * One instance of a clustered application, in a JVM of its own: a Hazelcast member that joins its peers
 * over TCP on loopback, and a Box app configured by its {@code BOX_AUTH_*} environment, whose tokens it
 * shares through the member's JCache cache ({@code box.auth.store=jcache}): a provider for JWT or the
 * Client Credentials Grant, a {@link BoxOAuth} for OAuth 2.0.
 *
 * <p>Once the cluster has formed it prints {@code ready} and answers commands on its standard input, one a
 * line: {@code sign-in} (OAuth 2.0) prints {@code authorize <url>} for the browser; {@code callback <code>
 * <state>} completes that sign-in and prints {@code signed-in <user id>}; {@code go} (or {@code go <user id>},
 * that user's provider) makes its threads ask for tokens without pause for the given time, after which it
 * prints {@code calls=… failures=…}, then {@code token=…} for each distinct token served, and exits.
 *
 * <p>Arguments: its port, all members' ports (comma-separated), seconds, threads.
 */
public final class SharedStoreNode {

    private SharedStoreNode() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String[] members = args[1].split(",");
        long seconds = Long.parseLong(args[2]);
        int threads = Integer.parseInt(args[3]);
        Map<String, String> properties = new HashMap<>();
        for (String property : BoxAuthProperties.ALL) {
            String value = System.getenv(EnvironmentNames.of(property));
            if (value != null) {
                properties.put(property, value);
            }
        }

        HazelcastInstance member = Hazelcast.newHazelcastInstance(config(port, args[1], members));
        try {
            Cache<Object, Object> cache = sharedCache(member, members.length);
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if ("oauth".equals(properties.get(BoxAuthProperties.METHOD))) {
                Settings settings = SettingsReader.read(properties);
                try (ClusterStore store = ClusterStore.open(settings.store(), cache);
                        BoxOAuth oauth = BoxOAuth.create(oauthConfig(settings), store.tokens(settings.clientId()))) {
                    herd(awaitGo(commands, null, oauth), seconds, threads);
                }
            } else {
                try (BoxTokenProvider provider = BoxAuth.builder().properties(properties).tokenCache(cache).build()) {
                    herd(awaitGo(commands, provider, null), seconds, threads);
                }
            }
        } finally {
            member.shutdown();
        }
    }

    private static Config config(int port, String cluster, String[] members) {
        Config config = new Config().setClusterName("box-auth-cluster-test-" + cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        // The master waits 5 s by default for more joiners before it admits one; all three start together.
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        for (String member : members) {
            config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + member);
        }
        return config;
    }

    /** The cluster's token cache, once every member has joined: created by the first that gets there. */
    private static Cache<Object, Object> sharedCache(HazelcastInstance member, int members) throws InterruptedException {
        CountDownLatch formed = new CountDownLatch(1);
        member.getCluster().addMembershipListener(new com.hazelcast.cluster.MembershipListener() {
            @Override
            public void memberAdded(com.hazelcast.cluster.MembershipEvent event) {
                if (event.getMembers().size() >= members) {
                    formed.countDown();
                }
            }

            @Override
            public void memberRemoved(com.hazelcast.cluster.MembershipEvent event) {
            }
        });
        if (member.getCluster().getMembers().size() >= members) {
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
        return cache;
    }

    /** What the settings reader made of the {@code box.auth.*} properties, for the OAuth 2.0 API. */
    private static BoxOAuthConfig oauthConfig(Settings settings) {
        return BoxOAuthConfig.builder()
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret().reveal())
                .redirectUri(settings.oauth().redirectUri().toString())
                .authorizeUrl(settings.oauth().authorizeUrl().toString())
                .tokenUrl(settings.tokenUrl().toString())
                .apiUrl(settings.apiUrl().toString())
                .revokeUrl(settings.revokeUrl().toString())
                .refreshMargin(settings.refreshMargin())
                .build();
    }

    /**
     * Says {@code ready}, answers the sign-in commands, and returns the provider {@code go} names: the app's,
     * or the user's of {@code oauth}.
     */
    private static BoxTokenProvider awaitGo(BufferedReader commands, BoxTokenProvider app, BoxOAuth oauth)
            throws IOException {
        say("ready");
        for (String line; (line = commands.readLine()) != null; ) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "sign-in" -> say("authorize " + oauth.startSignIn().authorizeUrl());
                case "callback" -> say("signed-in " + oauth.completeSignIn(words[1], words[2]).boxUserId());
                case "go" -> {
                    return words.length > 1 ? oauth.forUser(words[1]) : app;
                }
                default -> throw new IllegalArgumentException("unknown command " + words[0]);
            }
        }
        throw new IllegalStateException("no go");
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void herd(BoxTokenProvider provider, long seconds, int threads) throws InterruptedException {
        Herd.Result herd = Herd.run(provider, threads, Duration.ofSeconds(seconds), Duration.ofMillis(1));
        say("calls=" + herd.calls() + " failures=" + herd.failures());
        herd.tokens().forEach(token -> System.out.println("token=" + token));
    }
}
