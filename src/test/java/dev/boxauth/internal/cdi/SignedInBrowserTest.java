package dev.boxauth.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.internal.config.OAuthSettings;
import dev.boxauth.internal.oauth.LocalBrowserSessions;
import dev.boxauth.oauth.InMemoryBoxTokenStore;
import dev.boxauth.oauth.StoredTokens;
import dev.boxauth.testing.MutableClock;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which user a browser is signed in as: its session is live, and the user's tokens are still stored. */
class SignedInBrowserTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryBoxTokenStore tokens = new InMemoryBoxTokenStore();
    private final LocalBrowserSessions sessions = new LocalBrowserSessions(Duration.ofMinutes(30), Duration.ofHours(12),
            100, new SecureRandom());
    private final OAuthWeb web = new OAuthWeb(null, settings(), tokens, sessions, clock, null);

    @Test
    void aBrowserWithALiveSession_isSignedInAsItsUser() {
        tokens.compareAndSet("20001", null, new StoredTokens("at", NOW.plusSeconds(3600), "rt"));
        String session = sessions.start("20001", NOW);

        assertThat(web.signedInUser(session)).isEqualTo("20001");
        assertThat(web.signedInUser("forged")).isNull();
        assertThat(web.signedInUser(null)).isNull();
    }

    @Test
    void aSessionWhoseUsersTokensAreGone_isNotSignedIn_andEnds() {
        tokens.compareAndSet("20001", null, new StoredTokens("at", NOW.plusSeconds(3600), "rt"));
        String session = sessions.start("20001", NOW);
        tokens.remove("20001"); // signed out everywhere, on another instance

        assertThat(web.signedInUser(session)).isNull();
        tokens.compareAndSet("20001", null, new StoredTokens("at2", NOW.plusSeconds(3600), "rt2"));
        assertThat(web.signedInUser(session)).as("the ended session stays ended").isNull();
    }

    @Test
    void signOut_endsThisBrowsersSessionOnly() {
        tokens.compareAndSet("20001", null, new StoredTokens("at", NOW.plusSeconds(3600), "rt"));
        String laptop = sessions.start("20001", NOW);
        String phone = sessions.start("20001", NOW);

        web.signOut(laptop);

        assertThat(web.signedInUser(laptop)).isNull();
        assertThat(web.signedInUser(phone)).isEqualTo("20001");
    }

    private static OAuthSettings settings() {
        return new OAuthSettings(URI.create("https://app.example.com/api/box/oauth/callback"), List.of(),
                URI.create("https://account.box.com/api/oauth2/authorize"), "box/oauth/callback", "/",
                Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(12), null, false);
    }
}
