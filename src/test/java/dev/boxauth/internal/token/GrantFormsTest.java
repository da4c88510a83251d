package dev.boxauth.internal.token;

import static dev.boxauth.internal.token.ScriptedEndpoint.error;
import static dev.boxauth.internal.token.ScriptedEndpoint.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.boxauth.BoxTokenException;
import dev.boxauth.Downscope;
import dev.boxauth.internal.Secret;
import dev.boxauth.internal.config.Subject;
import dev.boxauth.internal.grant.CcgGrant;
import dev.boxauth.internal.grant.TokenExchangeGrant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Client Credentials and token exchange grants post, and what Box's refusals of them say. */
class GrantFormsTest {

    private static final String SECRET = "ccg-client-secret-never-shown";
    private static final String PARENT = "parent-access-token-never-shown";

    private final ScriptedEndpoint box = new ScriptedEndpoint();
    private final List<Duration> sleeps = new ArrayList<>();
    private final TokenRequester requester = new TokenRequester(box,
            Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC), sleeps::add,
            RetryPolicy.standard(Duration.ofSeconds(60)));

    @Test
    void ccg_postsTheClientCredentialsAndTheEnterpriseSubject() {
        box.then(ok("t", 3600));

        requester.request(new CcgGrant("cid", new Secret(SECRET), Subject.enterprise("1234")));

        assertThat(box.forms).singleElement().satisfies(form -> assertThat(form).containsExactly(
                entry("grant_type", "client_credentials"), entry("client_id", "cid"), entry("client_secret", SECRET),
                entry("box_subject_type", "enterprise"), entry("box_subject_id", "1234")));
    }

    @Test
    void ccg_postsAUserSubject() {
        box.then(ok("t", 3600));

        requester.request(new CcgGrant("cid", new Secret(SECRET), Subject.user("77")));

        assertThat(box.forms.get(0)).containsEntry("box_subject_type", "user").containsEntry("box_subject_id", "77");
    }

    @Test
    void ccg_describesTheClientAndSubject_neverTheSecret() {
        CcgGrant grant = new CcgGrant("cid", new Secret(SECRET), Subject.user("77"));
        assertThat(grant.describe()).isEqualTo("client id cid (Client Credentials Grant, user 77)");
        assertThat(grant.toString()).doesNotContain(SECRET);
    }

    @Test
    void ccg_invalidGrantCredentials_explainsTheThreeUsualCauses() {
        box.then(error(400, "invalid_grant", "Grant credentials are invalid"));

        assertThatExceptionOfType(BoxTokenException.class)
                .isThrownBy(() -> requester.request(new CcgGrant("cid", new Secret(SECRET), Subject.enterprise("1"))))
                .satisfies(e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("client id or secret is wrong", "subject type",
                            "App Access Only", "App + Enterprise Access", "re-authorized").doesNotContain(SECRET);
                });
    }

    @Test
    void tokenExchange_postsTheParentTokenAndScopes_andNoClientCredentials() {
        box.then(ok("down", 3000));

        requester.request(new TokenExchangeGrant(PARENT, Downscope.to("item_upload", "item_preview"), "client id c"));

        assertThat(box.forms).singleElement().satisfies(form -> assertThat(form).containsExactly(
                entry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange"),
                entry("subject_token", PARENT),
                entry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token"),
                entry("scope", "item_preview item_upload")));
    }

    @Test
    void tokenExchange_postsTheResourceOrTheSharedLink() {
        box.then(ok("d1", 3000)).then(ok("d2", 3000));
        Downscope preview = Downscope.to("item_preview");

        requester.request(new TokenExchangeGrant(PARENT, preview.onResource("https://api.box.com/2.0/files/9"), "p"));
        requester.request(new TokenExchangeGrant(PARENT, preview.onSharedLink("https://app.box.com/s/abc"), "p"));

        assertThat(box.forms.get(0)).containsEntry("resource", "https://api.box.com/2.0/files/9")
                .doesNotContainKeys("box_shared_link", "client_id", "client_secret");
        assertThat(box.forms.get(1)).containsEntry("box_shared_link", "https://app.box.com/s/abc")
                .doesNotContainKeys("resource", "client_id", "client_secret");
    }

    @Test
    void tokenExchange_describesScopesAndResource_butNotTheSharedLinkNorTheParentToken() {
        Downscope preview = Downscope.to("item_preview");
        assertThat(new TokenExchangeGrant(PARENT, preview.onResource("https://api.box.com/2.0/files/9"), "client id c")
                .describe()).isEqualTo("a token downscoped to item_preview on https://api.box.com/2.0/files/9 from"
                        + " client id c");
        assertThat(new TokenExchangeGrant(PARENT, preview.onSharedLink("https://app.box.com/s/abc"), "client id c")
                .toString()).contains("on a shared link").doesNotContain("app.box.com/s/abc").doesNotContain(PARENT);
    }

    @Test
    void tokenExchange_invalidScope_isNotRetried_andSaysTheParentLacksAScope() {
        box.then(error(400, "invalid_scope", "The requested scope is invalid"));

        assertThatExceptionOfType(BoxTokenException.class)
                .isThrownBy(() -> requester.request(new TokenExchangeGrant(PARENT, Downscope.to("item_delete"),
                        "client id c")))
                .satisfies(e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.error()).contains("invalid_scope");
                    assertThat(e.getMessage()).contains("parent token lacks a requested scope", "Application Scopes")
                            .doesNotContain(PARENT);
                });

        assertThat(box.forms).hasSize(1);
    }

    private static Map.Entry<String, String> entry(String key, String value) {
        return Map.entry(key, value);
    }
}
