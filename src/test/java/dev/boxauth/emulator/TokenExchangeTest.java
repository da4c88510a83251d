package dev.boxauth.emulator;

import static dev.boxauth.emulator.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token exchange: a downscoped token with fewer scopes, optionally bound to one item or shared link. */
class TokenExchangeTest extends EmulatorWithApp {

    private static final String GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    private CcgApp ccg;
    private String parent;

    @BeforeEach
    void parentToken() {
        ccg = box.createCcgApp();
        parent = ccgToken();
    }

    private String ccgToken() {
        return TokenClient.accessToken(client.postToken("grant_type", "client_credentials",
                "client_id", ccg.clientId(), "client_secret", ccg.clientSecret(),
                "box_subject_type", "enterprise", "box_subject_id", ccg.enterpriseId()));
    }

    private HttpResponse<String> exchange(String subjectToken, String scope, String... more) {
        Map<String, String> form = TokenClient.form("grant_type", GRANT, "subject_token", subjectToken,
                "subject_token_type", ACCESS_TOKEN_TYPE, "scope", scope);
        form.putAll(TokenClient.form(more));
        return client.postToken(form);
    }

    @Test
    void scopesOnly_giveARestrictedTokenWithoutRefreshToken_thatWorksForTheSubject() {
        Map<String, Object> body = TokenClient.ok(exchange(parent, "item_preview item_upload"));

        assertThat(body).containsOnlyKeys("access_token", "expires_in", "issued_token_type", "restricted_to",
                "token_type").containsEntry("issued_token_type", ACCESS_TOKEN_TYPE)
                .containsEntry("restricted_to", List.of()).containsEntry("token_type", "bearer");
        assertThat(body.get("access_token")).isNotEqualTo(parent);
        assertThat(TokenClient.json(client.usersMe("Bearer " + body.get("access_token"))))
                .containsEntry("id", ccg.serviceAccount().id());
        assertThat(box.tokenExchanges()).isEqualTo(1);
        assertThat(box.tokenRequests(GRANT)).isEqualTo(1);
    }

    @Test
    void fileResource_restrictsEveryScopeToThatFile() {
        Map<String, Object> body = TokenClient.ok(exchange(parent, "item_preview item_download",
                "resource", box.apiUrl() + "/files/123"));

        Map<String, Object> file = Map.of("type", "file", "id", "123", "sequence_id", "0", "etag", "0",
                "name", "File 123");
        assertThat(body.get("restricted_to")).isEqualTo(List.of(Map.of("scope", "item_preview", "object", file),
                Map.of("scope", "item_download", "object", file)));
    }

    @Test
    void folderResourceOnBoxsOwnApiUrl_isAccepted() {
        Map<String, Object> body = TokenClient.ok(exchange(parent, "item_preview",
                "resource", "https://api.box.com/2.0/folders/456"));

        assertThat(body.get("restricted_to")).isEqualTo(List.of(Map.of("scope", "item_preview", "object",
                Map.of("type", "folder", "id", "456", "sequence_id", "0", "etag", "0", "name", "Folder 456"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sharedLink_restrictsTheTokenToTheSharedFile_describedAsBoxDescribesAFile() {
        String link = "https://app.box.com/s/abc123";

        Map<String, Object> body = TokenClient.ok(exchange(parent, "item_preview item_download",
                "box_shared_link", link));

        List<Map<String, Object>> restrictedTo = (List<Map<String, Object>>) body.get("restricted_to");
        assertThat(restrictedTo).extracting(entry -> entry.get("scope")).containsExactly("item_preview",
                "item_download");
        Map<String, Object> file = (Map<String, Object>) restrictedTo.get(0).get("object");
        assertThat(file).containsOnlyKeys("type", "id", "sequence_id", "etag", "name").containsEntry("type", "file");
        assertThat((String) file.get("id")).matches("[1-9][0-9]{11}");
        assertThat(restrictedTo.get(1).get("object")).isEqualTo(file);
        Map<String, Object> again = TokenClient.ok(exchange(parent, "item_preview", "box_shared_link", link));
        assertThat(((List<Map<String, Object>>) again.get("restricted_to")).get(0).get("object"))
                .as("the same link, the same file").isEqualTo(file);
    }

    @Test
    void sharedLinkThatIsNotAWebUrl_isInvalidResource() {
        assertRejected(box, exchange(parent, "item_preview", "box_shared_link", "ftp://app.box.com/s/abc"),
                "invalid_resource", "The target resource is invalid.", "exchange_resource");
    }

    @Test
    void resourceAndSharedLinkTogether_areInvalidRequest() {
        assertRejected(box, exchange(parent, "item_preview", "resource", box.apiUrl() + "/files/1",
                "box_shared_link", "https://app.box.com/s/abc"), "invalid_request",
                "The resource and box_shared_link parameters are mutually exclusive", "exchange_request");
    }

    @Test
    void resourceThatIsNotAFileOrFolderUrl_isInvalidResource() {
        assertRejected(box, exchange(parent, "item_preview", "resource", box.apiUrl() + "/users/1"),
                "invalid_resource", "The target resource is invalid.", "exchange_resource");
    }

    @Test
    void scopeTheSubjectTokenLacks_isInvalidScope() {
        assertRejected(box, exchange(parent, "item_preview item_delete"), "invalid_scope",
                "The requested scope is invalid, unknown, or exceeds the scope of the subject_token", "exchange_scope");
    }

    @Test
    void appScopes_decideWhatNewTokensCarry() {
        ccg.scopes("root_readonly", "item_preview");
        String narrow = ccgToken();

        assertThat(exchange(narrow, "item_preview").statusCode()).isEqualTo(200);
        assertThat(exchange(narrow, "item_upload").statusCode()).isEqualTo(400);
        assertThat(exchange(parent, "item_upload").statusCode()).as("tokens issued before keep theirs").isEqualTo(200);
    }

    @Test
    void downscopedToken_canOnlyBeNarrowedFurther() {
        String downscoped = TokenClient.accessToken(exchange(parent, "item_preview item_upload"));

        assertThat(exchange(downscoped, "item_preview").statusCode()).isEqualTo(200);
        assertRejected(box, exchange(downscoped, "item_download"), "invalid_scope",
                "The requested scope is invalid, unknown, or exceeds the scope of the subject_token", "exchange_scope");
    }

    @Test
    void downscopedToken_neverOutlivesItsParent() {
        box.clockOffset(Duration.ofSeconds(3000));

        Map<String, Object> body = TokenClient.ok(exchange(parent, "item_preview"));

        assertThat((Long) body.get("expires_in")).isBetween(1L, 600L);
    }

    @Test
    void unknownSubjectToken_isInvalidGrant() {
        assertRejected(box, exchange("made-up", "item_preview"), "invalid_grant",
                "The subject_token provided is invalid", "exchange_subject_token");
    }

    @Test
    void expiredSubjectToken_isInvalidGrant() {
        box.clockOffset(Duration.ofSeconds(3600));

        assertRejected(box, exchange(parent, "item_preview"), "invalid_grant",
                "The subject_token provided is invalid", "exchange_subject_token");
    }

    @Test
    void revokedSubjectToken_isInvalidGrant() {
        box.revokeAccessTokens();

        assertRejected(box, exchange(parent, "item_preview"), "invalid_grant",
                "The subject_token provided is invalid", "exchange_subject_token");
    }

    @Test
    void otherSubjectTokenType_isInvalidRequest() {
        HttpResponse<String> response = client.postToken("grant_type", GRANT, "subject_token", parent,
                "subject_token_type", "urn:ietf:params:oauth:token-type:refresh_token", "scope", "item_preview");

        assertRejected(box, response, "invalid_request",
                "The subject_token_type must be " + ACCESS_TOKEN_TYPE, "exchange_request");
    }

    @Test
    void missingScope_isInvalidRequest() {
        HttpResponse<String> response = client.postToken("grant_type", GRANT, "subject_token", parent,
                "subject_token_type", ACCESS_TOKEN_TYPE);

        assertRejected(box, response, "invalid_request", "The scope parameter is required", "exchange_request");
    }
}
