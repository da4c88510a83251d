package dev.boxauth.emulator;

import static dev.boxauth.emulator.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OAuth 2.0 authorize page, its consent form, and the code exchange. */
class AuthorizationCodeFlowTest extends OAuthEmulatorTest {

    private static final String CODE_INVALID = "Auth code doesn't exist or is invalid for the client";

    @Test
    void signInGrantExchangeRefresh_andTheOldRefreshTokenIsDead() {
        HttpResponse<String> page = browser.open("response_type", "code", "client_id", app.clientId(),
                "redirect_uri", CALLBACK, "state", "xyz-123");

        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<form method=\"post\" action=\"/api/oauth2/authorize\">")
                .contains(">Grant access to Box</button>").contains(">Deny</button>")
                .contains(app.signedInUser().login())
                .as("labelled as the emulator, the app named by the end of its id").contains("Box emulator")
                .doesNotContain(app.clientId());

        URI location = Browser.location(browser.press(Browser.requestId(page), "grant"));
        assertThat(location.toString()).startsWith(CALLBACK + "?code=");
        Map<String, String> callback = Browser.query(location);
        assertThat(callback).containsOnlyKeys("code", "state").containsEntry("state", "xyz-123");

        HttpResponse<String> exchanged = client.postToken("grant_type", "authorization_code",
                "code", callback.get("code"), "client_id", app.clientId(), "client_secret", app.clientSecret(),
                "redirect_uri", CALLBACK);
        Map<String, Object> pair = TokenClient.ok(exchanged);
        assertThat(pair).containsOnlyKeys("access_token", "expires_in", "restricted_to", "token_type", "refresh_token")
                .containsEntry("token_type", "bearer").containsEntry("restricted_to", List.of());
        assertThat(TokenClient.json(client.usersMe("Bearer " + pair.get("access_token"))))
                .containsEntry("id", app.signedInUser().id());

        String oldRefresh = (String) pair.get("refresh_token");
        Map<String, Object> refreshed = TokenClient.ok(refresh(app, oldRefresh));
        assertThat(refreshed.get("refresh_token")).isNotEqualTo(oldRefresh);
        assertThat(refreshed.get("access_token")).isNotEqualTo(pair.get("access_token"));
        assertThat(TokenClient.json(client.usersMe("Bearer " + refreshed.get("access_token"))))
                .containsEntry("id", app.signedInUser().id());

        assertRejected(box, refresh(app, oldRefresh), "invalid_grant", "Invalid refresh token", "refresh_reuse");
        assertThat(box.refreshTokenReuse()).isEqualTo(1);
        assertThat(box.tokenRequests("authorization_code")).isEqualTo(1);
        assertThat(box.tokenRequests("refresh_token")).isEqualTo(2);
        assertThat(box.issuedRefreshTokens())
                .containsExactlyInAnyOrder(oldRefresh, (String) refreshed.get("refresh_token"));
    }

    @Test
    void deny_redirectsWithAccessDeniedAndTheState() {
        HttpResponse<String> page = browser.open("response_type", "code", "client_id", app.clientId(), "state", "s1");

        URI location = Browser.location(browser.press(Browser.requestId(page), "deny"));

        assertThat(location.toString()).startsWith(CALLBACK + "?");
        assertThat(Browser.query(location)).containsEntry("error", "access_denied").containsEntry("state", "s1")
                .doesNotContainKey("code");
    }

    @Test
    void state_comesBackExactly_andParametersJoinAnExistingQuery() {
        OAuthApp withQuery = box.createOAuthApp("https://app.example.com/cb?tenant=a");
        String state = "a b&c=d/é+%";

        URI location = browser.grant("response_type", "code", "client_id", withQuery.clientId(), "state", state);

        assertThat(location.toString()).startsWith("https://app.example.com/cb?tenant=a&code=");
        assertThat(Browser.query(location)).containsEntry("tenant", "a").containsEntry("state", state);
    }

    @Test
    void withoutState_theCallbackHasNone() {
        URI location = browser.grant("response_type", "code", "client_id", app.clientId());

        assertThat(Browser.query(location)).containsOnlyKeys("code");
    }

    @Test
    void severalRedirectUris_theRequestMustNameOne() {
        OAuthApp two = box.createOAuthApp("https://a.example.com/cb", "https://b.example.com/cb");

        assertErrorPage(browser.open("response_type", "code", "client_id", two.clientId(), "state", "s"),
                "redirect_uri_missing", "authorize_redirect_uri");

        URI location = browser.grant("response_type", "code", "client_id", two.clientId(),
                "redirect_uri", "https://b.example.com/cb", "state", "s");
        assertThat(location.toString()).startsWith("https://b.example.com/cb?code=");
    }

    @Test
    void unregisteredRedirectUri_getsAnErrorPageNotARedirect() {
        assertErrorPage(browser.open("response_type", "code", "client_id", app.clientId(),
                "redirect_uri", "https://evil.example.com/cb"), "redirect_uri_mismatch", "authorize_redirect_uri");
    }

    @Test
    void unknownClient_getsAnErrorPage() {
        assertErrorPage(browser.open("response_type", "code", "client_id", "nobody"), "invalid_client",
                "authorize_client");
    }

    @Test
    void serverAuthenticationApp_cannotUseTheAuthorizePage() {
        CcgApp ccg = box.createCcgApp();

        assertErrorPage(browser.open("response_type", "code", "client_id", ccg.clientId()), "invalid_client",
                "authorize_client");
    }

    @Test
    void otherResponseType_redirectsWithUnsupportedResponseType() {
        URI location = Browser.location(browser.open("response_type", "token", "client_id", app.clientId(),
                "state", "s"));

        assertThat(Browser.query(location)).containsEntry("error", "unsupported_response_type")
                .containsEntry("state", "s");
        assertThat(box.errors()).isEqualTo(Map.of("authorize_response_type", 1));
    }

    @Test
    void scopeTheAppDoesNotHave_redirectsWithInvalidScope() {
        URI location = Browser.location(browser.open("response_type", "code", "client_id", app.clientId(),
                "scope", "item_preview manage_enterprise", "state", "s"));

        assertThat(Browser.query(location)).containsEntry("error", "invalid_scope").containsEntry("state", "s");
        assertThat(box.errors()).isEqualTo(Map.of("authorize_scope", 1));
    }

    @Test
    void consentAnsweredTwice_getsAnErrorPageTheSecondTime() {
        String requestId = Browser.requestId(browser.open("response_type", "code", "client_id", app.clientId()));
        Browser.location(browser.press(requestId, "grant"));

        assertErrorPage(browser.press(requestId, "grant"), "invalid_request", "authorize_request");
    }

    @Test
    void signInAs_makesThatUserConsent() {
        BoxUser bob = app.createUser("Bob");
        app.signInAs(bob);

        Map<String, Object> pair = signIn(app);

        assertThat(TokenClient.json(client.usersMe("Bearer " + pair.get("access_token"))))
                .containsEntry("id", bob.id());
        assertThat(box.tokenRequestsFor(bob.id())).isEqualTo(1);
    }

    @Test
    void consentPage_escapesWhatItShows() {
        app.signInAs(app.createUser("<b>Eve</b> & \"co\""));

        String page = browser.open("response_type", "code", "client_id", app.clientId()).body();

        assertThat(page).contains("&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;co&quot;").doesNotContain("<b>Eve");
    }

    @Test
    void signInAs_refusesAUserFromElsewhere() {
        assertThatThrownBy(() -> app.signInAs(new BoxUser("1", "Nobody", "nobody@example.com")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createOAuthApp_needsUsableRedirectUris() {
        assertThatThrownBy(() -> box.createOAuthApp()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.createOAuthApp("/callback")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.createOAuthApp("https://a.example.com/cb#x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(app.redirectUris()).containsExactly(CALLBACK);
        assertThat(app.toString()).contains(app.clientId()).doesNotContain(app.clientSecret());
    }

    @Test
    void reusedCode_isRefused() {
        String code = code(app);
        TokenClient.ok(exchange(app, code));

        assertRejected(box, exchange(app, code), "invalid_grant", CODE_INVALID, "code_reused");
    }

    @Test
    void codeOlderThanThirtySeconds_isRefused_andAtTwentyNineSecondsIsAccepted() {
        String late = code(app);
        String inTime = code(app);

        box.clockOffset(Duration.ofSeconds(29));
        TokenClient.ok(exchange(app, inTime));
        box.clockOffset(Duration.ofSeconds(31));

        assertRejected(box, exchange(app, late), "invalid_grant", "The authorization code has expired.",
                "code_expired");
    }

    @Test
    void unknownCode_isRefused() {
        assertRejected(box, exchange(app, "made-up"), "invalid_grant", CODE_INVALID, "code_invalid");
    }

    @Test
    void codeOfAnotherApp_isRefused() {
        OAuthApp other = box.createOAuthApp(CALLBACK);

        assertRejected(box, exchange(other, code(app)), "invalid_grant", CODE_INVALID, "code_invalid");
    }

    @Test
    void redirectUriOtherThanTheAuthorizeRequests_isRefused() {
        HttpResponse<String> response = client.postToken("grant_type", "authorization_code", "code", code(app),
                "client_id", app.clientId(), "client_secret", app.clientSecret(),
                "redirect_uri", "http://localhost:8080/other");

        assertRejected(box, response, "invalid_grant", CODE_INVALID, "code_redirect_uri");
    }

    @Test
    void wrongSecret_isInvalidClient() {
        HttpResponse<String> response = client.postToken("grant_type", "authorization_code", "code", code(app),
                "client_id", app.clientId(), "client_secret", "wrong");

        assertRejected(box, response, "invalid_client", "The client credentials are invalid.", "invalid_client");
    }

    private void assertErrorPage(HttpResponse<String> response, String code, String kind) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).contains("<p class=\"error\">" + code + "</p>");
        assertThat(box.errors()).isEqualTo(Map.of(kind, 1));
    }
}
