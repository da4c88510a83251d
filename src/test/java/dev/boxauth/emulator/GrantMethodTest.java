package dev.boxauth.emulator;

import static dev.boxauth.emulator.Rejections.assertRejected;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Each grant belongs to one authentication method: a grant of another method than the app's is refused
 * with {@code invalid_request} "The grant type is unauthorized for this client_id.", as Box refuses an
 * OAuth 2.0 request from a server-authentication app and the other way round.
 */
class GrantMethodTest extends OAuthEmulatorTest {

    private static final String UNAUTHORIZED = "The grant type is unauthorized for this client_id.";

    @Test
    void authorizationCodeFromAClientCredentialsApp_isRefused() {
        CcgApp ccg = box.createCcgApp();

        HttpResponse<String> response = client.postToken("grant_type", "authorization_code", "code", code(app),
                "client_id", ccg.clientId(), "client_secret", ccg.clientSecret());

        assertRejected(box, response, "invalid_request", UNAUTHORIZED, "grant_unauthorized");
    }

    @Test
    void refreshFromAClientCredentialsApp_isRefused() {
        CcgApp ccg = box.createCcgApp();

        HttpResponse<String> response = refreshAs(ccg, "any-refresh-token");

        assertRejected(box, response, "invalid_request", UNAUTHORIZED, "grant_unauthorized");
    }

    @Test
    void clientCredentialsFromAnOAuthApp_isRefused() {
        HttpResponse<String> response = client.postToken("grant_type", "client_credentials",
                "client_id", app.clientId(), "client_secret", app.clientSecret(),
                "box_subject_type", "enterprise", "box_subject_id", app.enterpriseId());

        assertRejected(box, response, "invalid_request", UNAUTHORIZED, "grant_unauthorized");
    }

    @Test
    void wrongSecret_isStillInvalidClient_beforeTheMethodIsChecked() {
        CcgApp ccg = box.createCcgApp();

        HttpResponse<String> response = client.postToken("grant_type", "refresh_token", "refresh_token", "x",
                "client_id", ccg.clientId(), "client_secret", "wrong");

        assertRejected(box, response, "invalid_client", "The client credentials are invalid.", "invalid_client");
    }

    private HttpResponse<String> refreshAs(EmulatedApp other, String refreshToken) {
        return client.postToken("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", other.clientId(), "client_secret", other.clientSecret());
    }
}
