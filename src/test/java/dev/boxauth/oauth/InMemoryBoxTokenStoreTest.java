package dev.boxauth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryBoxTokenStoreTest {

    private static final Instant EXPIRY = Instant.parse("2026-03-01T11:00:00Z");

    private final InMemoryBoxTokenStore store = new InMemoryBoxTokenStore();
    private final StoredTokens one = new StoredTokens("at-1", EXPIRY, "rt-1");
    private final StoredTokens two = new StoredTokens("at-2", EXPIRY, "rt-2");

    @Test
    void compareAndSet_withNullExpected_insertsOnlyWhenAbsent() {
        assertThat(store.compareAndSet("u", null, one)).isTrue();
        assertThat(store.compareAndSet("u", null, two)).isFalse();

        assertThat(store.load("u")).contains(one);
    }

    @Test
    void compareAndSet_replacesOnlyWhatEqualsTheExpectedValue() {
        store.compareAndSet("u", null, one);

        assertThat(store.compareAndSet("u", two, two)).isFalse();
        assertThat(store.compareAndSet("u", new StoredTokens("at-1", EXPIRY, "rt-1"), two)).as("equal by value").isTrue();
        assertThat(store.load("u")).contains(two);
    }

    @Test
    void compareAndSet_seesTheLeaseAsPartOfTheValue() {
        store.compareAndSet("u", null, one);
        StoredTokens leased = one.withRefreshLease(new StoredTokens.RefreshLease("node-a", EXPIRY));
        assertThat(store.compareAndSet("u", one, leased)).isTrue();

        assertThat(store.compareAndSet("u", one, two)).isFalse();
        assertThat(store.compareAndSet("u", leased, two)).isTrue();
    }

    @Test
    void compareAndSet_withNullReplacement_removesOnlyTheExpectedValue() {
        store.compareAndSet("u", null, one);

        assertThat(store.compareAndSet("u", two, null)).isFalse();
        assertThat(store.compareAndSet("u", one, null)).isTrue();
        assertThat(store.load("u")).isEmpty();
        assertThat(store.compareAndSet("u", null, null)).as("absent as expected").isTrue();
    }

    @Test
    void remove_forgetsTheUserAndIgnoresUnknownOnes() {
        store.compareAndSet("u", null, one);

        store.remove("u");
        store.remove("nobody");

        assertThat(store.load("u")).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void usersAreIndependent() {
        store.compareAndSet("u", null, one);
        store.compareAndSet("v", null, two);

        assertThat(store.load("u")).contains(one);
        assertThat(store.load("v")).contains(two);
        assertThat(store).hasToString("InMemoryBoxTokenStore[2 users]");
    }
}
