package dev.boxauth.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.internal.config.StoreSettings;
import dev.boxauth.internal.config.StoreSettings.StoreKey;
import dev.boxauth.internal.oauth.UsedSignInStates;
import dev.boxauth.oauth.BoxTokenStore;
import dev.boxauth.oauth.StoredTokens;
import dev.boxauth.oauth.StoredTokens.RefreshLease;
import dev.boxauth.testing.HazelcastMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.cache.Cache;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth 2.0 store of a cluster, on a Hazelcast member's JCache cache: the BoxTokenStore contract, sealed. */
class JCacheBoxTokenStoreTest {

    private static final Instant EXPIRY = Instant.parse("2026-03-01T11:00:00.123456789Z");
    private static final StoreSettings SETTINGS = new StoreSettings("unused",
            List.of(new StoreKey("k1", new SecretKeySpec(new byte[32], "AES"))), java.time.Duration.ofSeconds(2));

    private static HazelcastMember member;

    private Cache<Object, Object> cache;
    private ClusterStore cluster;
    private BoxTokenStore store;
    private final StoredTokens one = new StoredTokens("AT-one-secret", EXPIRY, "RT-one-secret");
    private final StoredTokens two = new StoredTokens("AT-two-secret", EXPIRY, "RT-two-secret");

    @BeforeAll
    static void startMember() {
        member = HazelcastMember.start("box-auth-oauth-store-test");
    }

    @AfterAll
    static void stopMember() {
        member.close();
    }

    @BeforeEach
    void open() {
        cache = member.newCache("oauth-" + System.nanoTime());
        cluster = ClusterStore.open(SETTINGS, cache);
        store = cluster.tokens("client-a");
    }

    @AfterEach
    void destroy() {
        cluster.close();
        member.destroy(cache);
    }

    @Test
    void compareAndSet_insertsOnlyWhenAbsent_andReplacesOnlyWhatEqualsTheExpectedValue() {
        assertThat(store.compareAndSet("u", null, one)).isTrue();
        assertThat(store.compareAndSet("u", null, two)).isFalse();
        assertThat(store.compareAndSet("u", two, two)).isFalse();

        assertThat(store.compareAndSet("u", new StoredTokens("AT-one-secret", EXPIRY, "RT-one-secret"), two)).isTrue();
        assertThat(store.load("u")).contains(two);
    }

    @Test
    void compareAndSet_seesTheLeaseAsPartOfTheValue_toTheNanosecond() {
        store.compareAndSet("u", null, one);
        StoredTokens leased = one.withRefreshLease(new RefreshLease("node-a", EXPIRY.plusNanos(1)));
        assertThat(store.compareAndSet("u", one, leased)).isTrue();

        assertThat(store.load("u")).contains(leased);
        assertThat(store.compareAndSet("u", one, two)).isFalse();
        assertThat(store.compareAndSet("u", leased, two)).isTrue();
    }

    @Test
    void compareAndSet_withNullReplacement_removesOnlyTheExpectedValue_andRemoveForgets() {
        store.compareAndSet("u", null, one);
        assertThat(store.compareAndSet("u", two, null)).isFalse();
        assertThat(store.compareAndSet("u", one, null)).isTrue();
        assertThat(store.load("u")).isEmpty();
        assertThat(store.compareAndSet("u", null, null)).isTrue();

        store.compareAndSet("v", null, two);
        store.remove("v");
        store.remove("nobody");
        assertThat(store.load("v")).isEmpty();
    }

    @Test
    void theCacheHoldsNoTokenNorUserNorClientIdInClearText() {
        store.compareAndSet("20001", null, one.withRefreshLease(new RefreshLease("node-a", EXPIRY)));

        List<String> raw = new ArrayList<>();
        cache.forEach(entry -> raw.add(entry.getKey() + "=" + entry.getValue()));
        assertThat(raw).singleElement().satisfies(entry -> assertThat(entry).doesNotContain("secret")
                .doesNotContain("20001").doesNotContain("client-a").doesNotContain("node-a"));
    }

    @Test
    void anotherAppsStore_inTheSameCache_neitherSeesNorOpensTheUsersTokens() {
        store.compareAndSet("u", null, one);
        BoxTokenStore otherApp = cluster.tokens("client-b");

        assertThat(otherApp.load("u")).isEmpty();
        assertThat(otherApp.compareAndSet("u", null, two)).isTrue();
        assertThat(store.load("u")).contains(one);
    }

    @Test
    void usedSignInStates_areUsedOnceInTheWholeCluster_inACacheBesideTheTokens() {
        try (ClusterStore otherInstance = ClusterStore.open(SETTINGS, cache)) {
            UsedSignInStates nodeA = cluster.usedSignInStates(java.time.Duration.ofMinutes(10));
            UsedSignInStates nodeB = otherInstance.usedSignInStates(java.time.Duration.ofMinutes(10));
            Instant now = Instant.parse("2026-03-01T10:00:00Z");

            assertThat(nodeA.firstUse("state-1", now.plusSeconds(600), now)).isTrue();
            assertThat(nodeB.firstUse("state-1", now.plusSeconds(600), now)).isFalse();
            assertThat(nodeB.firstUse("state-2", now.plusSeconds(600), now)).isTrue();
            assertThat(nodeA).hasToString("JCacheUsedSignInStates[" + cache.getName() + "-sign-in-states]");
        }
    }
}
