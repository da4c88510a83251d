package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /oauth2/revoke}: revoking either token of a pair ends both. */
class RevokeTest extends OAuthEmulatorTest {

    private HttpResponse<String> revoke(EmulatedApp owner, String secret, String token) {
        return client.postForm(box.revokeUrl(), TokenClient.form("client_id", owner.clientId(),
                "client_secret", secret, "token", token));
    }

    @Test
    void revokingTheAccessToken_endsTheRefreshTokenToo() {
        Map<String, Object> pair = signIn(app);

        HttpResponse<String> response = revoke(app, app.clientSecret(), (String) pair.get("access_token"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(client.usersMe("Bearer " + pair.get("access_token")).statusCode()).isEqualTo(401);
        assertRefreshRefused((String) pair.get("refresh_token"));
        assertThat(box.revocations()).isEqualTo(1);
    }

    @Test
    void revokingTheRefreshToken_endsTheAccessTokenToo() {
        Map<String, Object> pair = signIn(app);

        assertThat(revoke(app, app.clientSecret(), (String) pair.get("refresh_token")).statusCode()).isEqualTo(200);

        assertThat(client.usersMe("Bearer " + pair.get("access_token")).statusCode()).isEqualTo(401);
        assertRefreshRefused((String) pair.get("refresh_token"));
    }

    @Test
    void revokingOnePair_leavesTheUsersOtherPairsAlone() {
        Map<String, Object> first = signIn(app);
        Map<String, Object> second = signIn(app);

        revoke(app, app.clientSecret(), (String) first.get("access_token"));

        assertThat(client.usersMe("Bearer " + second.get("access_token")).statusCode()).isEqualTo(200);
        assertThat(refresh(app, (String) second.get("refresh_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void serverAuthenticationToken_canBeRevokedByItsApp() {
        CcgApp ccg = box.createCcgApp();
        String token = TokenClient.accessToken(client.postToken("grant_type", "client_credentials",
                "client_id", ccg.clientId(), "client_secret", ccg.clientSecret(),
                "box_subject_type", "enterprise", "box_subject_id", ccg.enterpriseId()));

        assertThat(revoke(ccg, ccg.clientSecret(), token).statusCode()).isEqualTo(200);

        assertThat(client.usersMe("Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void jwtToken_canBeRevokedByItsApp() {
        JwtApp jwt = box.registerJwtApp("clientid0000000000000000000000001", "secret-1", "111222333", "kid00001",
                TestKeys.APP.getPublic());
        String token = client.token(jwt, TestAssertion.enterprise(jwt, Instant.now()));

        assertThat(revoke(jwt, "secret-1", token).statusCode()).isEqualTo(200);

        assertThat(client.usersMe("Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenOfAnotherApp_isAnswered200_butNotRevoked() {
        OAuthApp other = box.createOAuthApp(CALLBACK);
        Map<String, Object> pair = signIn(app);

        assertThat(revoke(other, other.clientSecret(), (String) pair.get("access_token")).statusCode()).isEqualTo(200);

        assertThat(client.usersMe("Bearer " + pair.get("access_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownToken_isAnswered200() {
        assertThat(revoke(app, app.clientSecret(), "made-up").statusCode()).isEqualTo(200);
        assertThat(box.errors()).isEmpty();
    }

    @Test
    void wrongSecret_isInvalidClient_andRevokesNothing() {
        Map<String, Object> pair = signIn(app);

        HttpResponse<String> response = revoke(app, "wrong", (String) pair.get("access_token"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TokenClient.json(response)).containsExactly(Map.entry("error", "invalid_client"),
                Map.entry("error_description", "The client credentials are invalid."));
        assertThat(box.errors()).isEqualTo(Map.of("revoke_client", 1));
        assertThat(box.revocations()).isZero();
        assertThat(client.usersMe("Bearer " + pair.get("access_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void missingToken_isInvalidRequest() {
        HttpResponse<String> response = client.postForm(box.revokeUrl(), TokenClient.form("client_id", app.clientId(),
                "client_secret", app.clientSecret()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TokenClient.json(response)).containsEntry("error", "invalid_request");
        assertThat(box.errors()).isEqualTo(Map.of("revoke_request", 1));
    }

    @Test
    void get_isNotAllowed() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(box.revokeUrl())).build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    private void assertRefreshRefused(String refreshToken) {
        HttpResponse<String> response = refresh(app, refreshToken);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TokenClient.json(response)).containsEntry("error_description", "Invalid refresh token");
        assertThat(box.errors()).containsEntry("refresh_invalid", 1);
        assertThat(box.refreshTokenReuse()).isZero();
    }
}
