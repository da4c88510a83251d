package dev.boxauth.emulator;

import static dev.boxauth.emulator.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Client Credentials Grant: tokens for the enterprise and its users, and every refusal Box words alike. */
class ClientCredentialsGrantTest extends EmulatorWithApp {

    private static final String INVALID = "Grant credentials are invalid";

    private CcgApp ccg;

    @BeforeEach
    void createApp() {
        ccg = box.createCcgApp();
    }

    private HttpResponse<String> request(CcgApp app, String subjectType, String subjectId) {
        return client.postToken("grant_type", "client_credentials", "client_id", app.clientId(),
                "client_secret", app.clientSecret(), "box_subject_type", subjectType, "box_subject_id", subjectId);
    }

    @Test
    void enterpriseSubject_getsTokenForTheServiceAccount() {
        HttpResponse<String> response = request(ccg, "enterprise", ccg.enterpriseId());

        Map<String, Object> body = TokenClient.ok(response);
        assertThat(body).containsOnlyKeys("access_token", "expires_in", "restricted_to", "token_type")
                .containsEntry("expires_in", 3600L).containsEntry("restricted_to", List.of())
                .containsEntry("token_type", "bearer");
        assertThat(TokenClient.json(client.usersMe("Bearer " + body.get("access_token"))))
                .containsEntry("id", ccg.serviceAccount().id());
        assertThat(ccg.serviceAccount().login()).matches("AutomationUser_\\d+_[A-Za-z0-9]+@boxdevedition\\.com");
        assertThat(box.tokenRequests("client_credentials")).isEqualTo(1);
        assertThat(box.tokenRequestsFor(ccg.serviceAccount().id())).isEqualTo(1);
        assertThat(box.errors()).isEmpty();
    }

    @Test
    void userSubject_getsTokenForThatAppUser() {
        BoxUser user = ccg.createUser("Grace Hopper");

        String token = TokenClient.accessToken(request(ccg, "user", user.id()));

        assertThat(TokenClient.json(client.usersMe("Bearer " + token))).containsEntry("id", user.id())
                .containsEntry("login", "grace.hopper@example.com");
        assertThat(box.tokenRequestsFor(user.id())).isEqualTo(1);
    }

    @Test
    void userSubject_getsTokenForAManagedUser() {
        BoxUser user = ccg.createManagedUser("Ada");

        assertThat(request(ccg, "user", user.id()).statusCode()).isEqualTo(200);
    }

    @Test
    void createCcgApp_givesBoxShapedIdsAndItsOwnEnterprise() {
        CcgApp other = box.createCcgApp();

        assertThat(ccg.clientId()).matches("[a-z0-9]{32}").isNotEqualTo(other.clientId());
        assertThat(ccg.clientSecret()).matches("[A-Za-z0-9]{32}");
        assertThat(ccg.enterpriseId()).matches("[1-9][0-9]*").isNotEqualTo(other.enterpriseId());
        assertThat(ccg.scopes()).isEqualTo(EmulatedApp.DEFAULT_SCOPES);
        assertThat(ccg.toString()).contains(ccg.clientId()).doesNotContain(ccg.clientSecret());
    }

    @Test
    void wrongSecret_isInvalidGrant() {
        HttpResponse<String> response = client.postToken("grant_type", "client_credentials",
                "client_id", ccg.clientId(), "client_secret", "wrong", "box_subject_type", "enterprise",
                "box_subject_id", ccg.enterpriseId());

        assertRejected(box, response, "invalid_grant", INVALID, "ccg_credentials");
    }

    @Test
    void unknownClientId_isInvalidGrant() {
        HttpResponse<String> response = client.postToken("grant_type", "client_credentials",
                "client_id", "nobody", "client_secret", ccg.clientSecret(), "box_subject_type", "enterprise",
                "box_subject_id", ccg.enterpriseId());

        assertRejected(box, response, "invalid_grant", INVALID, "ccg_credentials");
    }

    @Test
    void credentialsOfAJwtApp_areAGrantTypeUnauthorizedForTheClient() {
        HttpResponse<String> response = client.postToken("grant_type", "client_credentials",
                "client_id", app.clientId(), "client_secret", app.clientSecret(), "box_subject_type", "enterprise",
                "box_subject_id", app.enterpriseId());

        assertRejected(box, response, "invalid_request", "The grant type is unauthorized for this client_id.",
                "grant_unauthorized");
    }

    @Test
    void appNotAuthorizedByTheAdmin_isInvalidGrant() {
        ccg.authorized(false);

        assertRejected(box, request(ccg, "enterprise", ccg.enterpriseId()), "invalid_grant", INVALID,
                "ccg_unauthorized");
    }

    @Test
    void anotherEnterprise_isInvalidGrant() {
        CcgApp other = box.createCcgApp();

        assertRejected(box, request(ccg, "enterprise", other.enterpriseId()), "invalid_grant", INVALID,
                "ccg_subject");
    }

    @Test
    void userOfAnotherEnterprise_isInvalidGrant() {
        BoxUser stranger = box.createCcgApp().createUser("Stranger");

        assertRejected(box, request(ccg, "user", stranger.id()), "invalid_grant", INVALID, "ccg_subject");
    }

    @Test
    void unknownSubjectType_isInvalidGrant() {
        assertRejected(box, request(ccg, "app", ccg.enterpriseId()), "invalid_grant", INVALID, "ccg_subject");
    }

    @Test
    void userTokensDisabled_refusesUsers_butNotTheEnterprise() {
        BoxUser user = ccg.createUser("Dave");
        ccg.userTokensEnabled(false);

        assertRejected(box, request(ccg, "user", user.id()), "invalid_grant", INVALID, "ccg_subject");
        assertThat(request(ccg, "enterprise", ccg.enterpriseId()).statusCode()).isEqualTo(200);
    }

    @Test
    void appAccessOnly_refusesManagedUsers_butNotTheServiceAccountOrAppUsers() {
        BoxUser managed = ccg.createManagedUser("Managed");
        BoxUser appUser = ccg.createUser("App User");
        ccg.appAccessOnly(true);

        assertRejected(box, request(ccg, "user", managed.id()), "invalid_grant", INVALID, "ccg_subject");
        assertThat(request(ccg, "enterprise", ccg.enterpriseId()).statusCode()).isEqualTo(200);
        assertThat(request(ccg, "user", appUser.id()).statusCode()).isEqualTo(200);

        ccg.appAccessOnly(false);
        assertThat(request(ccg, "user", managed.id()).statusCode()).isEqualTo(200);
    }
}
