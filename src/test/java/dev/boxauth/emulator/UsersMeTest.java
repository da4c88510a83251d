package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code GET /2.0/users/me} and the API's answer to bad tokens. */
class UsersMeTest extends EmulatorWithApp {

    private static final String CHALLENGE = "Bearer realm=\"Service\", error=\"invalid_token\","
            + " error_description=\"The access token provided is invalid.\"";

    private String enterpriseToken() {
        return client.token(app, TestAssertion.enterprise(app, Instant.now()));
    }

    @Test
    void validToken_showsTheServiceAccount() {
        HttpResponse<String> response = client.usersMe("Bearer " + enterpriseToken());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TokenClient.json(response)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "type", "user", "id", app.serviceAccount().id(), "name", app.serviceAccount().name(),
                "login", app.serviceAccount().login()));
        assertThat(app.serviceAccount().login()).matches("AutomationUser_\\d+_[A-Za-z0-9]+@boxdevedition\\.com");
        assertThat(box.apiRequests()).isEqualTo(1);
        assertThat(box.apiUnauthorized()).isZero();
    }

    @Test
    void bearerScheme_isCaseInsensitive() {
        assertThat(client.usersMe("bEaReR " + enterpriseToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void revokedToken_isUnauthorized_andANewTokenWorks() {
        String token = enterpriseToken();

        box.revokeAccessTokens();

        assertUnauthorized(client.usersMe("Bearer " + token));
        assertThat(client.usersMe("Bearer " + enterpriseToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownToken_isUnauthorized() {
        assertUnauthorized(client.usersMe("Bearer not-a-token"));
    }

    @Test
    void missingAuthorization_isUnauthorized() {
        assertUnauthorized(client.usersMe(null));
    }

    @Test
    void otherAuthorizationScheme_isUnauthorized() {
        assertUnauthorized(client.usersMe("Basic " + enterpriseToken()));
    }

    @Test
    void unknownApiPath_isNotFoundInBoxsErrorShape() {
        HttpResponse<String> response = client.get(box.apiUrl() + "/files/123", "Bearer " + enterpriseToken());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TokenClient.json(response)).containsEntry("type", "error").containsEntry("code", "not_found");
    }

    @Test
    void pathOutsideTheApi_isNotFound() {
        HttpResponse<String> response = client.get(box.baseUrl() + "/nothing-here", "Bearer x");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(box.apiRequests()).isZero();
    }

    private void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(CHALLENGE);
        assertThat(box.apiUnauthorized()).isEqualTo(1);
    }

    @Test
    void issuedAccessTokens_listsEveryTokenEvenAfterRevocation() {
        String first = enterpriseToken();
        box.revokeAccessTokens();
        String second = enterpriseToken();

        assertThat(box.issuedAccessTokens()).containsExactlyInAnyOrder(first, second);
    }
}
