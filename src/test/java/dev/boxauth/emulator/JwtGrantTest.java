package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JWT bearer grant: what Box accepts, and each rejection with Box's code, text and a counter. */
class JwtGrantTest extends EmulatorWithApp {

    private static Instant now() {
        return Instant.now();
    }

    @Test
    void enterpriseAssertion_getsTokenForTheServiceAccount() {
        HttpResponse<String> response = client.requestToken(app, TestAssertion.enterprise(app, now()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        Map<String, Object> body = TokenClient.json(response);
        assertThat(body).containsOnlyKeys("access_token", "expires_in", "restricted_to", "token_type");
        assertThat((String) body.get("access_token")).matches("[A-Za-z0-9]{32}");
        assertThat(body).containsEntry("expires_in", 3600L).containsEntry("restricted_to", List.of())
                .containsEntry("token_type", "bearer");
        assertThat(box.tokensIssued()).isEqualTo(1);
        assertThat(box.tokenRequests()).isEqualTo(1);
        assertThat(box.errors()).isEmpty();

        HttpResponse<String> me = client.usersMe("Bearer " + body.get("access_token"));
        assertThat(TokenClient.json(me)).containsEntry("id", app.serviceAccount().id())
                .containsEntry("login", app.serviceAccount().login());
    }

    @Test
    void userAssertion_getsTokenForThatUser() {
        BoxUser user = app.createUser("Ada Lovelace");

        String token = client.token(app, TestAssertion.user(app, user, now()));

        assertThat(TokenClient.json(client.usersMe("Bearer " + token))).containsEntry("type", "user")
                .containsEntry("id", user.id()).containsEntry("name", "Ada Lovelace")
                .containsEntry("login", "ada.lovelace@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512})
    void otherRsaAlgorithmsBoxAccepts_getTokens(String alg) {
        HttpResponse<String> response = client.requestToken(app, TestAssertion.enterprise(app, now()).alg(alg));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void tokenLifetime_setsExpiresIn() {
        box.tokenLifetime(java.time.Duration.ofSeconds(90));

        HttpResponse<String> response = client.requestToken(app, TestAssertion.enterprise(app, now()));

        assertThat(TokenClient.json(response)).containsEntry("expires_in", 90L);
    }

    @Test
    void wrongSecret_isInvalidClient() {
        Map<String, String> form = TokenClient.jwtForm(app, TestAssertion.enterprise(app, now()).compact());
        form.put("client_secret", "secret-2");

        assertRejected(client.postToken(form), "invalid_client", "The client credentials are invalid.",
                "invalid_client");
    }

    @Test
    void unknownClientId_isInvalidClient() {
        Map<String, String> form = TokenClient.jwtForm(app, TestAssertion.enterprise(app, now()).compact());
        form.put("client_id", "nobody");

        assertRejected(client.postToken(form), "invalid_client", "The client credentials are invalid.",
                "invalid_client");
    }

    @Test
    void clientCredentials_areCheckedBeforeTheAssertion() {
        Map<String, String> form = TokenClient.jwtForm(app, "not-a-jwt");
        form.remove("client_secret");

        assertRejected(client.postToken(form), "invalid_client", "The client credentials are invalid.",
                "invalid_client");
    }

    @Test
    void formValues_areUrlDecoded() {
        JwtApp awkward = box.registerJwtApp("clientid0000000000000000000000002", "a+b&c=d%e f", "444555666",
                "kid00002", TestKeys.APP.getPublic());

        assertThat(client.requestToken(awkward, TestAssertion.enterprise(awkward, now())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void formValuesSentWithoutUrlEncoding_doNotMatch() {
        JwtApp awkward = box.registerJwtApp("clientid0000000000000000000000002", "a+b", "444555666",
                "kid00002", TestKeys.APP.getPublic());
        String assertion = TestAssertion.enterprise(awkward, now()).compact();

        HttpResponse<String> response = client.postRaw("grant_type=" + TokenClient.JWT_GRANT + "&assertion="
                + assertion + "&client_id=" + awkward.clientId() + "&client_secret=a+b");

        assertRejected(response, "invalid_client", "The client credentials are invalid.", "invalid_client");
    }

    @Test
    void appNotAuthorizedByTheAdmin_isUnauthorizedClient() {
        app.authorized(false);

        assertRejected(client.requestToken(app, TestAssertion.enterprise(app, now())), "unauthorized_client",
                "This app is not authorized by the enterprise admin.", "unauthorized_client");
    }

    @Test
    void reauthorizedApp_getsTokensAgain() {
        app.authorized(false);
        app.authorized(true);

        assertThat(client.requestToken(app, TestAssertion.enterprise(app, now())).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownKid_isRejectedAsKid() {
        assertKidRejected(TestAssertion.enterprise(app, now()).kid("kid99999"));
    }

    @Test
    void missingKid_isRejectedAsKid() {
        assertKidRejected(TestAssertion.enterprise(app, now()).kid(null));
    }

    @Test
    void hmacSignedAssertion_isRejectedAsKid() {
        assertKidRejected(TestAssertion.enterprise(app, now()).alg(AlgorithmIdentifiers.HMAC_SHA256)
                .signedWith(new HmacKey(new byte[32])));
    }

    @Test
    void assertionWithoutJwtType_isRejectedAsKid() {
        assertKidRejected(TestAssertion.enterprise(app, now()).typ(null));
    }

    @Test
    void assertionThatIsNotAJws_isRejectedAsKid() {
        assertRejected(client.postToken(TokenClient.jwtForm(app, "not.a-jwt")), "invalid_grant",
                "'kid' invalid, unable to lookup correct key.", "kid");
    }

    @Test
    void assertionSignedWithAnotherKey_failsSignatureVerification() {
        assertRejected(client.requestToken(app, TestAssertion.enterprise(app, now())
                        .signedWith(TestKeys.STRANGER.getPrivate())),
                "invalid_grant", "Signature verification error. The public key identified by 'kid' must"
                        + " correspond to the private key used for signing.", "signature");
    }

    @Test
    void signature_isCheckedBeforeTheClaims() {
        TestAssertion expiredAndBadlySigned = TestAssertion.enterprise(app, now()).claim("exp", 1L)
                .signedWith(TestKeys.STRANGER.getPrivate());

        assertThat(box.errors("exp")).isZero();
        assertThat(TokenClient.json(client.requestToken(app, expiredAndBadlySigned)))
                .containsEntry("error_description", "Signature verification error. The public key identified by"
                        + " 'kid' must correspond to the private key used for signing.");
    }

    @Test
    void issOtherThanTheClientId_isRejected() {
        assertRejected(client.requestToken(app, TestAssertion.enterprise(app, now()).claim("iss", "someone-else")),
                "invalid_grant", "Please check the 'iss' claim.", "iss");
    }

    @Test
    void audOfTheEmulatorsOwnUrl_isRejected() {
        assertRejected(client.requestToken(app, TestAssertion.enterprise(app, now()).claim("aud", box.tokenUrl())),
                "invalid_grant", "Please check the 'aud' claim.", "aud");
    }

    @Test
    void missingAud_isRejected() {
        assertRejected(client.requestToken(app, TestAssertion.enterprise(app, now()).claim("aud", null)),
                "invalid_grant", "Please check the 'aud' claim.", "aud");
    }

    @Test
    void expInThePast_isRejected() {
        assertRejected(client.requestToken(app, TestAssertion.enterprise(app, now().minusSeconds(40))),
                "invalid_grant", "Current date time must be before the expiration date time listed in the 'exp'"
                        + " claim.", "exp");
    }

    @Test
    void expMoreThanSixtySecondsAhead_isRejected() {
        assertRejected(client.requestToken(app, TestAssertion.enterprise(app, now().plusSeconds(40))),
                "invalid_grant", "Please check the 'exp' claim. The 'exp' value exceeds the maximum value of 60"
                        + " seconds beyond the issue time.", "exp");
    }

    @Test
    void missingExp_isRejected() {
        HttpResponse<String> response = client.requestToken(app, TestAssertion.enterprise(app, now())
                .claim("exp", null));

        assertThat(TokenClient.json(response)).containsEntry("error", "invalid_grant");
        assertThat(box.errors("exp")).isEqualTo(1);
    }

    @Test
    void reusedJti_isRejected() {
        TestAssertion assertion = TestAssertion.enterprise(app, now()).claim("jti", "the-same-jti-every-time");
        assertThat(client.requestToken(app, assertion).statusCode()).isEqualTo(200);
        box.resetCounters();

        assertRejected(client.requestToken(app, assertion), "invalid_grant",
                "Please check the 'jti' claim. A unique 'jti' value is required.", "jti");
    }

    @Test
    void jtiOfSixteenAndOfOneHundredTwentyEightCharacters_isAccepted() {
        assertThat(client.requestToken(app, TestAssertion.enterprise(app, now()).claim("jti", "j".repeat(16)))
                .statusCode()).isEqualTo(200);
        assertThat(client.requestToken(app, TestAssertion.enterprise(app, now()).claim("jti", "k".repeat(128)))
                .statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 129})
    void jtiOfWrongLength_isRejected(int length) {
        assertRejected(client.requestToken(app, TestAssertion.enterprise(app, now()).claim("jti", "j".repeat(length))),
                "invalid_grant", "Please check the 'jti' claim. A unique 'jti' value is required.", "jti");
    }

    @Test
    void missingJti_isRejected() {
        assertRejected(client.requestToken(app, TestAssertion.enterprise(app, now()).claim("jti", null)),
                "invalid_grant", "Please check the 'jti' claim. A unique 'jti' value is required.", "jti");
    }

    @Test
    void anotherEnterprise_isRejectedAsSub() {
        assertSubRejected(TestAssertion.enterprise(app, now()).claim("sub", "999888777"));
    }

    @Test
    void userOutsideTheAppsEnterprise_isRejectedAsSub() {
        assertSubRejected(TestAssertion.user(app, box.createUser("Outsider"), now()));
    }

    @Test
    void userOfAnotherAppsEnterprise_isRejectedAsSub() {
        JwtApp other = box.registerJwtApp("clientid0000000000000000000000003", "secret-3", "777", "kid00003",
                TestKeys.APP.getPublic());

        assertSubRejected(TestAssertion.user(app, other.createUser("Bob"), now()));
    }

    @Test
    void missingBoxSubType_isRejectedAsSub() {
        assertSubRejected(TestAssertion.enterprise(app, now()).claim("box_sub_type", null));
    }

    @Test
    void enterpriseTokenForAnAppWithoutEnterprise_isRejectedAsSub() {
        JwtApp usersOnly = box.registerJwtApp("clientid0000000000000000000000004", "secret-4", "0", "kid00004",
                TestKeys.APP.getPublic());

        assertThat(usersOnly.enterpriseId()).isNull();
        assertRejected(client.requestToken(usersOnly, TestAssertion.enterprise(usersOnly, now()).claim("sub", "0")),
                "invalid_grant", "Please check the 'sub' claim. The 'sub' specified is invalid.", "sub");
    }

    @Test
    void appWithoutEnterprise_getsUserTokensForItsOwnUsers() {
        JwtApp usersOnly = box.registerJwtApp("clientid0000000000000000000000004", "secret-4", null, "kid00004",
                TestKeys.APP.getPublic());

        BoxUser user = usersOnly.createUser("Carol");

        assertThat(client.requestToken(usersOnly, TestAssertion.user(usersOnly, user, now())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void userTokensDisabled_isInvalidRequest() {
        app.userTokensEnabled(false);

        assertRejected(client.requestToken(app, TestAssertion.user(app, app.createUser("Dave"), now())),
                "invalid_request", "Cannot obtain user token based on the enterprise configuration for your app.",
                "user_tokens_disabled");
    }

    @Test
    void userTokensDisabled_stillAllowsEnterpriseTokens() {
        app.userTokensEnabled(false);

        assertThat(client.requestToken(app, TestAssertion.enterprise(app, now())).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownGrantType_isInvalidRequest() {
        Map<String, String> form = TokenClient.jwtForm(app, TestAssertion.enterprise(app, now()).compact());
        form.put("grant_type", "password");

        assertRejected(client.postToken(form), "invalid_request",
                "Invalid grant_type parameter or parameter missing.", "unsupported_grant_type");
    }

    @Test
    void missingGrantType_isInvalidRequest() {
        Map<String, String> form = TokenClient.jwtForm(app, TestAssertion.enterprise(app, now()).compact());
        form.remove("grant_type");

        assertRejected(client.postToken(form), "invalid_request",
                "Invalid grant_type parameter or parameter missing.", "unsupported_grant_type");
    }

    @Test
    void jwtAssertionFromAnOAuthApp_isAGrantTypeUnauthorizedForTheClient() {
        OAuthApp oauth = box.createOAuthApp("http://localhost:8080/callback");
        Map<String, String> form = TokenClient.jwtForm(app, TestAssertion.enterprise(app, now()).compact());
        form.put("client_id", oauth.clientId());
        form.put("client_secret", oauth.clientSecret());

        assertRejected(client.postToken(form), "invalid_request",
                "The grant type is unauthorized for this client_id.", "grant_unauthorized");
    }

    @Test
    void formWithAParameterSentTwice_isInvalidRequest() {
        HttpResponse<String> response = client.postRaw("grant_type=" + TokenClient.JWT_GRANT
                + "&grant_type=" + TokenClient.JWT_GRANT);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TokenClient.json(response)).containsEntry("error", "invalid_request");
        assertThat(box.errors("invalid_request")).isEqualTo(1);
    }

    @Test
    void everyPostToTheTokenEndpoint_isCountedWhateverTheOutcome() {
        client.requestToken(app, TestAssertion.enterprise(app, now()));
        client.requestToken(app, TestAssertion.enterprise(app, now()).claim("iss", "x"));
        client.postRaw("");

        assertThat(box.tokenRequests()).isEqualTo(3);
        assertThat(box.tokensIssued()).isEqualTo(1);
        assertThat(box.errors()).isEqualTo(Map.of("iss", 1, "unsupported_grant_type", 1));

        box.resetCounters();

        assertThat(box.tokenRequests()).isZero();
        assertThat(box.tokensIssued()).isZero();
        assertThat(box.errors()).isEmpty();
    }

    private void assertKidRejected(TestAssertion assertion) {
        assertRejected(client.requestToken(app, assertion), "invalid_grant",
                "'kid' invalid, unable to lookup correct key.", "kid");
    }

    private void assertSubRejected(TestAssertion assertion) {
        assertRejected(client.requestToken(app, assertion), "invalid_grant",
                "Please check the 'sub' claim. The 'sub' specified is invalid.", "sub");
    }

    private void assertRejected(HttpResponse<String> response, String error, String description, String kind) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(TokenClient.json(response)).containsExactly(
                Map.entry("error", error), Map.entry("error_description", description));
        assertThat(box.errors(kind)).isEqualTo(1);
        assertThat(box.errors().values().stream().mapToInt(Integer::intValue).sum())
                .as("one failure counted, under %s: %s", kind, box.errors()).isEqualTo(1);
        assertThat(box.tokensIssued()).isZero();
    }
}
