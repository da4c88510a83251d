package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code As-User} on the API: only with an enterprise token of an app allowed to act as users. */
class AsUserTest extends EmulatorWithApp {

    private String enterpriseToken() {
        return client.token(app, TestAssertion.enterprise(app, Instant.now()));
    }

    @Test
    void enterpriseTokenOfAnAppThatMayActAsUsers_answersAsThatUser() {
        app.performActionsAsUsers(true);
        BoxUser ada = app.createUser("Ada");

        HttpResponse<String> response = client.usersMe(enterpriseToken(), ada.id());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TokenClient.json(response)).containsEntry("id", ada.id()).containsEntry("login", ada.login());
        assertThat(box.asUserRequests()).isEqualTo(1);
        assertThat(box.lastAsUser()).isEqualTo(ada.id());
        assertThat(box.tokenRequestsWithAsUser()).isZero();
    }

    @Test
    void appWithoutPerformActionsAsUsers_isForbidden() {
        BoxUser ada = app.createUser("Ada");

        HttpResponse<String> response = client.usersMe(enterpriseToken(), ada.id());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(TokenClient.json(response)).containsEntry("type", "error").containsEntry("status", 403L)
                .containsEntry("code", "access_denied_insufficient_permissions")
                .containsEntry("message", "Access denied - insufficient permission");
        assertThat(box.asUserRequests()).isEqualTo(1);
    }

    @Test
    void userToken_cannotActAsAnotherUser() {
        app.performActionsAsUsers(true);
        BoxUser ada = app.createUser("Ada");
        BoxUser bob = app.createUser("Bob");
        String adasToken = client.token(app, TestAssertion.user(app, ada, Instant.now()));

        assertThat(client.usersMe(adasToken, bob.id()).statusCode()).isEqualTo(403);
    }

    @Test
    void unknownUser_isNotFound() {
        app.performActionsAsUsers(true);

        HttpResponse<String> response = client.usersMe(enterpriseToken(), "99");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TokenClient.json(response)).containsEntry("type", "error").containsEntry("code", "not_found");
    }

    @Test
    void userOfAnotherEnterprise_isNotFound() {
        app.performActionsAsUsers(true);
        BoxUser stranger = box.createCcgApp().createUser("Stranger");

        assertThat(client.usersMe(enterpriseToken(), stranger.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void ccgAppWithAppAccessOnly_mayActAsAppUsersButNotManagedUsers() {
        CcgApp ccg = box.createCcgApp();
        ccg.performActionsAsUsers(true);
        ccg.appAccessOnly(true);
        BoxUser appUser = ccg.createUser("App User");
        BoxUser managed = ccg.createManagedUser("Managed");
        String token = TokenClient.accessToken(client.postToken("grant_type", "client_credentials",
                "client_id", ccg.clientId(), "client_secret", ccg.clientSecret(),
                "box_subject_type", "enterprise", "box_subject_id", ccg.enterpriseId()));

        assertThat(client.usersMe(token, appUser.id()).statusCode()).isEqualTo(200);
        assertThat(client.usersMe(token, managed.id()).statusCode()).isEqualTo(403);
    }

    @Test
    void requestWithoutAsUser_leavesNoLastAsUser() {
        app.performActionsAsUsers(true);
        String token = enterpriseToken();
        client.usersMe(token, app.createUser("Ada").id());

        client.usersMe(token, null);

        assertThat(box.lastAsUser()).isNull();
        assertThat(box.asUserRequests()).isEqualTo(1);
    }

    @Test
    void asUserSentToTheTokenEndpoint_isCounted() {
        String assertion = TestAssertion.enterprise(app, Instant.now()).compact();
        client.postForm(box.tokenUrl(), TokenClient.jwtForm(app, assertion), "As-User", "123");
        enterpriseToken();

        assertThat(box.tokenRequestsWithAsUser()).isEqualTo(1);
        assertThat(box.asUserRequests()).isZero();
    }
}
