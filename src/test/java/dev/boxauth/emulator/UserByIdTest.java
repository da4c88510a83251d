package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /2.0/users/{id}}, which Box's SDKs call after {@code /users/me} (the legacy Java SDK's
 * {@code BoxUser.getCurrentUser(api).getInfo()}): a user sees itself; an enterprise token, the users of its
 * enterprise.
 */
class UserByIdTest extends EmulatorWithApp {

    private String enterpriseToken() {
        return client.token(app, TestAssertion.enterprise(app, Instant.now()));
    }

    private HttpResponse<String> getUser(String id, String token, String asUser) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(box.apiUrl() + "/users/" + id
                + "?fields=id,name,login")).header("Authorization", "Bearer " + token);
        if (asUser != null) {
            request.header("As-User", asUser);
        }
        return client.send(request.build());
    }

    @Test
    void ownId_showsTheUserAsUsersMeDoes() {
        String token = enterpriseToken();

        HttpResponse<String> byId = getUser(app.serviceAccount().id(), token, null);

        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(TokenClient.json(byId)).isEqualTo(TokenClient.json(client.usersMe("Bearer " + token)));
    }

    @Test
    void userToken_seesItself_butNotAnotherUser() {
        BoxUser ada = app.createUser("Ada");
        BoxUser bob = app.createUser("Bob");
        String adaToken = client.token(app, TestAssertion.user(app, ada, Instant.now()));

        assertThat(TokenClient.json(getUser(ada.id(), adaToken, null))).containsEntry("login", ada.login());
        HttpResponse<String> other = getUser(bob.id(), adaToken, null);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(TokenClient.json(other)).containsEntry("code", "not_found");
    }

    @Test
    void enterpriseToken_seesTheUsersOfItsEnterprise_notOthers() {
        BoxUser ada = app.createUser("Ada");
        BoxUser stranger = box.createUser("Stranger");
        String token = enterpriseToken();

        assertThat(TokenClient.json(getUser(ada.id(), token, null))).containsEntry("id", ada.id())
                .containsEntry("name", "Ada").containsEntry("type", "user");
        assertThat(getUser(stranger.id(), token, null).statusCode()).isEqualTo(404);
        assertThat(getUser("99", token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void asUser_seesOnlyThatUser() {
        app.performActionsAsUsers(true);
        BoxUser ada = app.createUser("Ada");
        BoxUser bob = app.createUser("Bob");
        String token = enterpriseToken();

        assertThat(TokenClient.json(getUser(ada.id(), token, ada.id()))).containsEntry("id", ada.id());
        assertThat(getUser(bob.id(), token, ada.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void withoutAValidToken_isUnauthorized() {
        assertThat(getUser(app.serviceAccount().id(), "made-up", null).statusCode()).isEqualTo(401);
        assertThat(box.apiUnauthorized()).isEqualTo(1);
    }
}
