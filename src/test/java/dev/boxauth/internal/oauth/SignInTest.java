package dev.boxauth.internal.oauth;

import static dev.boxauth.internal.oauth.Harness.START;
import static dev.boxauth.internal.oauth.Harness.USER;
import static dev.boxauth.internal.oauth.Harness.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenException;
import dev.boxauth.oauth.SignIn;
import dev.boxauth.oauth.SignInException.Reason;
import dev.boxauth.oauth.SignInException;
import dev.boxauth.oauth.SignedIn;
import dev.boxauth.oauth.StoredTokens;
import dev.boxauth.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignInTest {

    private final Harness h = new Harness();

    @AfterEach
    void closeAll() {
        h.close();
    }

    @Test
    void startSignIn_buildsTheAuthorizeUrlWithEveryParameterUrlEncoded() {
        OAuthClient oauth = h.node(b -> b.scopes("root_readwrite", "manage_groups"), d -> { });

        SignIn signIn = oauth.startSignIn();

        URI url = signIn.authorizeUrl();
        assertThat(url.toString()).startsWith("https://account.box.com/api/oauth2/authorize?response_type=code&client_id=");
        assertThat(url.getRawQuery())
                .contains("redirect_uri=https%3A%2F%2Fapp.example.com%2Fbox%2Fcallback%3Ffrom%3Dbox%26x%3Da%2520b")
                .contains("scope=root_readwrite%20manage_groups")
                .doesNotContain("+");
        assertThat(query(url, "response_type")).isEqualTo("code");
        assertThat(query(url, "client_id")).isEqualTo(FakeBox.CLIENT_ID);
        assertThat(query(url, "redirect_uri")).isEqualTo(FakeBox.REDIRECT_URI);
        assertThat(query(url, "state")).isEqualTo(signIn.state());
        assertThat(query(url, "scope")).isEqualTo("root_readwrite manage_groups");
    }

    @Test
    void startSignIn_leavesScopeOutWhenNoneIsConfigured() {
        SignIn signIn = h.node().startSignIn();

        assertThat(query(signIn.authorizeUrl(), "scope")).isNull();
    }

    @Test
    void startSignIn_appendsToAnAuthorizeUrlThatAlreadyHasAQuery() {
        OAuthClient oauth = h.node(b -> b.authorizeUrl("https://sso.example.com/authorize?tenant=7"), d -> { });

        URI url = oauth.startSignIn().authorizeUrl();

        assertThat(url.toString()).startsWith("https://sso.example.com/authorize?tenant=7&response_type=code&");
    }

    @Test
    void startSignIn_issuesAFreshSignedStateEachTime_of128RandomBitsAndA128BitMac() {
        OAuthClient oauth = h.node();
        Set<String> states = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            states.add(oauth.startSignIn().state());
        }

        assertThat(states).hasSize(1000).allMatch(s -> s.matches("[A-Za-z0-9_-]{54}"));
    }

    @Test
    void completeSignIn_exchangesTheCodeWithTheConfiguredRedirectUri() {
        OAuthClient oauth = h.node();
        SignIn signIn = oauth.startSignIn();
        String code = h.box.issueCode(USER);

        oauth.completeSignIn(code, signIn.state());

        assertThat(h.box.tokenForms).containsExactly(Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "client_id", FakeBox.CLIENT_ID,
                "client_secret", FakeBox.CLIENT_SECRET,
                "redirect_uri", FakeBox.REDIRECT_URI));
    }

    @Test
    void completeSignIn_asksBoxWhoSignedInWithTheNewTokenAndStoresThePairUnderTheirId() {
        OAuthClient oauth = h.node();
        SignIn signIn = oauth.startSignIn();

        SignedIn user = oauth.completeSignIn(h.box.issueCode(USER), signIn.state());

        assertThat(user).isEqualTo(new SignedIn(USER, "Ada Lovelace", "ada@example.com"));
        assertThat(h.box.usersMeCalls).hasValue(1);
        StoredTokens stored = h.store.get(USER);
        assertThat(stored.accessToken()).isEqualTo("AT-secret-2");
        assertThat(stored.refreshToken()).isEqualTo("RT-secret-2");
        assertThat(stored.accessTokenExpiresAt()).isEqualTo(START.plusSeconds(3600));
        assertThat(stored.refreshLease()).isNull();
        assertThat(oauth.forUser(USER).accessToken()).isEqualTo("AT-secret-2");
    }

    @Test
    void completeSignIn_refusesAStateUsedBeforeWithoutAskingBox() {
        OAuthClient oauth = h.node();
        SignIn signIn = oauth.startSignIn();
        oauth.completeSignIn(h.box.issueCode(USER), signIn.state());

        assertThatExceptionOfType(SignInException.class)
                .isThrownBy(() -> oauth.completeSignIn(h.box.issueCode(USER), signIn.state()))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Reason.STATE_REUSED);
                    assertThat(e.reason().code()).isEqualTo("state_reused");
                });
        assertThat(h.box.tokenForms).hasSize(1);
    }

    @Test
    void completeSignIn_refusesAStateThisInstanceNeverIssued() {
        OAuthClient oauth = h.node();
        oauth.startSignIn();
        OAuthClient other = h.node();

        assertThatExceptionOfType(SignInException.class)
                .isThrownBy(() -> oauth.completeSignIn(h.box.issueCode(USER), "forged-state"))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.STATE_UNKNOWN));
        assertThatExceptionOfType(SignInException.class)
                .isThrownBy(() -> oauth.completeSignIn(h.box.issueCode(USER), other.startSignIn().state()))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.STATE_UNKNOWN));
        assertThat(h.box.tokenForms).isEmpty();
    }

    @Test
    void completeSignIn_refusesAMissingState() {
        OAuthClient oauth = h.node();

        assertThatExceptionOfType(SignInException.class)
                .isThrownBy(() -> oauth.completeSignIn(h.box.issueCode(USER), null))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.STATE_MISSING));
        assertThatExceptionOfType(SignInException.class)
                .isThrownBy(() -> oauth.completeSignIn(h.box.issueCode(USER), " "))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.STATE_MISSING));
    }

    @Test
    void completeSignIn_refusesAStateOlderThanTheSignInTimeout() {
        OAuthClient oauth = h.node(b -> b.signInTimeout(Duration.ofMinutes(10)), d -> { });
        SignIn signIn = oauth.startSignIn();
        h.clock.advance(Duration.ofMinutes(10));

        assertThatExceptionOfType(SignInException.class)
                .isThrownBy(() -> oauth.completeSignIn(h.box.issueCode(USER), signIn.state()))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.STATE_EXPIRED));
        assertThat(h.box.tokenForms).isEmpty();
    }

    @Test
    void completeSignIn_acceptsAStateJustBeforeItExpires() {
        OAuthClient oauth = h.node();
        SignIn signIn = oauth.startSignIn();
        h.clock.advance(Duration.ofMinutes(10).minusMillis(1));

        assertThat(oauth.completeSignIn(h.box.issueCode(USER), signIn.state()).boxUserId()).isEqualTo(USER);
    }

    @Test
    void completeSignIn_turnsAccessDeniedIntoASignInFailureAndConsumesTheState() {
        OAuthClient oauth = h.node();
        SignIn signIn = oauth.startSignIn();

        assertThatExceptionOfType(SignInException.class)
                .isThrownBy(() -> oauth.completeSignIn(null, signIn.state(), "access_denied"))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED));
        assertThatExceptionOfType(SignInException.class)
                .isThrownBy(() -> oauth.completeSignIn(h.box.issueCode(USER), signIn.state()))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.STATE_REUSED));
        assertThat(h.box.tokenForms).isEmpty();
    }

    @Test
    void completeSignIn_namesAnotherAuthorizeErrorOnlyWhenItLooksLikeAnErrorCode() {
        OAuthClient oauth = h.node();

        assertThatExceptionOfType(SignInException.class)
                .isThrownBy(() -> oauth.completeSignIn(null, oauth.startSignIn().state(), "invalid_request"))
                .satisfies(named -> {
                    assertThat(named.reason()).isEqualTo(Reason.AUTHORIZE_FAILED);
                    assertThat(named.getMessage()).contains("(invalid_request)");
                });
        assertThatExceptionOfType(SignInException.class)
                .isThrownBy(() -> oauth.completeSignIn(null, oauth.startSignIn().state(), "<script>alert(1)</script>"))
                .satisfies(unnamed -> {
                    assertThat(unnamed.reason()).isEqualTo(Reason.AUTHORIZE_FAILED);
                    assertThat(unnamed.getMessage()).doesNotContain("script");
                });
    }

    @Test
    void completeSignIn_refusesACallbackWithoutCode() {
        OAuthClient oauth = h.node();

        assertThatExceptionOfType(SignInException.class)
                .isThrownBy(() -> oauth.completeSignIn("", oauth.startSignIn().state()))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.CODE_MISSING));
    }

    @Test
    void completeSignIn_reportsACodeBoxRefusedAsCodeRejected() {
        OAuthClient oauth = h.node();
        String code = h.box.issueCode(USER);
        oauth.completeSignIn(code, oauth.startSignIn().state());

        assertThatExceptionOfType(SignInException.class)
                .isThrownBy(() -> oauth.completeSignIn(code, oauth.startSignIn().state()))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CODE_REJECTED);
                    assertThat(e.getCause()).isInstanceOf(BoxTokenException.class);
                    assertThat(((BoxTokenException) e.getCause()).error()).contains("invalid_grant");
                });
    }

    @Test
    void completeSignIn_letsWrongAppCredentialsSurfaceAsATokenErrorNotAsTheUsersFault() {
        OAuthClient oauth = h.node(b -> b.clientSecret("wrong"), d -> { });

        assertThatExceptionOfType(BoxTokenException.class)
                .isThrownBy(() -> oauth.completeSignIn(h.box.issueCode(USER), oauth.startSignIn().state()))
                .isNotInstanceOf(SignInException.class)
                .satisfies(e -> {
                    assertThat(e.error()).contains("invalid_client");
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    @Test
    void completeSignIn_whenBoxDoesNotSayWhoSignedIn_revokesTheNewPairAndStoresNothing() {
        OAuthClient oauth = h.node();
        h.box.answerUsersMeWith(503);

        assertThatThrownBy(() -> oauth.completeSignIn(h.box.issueCode(USER), oauth.startSignIn().state()))
                .isInstanceOf(BoxAuthException.class)
                .hasMessageContaining("HTTP 503");

        assertThat(h.store.get(USER)).isNull();
        assertThat(h.box.revokeForms).singleElement().satisfies(f -> assertThat(f.get("token")).isEqualTo("RT-secret-2"));
        assertThat(h.box.isLive("AT-secret-2")).isFalse();
    }

    @Test
    void completeSignIn_replacesTheTokensOfAUserWhoSignsInAgain_andTheirProviderTakesTheNewPair() {
        OAuthClient oauth = h.node();
        h.signIn(oauth, USER);
        assertThat(oauth.forUser(USER).accessToken()).isEqualTo("AT-secret-2");

        StoredTokens again = h.signIn(oauth, USER);

        assertThat(again.accessToken()).isEqualTo("AT-secret-4");
        assertThat(oauth.forUser(USER).accessToken()).isEqualTo("AT-secret-4");
        assertThat(h.box.refreshRequests).hasValue(0);
    }

    @Test
    void aPendingSignIn_survivesAHundredThousandOthersStartedMeanwhile_forIssuingAStateKeepsNothing() {
        OAuthClient oauth = h.node();
        SignIn mine = oauth.startSignIn();
        for (int i = 0; i < 100_000; i++) {
            oauth.startSignIn();
        }

        assertThat(oauth.completeSignIn(h.box.issueCode(USER), mine.state()).boxUserId()).isEqualTo(USER);
    }

    @Test
    void completeSignIn_refusesAStateWhoseExpiryOrNonceWasAltered() {
        OAuthClient oauth = h.node();
        byte[] state = java.util.Base64.getUrlDecoder().decode(oauth.startSignIn().state());
        state[7] ^= 1; // the expiry's last byte
        String altered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(state);

        assertThatExceptionOfType(SignInException.class)
                .isThrownBy(() -> oauth.completeSignIn(h.box.issueCode(USER), altered))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.STATE_UNKNOWN));
        assertThat(h.box.tokenForms).isEmpty();
    }

    @Test
    void inACluster_aSignInStartedOnOneInstanceCompletesOnAnother_once() {
        java.util.List<byte[]> secrets = java.util.List.of(new byte[32]);
        UsedSignInStates shared = new LocalUsedSignInStates(10);
        SignInStates a = new SignInStates(secrets.stream().map(SignInStates::derivedKey).toList(),
                Duration.ofMinutes(10), new java.security.SecureRandom(), shared);
        SignInStates b = new SignInStates(secrets.stream().map(SignInStates::derivedKey).toList(),
                Duration.ofMinutes(10), new java.security.SecureRandom(), shared);
        String state = a.issue(START);

        b.consume(state, START.plusSeconds(30));

        assertThatExceptionOfType(SignInException.class).isThrownBy(() -> a.consume(state, START.plusSeconds(31)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.STATE_REUSED));
    }

    @Test
    void localUsedStates_forgetExpiredOnesFirst_andTheOldestBeyondCapacity() {
        LocalUsedSignInStates used = new LocalUsedSignInStates(3);
        assertThat(used.firstUse("s1", START.plusSeconds(60), START)).isTrue();
        assertThat(used.firstUse("s1", START.plusSeconds(60), START)).isFalse();
        used.firstUse("s2", START.plusSeconds(60), START);
        used.firstUse("s3", START.plusSeconds(60), START);
        used.firstUse("s4", START.plusSeconds(60), START);
        assertThat(used.size()).isEqualTo(3);

        assertThat(used.firstUse("s5", START.plusSeconds(120), START.plusSeconds(61))).isTrue();
        assertThat(used.size()).isEqualTo(1);
    }
}
