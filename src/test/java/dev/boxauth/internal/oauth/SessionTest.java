package dev.boxauth.internal.oauth;

import static dev.boxauth.internal.oauth.Harness.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.oauth.NotSignedInException;
import dev.boxauth.oauth.StoredTokens;
import dev.boxauth.testing.CapturedLog;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** forUser, signOut, close, and what a user's provider does besides handing out tokens. */
class SessionTest {

    private final Harness h = new Harness();
    private final OAuthClient oauth = h.node();

    @AfterEach
    void closeAll() {
        h.close();
    }

    @Test
    void forUser_throwsNotSignedInWhenTheStoreHoldsNothingForTheUser() {
        assertThatExceptionOfType(NotSignedInException.class).isThrownBy(() -> oauth.forUser(USER)).satisfies(e -> {
            assertThat(e.boxUserId()).isEqualTo(USER);
            assertThat(e.getMessage()).contains(USER).contains(FakeBox.CLIENT_ID);
        });
    }

    @Test
    void forUser_returnsOneProviderPerUser() {
        h.storedPair(USER);
        h.storedPair("20002");

        BoxTokenProvider first = oauth.forUser(USER);

        assertThat(oauth.forUser(USER)).isSameAs(first);
        assertThat(oauth.forUser("20002")).isNotSameAs(first);
        assertThat(first.toString()).contains("user " + USER).contains(FakeBox.CLIENT_ID);
    }

    @Test
    void forUser_refusesABlankId() {
        assertThatThrownBy(() -> oauth.forUser(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signOut_removesTheTokensThenRevokesTheRefreshToken() {
        StoredTokens stored = h.signIn(oauth, USER);
        BoxTokenProvider provider = oauth.forUser(USER);
        provider.accessToken();

        oauth.signOut(USER);

        assertThat(h.store.get(USER)).isNull();
        assertThat(h.box.revokeForms).containsExactly(Map.of(
                "client_id", FakeBox.CLIENT_ID,
                "client_secret", FakeBox.CLIENT_SECRET,
                "token", stored.refreshToken()));
        assertThat(h.box.isLive(stored.accessToken())).isFalse();
        assertThatExceptionOfType(NotSignedInException.class).isThrownBy(() -> oauth.forUser(USER));
        assertThatExceptionOfType(NotSignedInException.class).isThrownBy(provider::accessToken);
        assertThat(h.box.refreshRequests).hasValue(0);
    }

    @Test
    void signOut_signsTheUserOutEvenWhenBoxCannotBeReachedToRevoke() {
        h.signIn(oauth, USER);
        h.box.failRevokes(new ConnectException("Connection refused"));

        try (CapturedLog log = new CapturedLog()) {
            oauth.signOut(USER);

            assertThat(log.records()).anySatisfy(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getMessage()).contains("Cannot revoke").contains(FakeBox.CLIENT_ID);
            });
        }
        assertThat(h.store.get(USER)).isNull();
    }

    @Test
    void signOut_ofAUserWhoIsNotSignedIn_doesNothing() {
        oauth.signOut(USER);

        assertThat(h.box.revokeForms).isEmpty();
    }

    @Test
    void afterSignOutAndANewSignIn_forUserGivesAWorkingProvider_andTheOldOneStaysSignedOut() {
        h.signIn(oauth, USER);
        BoxTokenProvider before = oauth.forUser(USER);
        oauth.signOut(USER);

        StoredTokens again = h.signIn(oauth, USER);

        assertThat(oauth.forUser(USER).accessToken()).isEqualTo(again.accessToken());
        assertThatExceptionOfType(NotSignedInException.class).isThrownBy(before::accessToken);
    }

    @Test
    void signOutOnAnotherNode_isNoticedByForUserAtOnce() {
        OAuthClient other = h.node();
        h.signIn(oauth, USER);
        oauth.forUser(USER).accessToken();

        other.signOut(USER);

        assertThatExceptionOfType(NotSignedInException.class).isThrownBy(() -> oauth.forUser(USER));
    }

    @Test
    void provider_revoke_signsTheUserOut() {
        h.signIn(oauth, USER);

        oauth.forUser(USER).revoke();

        assertThat(h.store.get(USER)).isNull();
        assertThat(h.box.revokeForms).hasSize(1);
    }

    @Test
    void provider_forUser_isRefusedWithAnExplanation() {
        h.storedPair(USER);
        BoxTokenProvider provider = oauth.forUser(USER);

        assertThatThrownBy(() -> provider.forUser("20002")).isInstanceOf(BoxAuthException.class)
                .hasMessageContaining("does not apply to OAuth 2.0");
    }

    @Test
    void provider_close_leavesTheSharedProviderWorking() {
        h.storedPair(USER);
        BoxTokenProvider provider = oauth.forUser(USER);

        provider.close();

        assertThat(provider.accessToken()).isEqualTo("AT-secret-1");
        assertThat(oauth.forUser(USER)).isSameAs(provider);
    }

    @Test
    void close_stopsProvidersAndRefusesFurtherUse_andIsIdempotent() {
        h.storedPair(USER);
        BoxTokenProvider provider = oauth.forUser(USER);
        provider.accessToken();

        oauth.close();
        oauth.close();

        assertThatThrownBy(provider::accessToken).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(oauth::startSignIn).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> oauth.forUser(USER)).isInstanceOf(IllegalStateException.class);
        assertThat(oauth.toString()).contains("closed");
    }

    @Test
    void aTokenWithoutAnswerFromBoxForLong_givesUpAfterThreeAttempts_withoutSigningOut() {
        h.storedPair(USER);
        BoxTokenProvider provider = oauth.forUser(USER);
        provider.accessToken();
        h.clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            h.box.thenRefresh(FakeBox.timeoutBeforeProcessing());
        }

        assertThatExceptionOfType(dev.boxauth.BoxTokenException.class).isThrownBy(provider::accessToken)
                .isNotInstanceOf(NotSignedInException.class)
                .satisfies(e -> assertThat(e.isRetryable()).isTrue());
        assertThat(h.box.refreshTokensSent()).containsExactly("RT-secret-1", "RT-secret-1", "RT-secret-1");
        assertThat(h.store.get(USER).refreshToken()).isEqualTo("RT-secret-1");
        assertThat(h.store.get(USER).refreshLease()).isNull();
    }
}
