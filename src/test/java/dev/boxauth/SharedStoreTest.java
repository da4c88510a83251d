package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.internal.ProviderFactory;
import dev.boxauth.internal.config.SettingsReader;
import dev.boxauth.internal.token.Sleeper;
import dev.boxauth.testing.CapturedLog;
import dev.boxauth.testing.HazelcastMember;
import dev.boxauth.testing.MutableClock;
import dev.boxauth.testing.Together;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Instances of one app sharing their tokens through a JCache cache (a Hazelcast member on loopback): each
 * "node" here is a provider of its own, as each server of a cluster has; they meet only in the cache.
 */
class SharedStoreTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final int NODES = 3;
    private static final int THREADS = 32;

    private static HazelcastMember member;

    private BoxEmulator box;
    private JwtApp app;
    private Cache<Object, Object> cache;
    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<BoxTokenProvider> nodes = new ArrayList<>();

    @BeforeAll
    static void startMember() {
        member = HazelcastMember.start("box-auth-shared-store-test");
    }

    @AfterAll
    static void stopMember() {
        member.close();
    }

    @BeforeEach
    void start() {
        box = BoxEmulator.start();
        app = box.createJwtApp();
        cache = member.newCache("tokens-" + System.nanoTime());
    }

    @AfterEach
    void stop() {
        nodes.forEach(BoxTokenProvider::close);
        member.destroy(cache);
        box.close();
    }

    @Test
    void threeNodesOfThirtyTwoThreads_atFirstUseAndAtEachExpiry_makeOneTokenRequestTogether() throws Exception {
        for (int i = 0; i < NODES; i++) {
            node(Sleeper.REAL);
        }
        assertThat(Set.copyOf(allNodesAtOnce())).hasSize(1);
        assertThat(box.tokenRequests()).isEqualTo(1);

        for (int expiry = 1; expiry <= 3; expiry++) {
            clock.advance(Duration.ofHours(1));
            box.clockOffset(Duration.ofHours(expiry));

            assertThat(Set.copyOf(allNodesAtOnce())).hasSize(1);

            assertThat(box.tokenRequests()).as("requests after expiry %d", expiry).isEqualTo(1 + expiry);
        }
    }

    @Test
    void theCacheHoldsNoTokenInClearText() {
        BoxTokenProvider node = node(Sleeper.REAL);
        String token = node.accessToken();

        List<String> raw = new ArrayList<>();
        cache.forEach(entry -> raw.add(entry.getKey() + "=" + (entry.getValue() instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.ISO_8859_1) : entry.getValue())));
        assertThat(raw).isNotEmpty().allSatisfy(entry -> assertThat(entry).doesNotContain(token)
                .doesNotContain(app.clientId()));
    }

    @Test
    void aNodeThatStarts_adoptsTheStoredTokenWithoutAskingBox() {
        String first = node(Sleeper.REAL).accessToken();

        assertThat(node(Sleeper.REAL).accessToken()).isEqualTo(first);
        assertThat(box.tokenRequests()).isEqualTo(1);
    }

    @Test
    void aTokenTheApiRejected_isReplacedOnce_andTheOtherNodesAdoptTheReplacement() {
        BoxTokenProvider a = node(Sleeper.REAL);
        BoxTokenProvider b = node(Sleeper.REAL);
        String first = a.accessToken();
        assertThat(b.accessToken()).isEqualTo(first);
        box.revokeAccessTokens();

        a.invalidate(first);
        String second = a.accessToken();
        b.invalidate(first);

        assertThat(b.accessToken()).isEqualTo(second).isNotEqualTo(first);
        assertThat(box.tokenRequests()).isEqualTo(2);
    }

    @Test
    void aLeaseLeftByANodeThatDied_delaysTheOthersUntilItLapses_thenOneOfThemRefreshes() {
        // Waits pass on the test's clock, which is what leases are measured by.
        BoxTokenProvider survivor = node(delay -> clock.advance(delay));
        survivor.accessToken();
        String tokenEntry = (String) cache.iterator().next().getKey();
        clock.advance(Duration.ofHours(1));
        box.clockOffset(Duration.ofHours(1));
        Instant died = clock.instant();
        cache.put(tokenEntry + "#lease", "dead-node|" + died.plusSeconds(65).toEpochMilli());

        survivor.accessToken();

        // Issued, not requested: after 65 s on the test's clock alone, the emulator's clock lags and skew costs a retry.
        assertThat(box.tokensIssued()).isEqualTo(2);
        // The lease of a request's deadline (2 x 30 s) and 5 s, then the poll that found it lapsed.
        assertThat(Duration.between(died, clock.instant())).isBetween(Duration.ofSeconds(65),
                Duration.ofSeconds(65).plus(Duration.ofMillis(50)));
    }

    @Test
    void whenTheStoreFails_eachNodeKeepsGettingTokens_andSaysSoOnce() {
        BoxTokenProvider a = node(Sleeper.REAL);
        a.accessToken();
        member.destroy(cache);
        clock.advance(Duration.ofHours(1));
        box.clockOffset(Duration.ofHours(1));

        try (CapturedLog log = new CapturedLog()) {
            assertThat(a.accessToken()).isNotBlank();
            clock.advance(Duration.ofHours(1));
            box.clockOffset(Duration.ofHours(2));
            assertThat(a.accessToken()).isNotBlank();

            assertThat(log.records()).filteredOn(r -> r.getMessage().contains("BOXAUTH-043")).hasSize(1);
        }
        assertThat(box.tokenRequests()).isEqualTo(3);
        cache = member.newCache(cache.getName());
    }

    @Test
    void aCacheThatHangs_delaysATokenByTheStoreTimeoutAtMost_thenTheNodeAsksBoxItself() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        @SuppressWarnings("unchecked")
        Cache<Object, Object> hanging = (Cache<Object, Object>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Cache.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getName")) {
                        return "hanging";
                    }
                    release.await(); // a member that never answers
                    return null;
                });
        Map<String, String> p = properties();
        p.put("box.auth.store.timeout", "200ms");
        try (CapturedLog log = new CapturedLog();
                BoxTokenProvider node = ProviderFactory.create(SettingsReader.read(p),
                        new ProviderFactory.Options(clock, null, null, null, Sleeper.REAL, hanging, null))) {
            assertThat(node.accessToken()).isNotBlank();

            assertThat(log.text()).contains("BOXAUTH-043").contains("did not answer within 200 ms");
        } finally {
            release.countDown();
        }
        assertThat(box.tokenRequests()).isEqualTo(1);
    }

    /** {@value #THREADS} callers on each node, all at once; their tokens. */
    private List<String> allNodesAtOnce() throws Exception {
        AtomicInteger next = new AtomicInteger();
        return Together.call(NODES * THREADS, () -> nodes.get(next.getAndIncrement() % NODES).accessToken());
    }

    private Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("box.auth.config", app.configJson());
        p.put("box.auth.token-url", box.tokenUrl());
        p.put("box.auth.store", "jcache");
        p.put("box.auth.store.keys", "k1:" + KEY);
        return p;
    }

    private BoxTokenProvider node(Sleeper sleeper) {
        Map<String, String> p = properties();
        BoxTokenProvider node = ProviderFactory.create(SettingsReader.read(p),
                new ProviderFactory.Options(clock, null, null, null, sleeper, cache, null));
        nodes.add(node);
        return node;
    }
}
