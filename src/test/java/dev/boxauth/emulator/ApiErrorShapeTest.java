package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Box's client error JSON and request ids on the API: every answer carries a {@code BOX-REQUEST-ID} header,
 * and every error but the 401 the fields {@code type}, {@code status}, {@code code}, {@code help_url},
 * {@code message} and {@code request_id}, which Box's SDKs put in their exception messages.
 */
class ApiErrorShapeTest extends EmulatorWithApp {

    private static final String HELP_URL =
            "https://developer.box.com/guides/api-calls/permissions-and-errors/common-errors/";

    private String enterpriseToken() {
        return client.token(app, TestAssertion.enterprise(app, Instant.now()));
    }

    @Test
    void notFound_isBoxsClientError_withFreshRequestIds() {
        String token = enterpriseToken();

        HttpResponse<String> first = client.get(box.apiUrl() + "/files/123", "Bearer " + token);
        HttpResponse<String> second = client.get(box.apiUrl() + "/files/123", "Bearer " + token);

        assertThat(first.statusCode()).isEqualTo(404);
        Map<String, Object> body = TokenClient.json(first);
        assertThat(body).containsOnlyKeys("type", "status", "code", "help_url", "message", "request_id")
                .containsEntry("type", "error").containsEntry("status", 404L).containsEntry("code", "not_found")
                .containsEntry("message", "Not Found").containsEntry("help_url", HELP_URL);
        assertThat((String) body.get("request_id")).matches("[a-z0-9]{16}");
        assertThat(first.headers().firstValue("BOX-REQUEST-ID")).hasValueSatisfying(id -> assertThat(id)
                .matches("[a-z0-9]{27}"));
        assertThat(TokenClient.json(second).get("request_id")).isNotEqualTo(body.get("request_id"));
        assertThat(second.headers().firstValue("BOX-REQUEST-ID")).isNotEqualTo(first.headers()
                .firstValue("BOX-REQUEST-ID"));
    }

    @Test
    void methodNotAllowed_isBoxsClientError() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(box.apiUrl() + "/users/me"))
                .header("Authorization", "Bearer " + enterpriseToken())
                .DELETE().build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
        assertThat(TokenClient.json(response)).containsEntry("code", "method_not_allowed")
                .containsKeys("request_id", "help_url");
    }

    @Test
    void success_carriesARequestIdHeader() {
        HttpResponse<String> response = client.usersMe("Bearer " + enterpriseToken());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("BOX-REQUEST-ID")).isPresent();
    }

    @Test
    void unauthorized_hasAnEmptyBodyAndTheChallenge_asBoxSendsIt_plusARequestIdHeader() {
        HttpResponse<String> response = client.usersMe("Bearer made-up");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"invalid_token\""));
        assertThat(response.headers().firstValue("BOX-REQUEST-ID")).isPresent();
    }

    @Test
    void theTokenEndpointsOAuthErrors_keepTheirOwnShape() {
        HttpResponse<String> response = client.postToken("grant_type", "client_credentials", "client_id", "nobody",
                "client_secret", "x", "box_subject_type", "enterprise", "box_subject_id", "1");

        assertThat(TokenClient.json(response)).containsOnlyKeys("error", "error_description");
    }
}
