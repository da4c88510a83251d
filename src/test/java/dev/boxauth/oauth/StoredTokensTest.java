package dev.boxauth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredTokensTest {

    private static final Instant EXPIRY = Instant.parse("2026-03-01T11:00:00Z");
    private final StoredTokens tokens = new StoredTokens("access-value", EXPIRY, "refresh-value");

    @Test
    void toString_showsNeitherToken() {
        StoredTokens leased = tokens.withRefreshLease(new StoredTokens.RefreshLease("node-a", EXPIRY));

        assertThat(leased.toString()).doesNotContain("access-value").doesNotContain("refresh-value")
                .contains(EXPIRY.toString()).contains("node-a");
    }

    @Test
    void leaseComesAndGoesWithoutTouchingThePair() {
        StoredTokens leased = tokens.withRefreshLease(new StoredTokens.RefreshLease("node-a", EXPIRY));

        assertThat(leased).isNotEqualTo(tokens);
        assertThat(leased.withoutRefreshLease()).isEqualTo(tokens);
        assertThat(leased.refreshToken()).isEqualTo("refresh-value");
    }

    @Test
    void everyTokenPartIsRequired() {
        assertThatThrownBy(() -> new StoredTokens(null, EXPIRY, "r")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StoredTokens("a", null, "r")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StoredTokens("a", EXPIRY, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void survivesSerialization_forClusterStores() throws Exception {
        StoredTokens leased = tokens.withRefreshLease(new StoredTokens.RefreshLease("node-a", EXPIRY));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(leased);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(leased);
        }
    }

    @Test
    void signInValuesDoNotPrintTheState() {
        SignIn signIn = new SignIn(java.net.URI.create("https://x.example/a?state=s-value"), "s-value");

        assertThat(signIn.toString()).doesNotContain("s-value");
    }
}
