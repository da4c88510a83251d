package dev.boxauth.internal;

import static dev.boxauth.internal.TestProviders.CLIENT_SECRET;
import static dev.boxauth.internal.TestProviders.build;
import static dev.boxauth.internal.TestProviders.ccg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.boxauth.BoxTokenException;
import dev.boxauth.BoxTokenProvider;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevokeTest {

    private final FakeBox box = new FakeBox();

    private static Map<String, String> revokingOnShutdown() {
        Map<String, String> p = ccg();
        p.put("box.auth.revoke-on-shutdown", "true");
        return p;
    }

    @Test
    void revoke_postsTheClientCredentialsAndTheCachedToken_andTheNextCallGetsANewToken() {
        try (BoxTokenProvider app = build(box, ccg())) {
            String token = app.accessToken();

            app.revoke();

            assertThat(box.revokeForms).containsExactly(Map.of("client_id", "ccg-client", "client_secret",
                    CLIENT_SECRET, "token", token));
            assertThat(app.accessToken()).isNotEqualTo(token);
            assertThat(box.tokenForms).hasSize(2);
        }
    }

    @Test
    void revoke_withNoTokenYet_asksNothingOfBox() {
        try (BoxTokenProvider app = build(box, ccg())) {
            app.revoke();
            assertThat(box.revokeForms).isEmpty();
            assertThat(box.tokenForms).isEmpty();
        }
    }

    @Test
    void revoke_ofAUserProvider_revokesThatUsersToken_only() {
        try (BoxTokenProvider app = build(box, ccg())) {
            String appToken = app.accessToken();
            BoxTokenProvider ada = app.forUser("42");
            String adaToken = ada.accessToken();

            ada.revoke();

            assertThat(box.revokeForms).extracting(form -> form.get("token")).containsExactly(adaToken);
            assertThat(app.accessToken()).isEqualTo(appToken);
        }
    }

    @Test
    void revoke_refusedByBox_throwsWithoutSecrets_andKeepsTheTokenForAnotherTry() {
        box.thenRevoke(() -> FakeBox.error(400, "invalid_client", "The client credentials are invalid"));
        try (BoxTokenProvider app = build(box, ccg())) {
            String token = app.accessToken();

            assertThatExceptionOfType(BoxTokenException.class).isThrownBy(app::revoke).satisfies(e -> {
                assertThat(e.error()).contains("invalid_client");
                assertThat(e.getMessage()).doesNotContain(token).doesNotContain(CLIENT_SECRET);
            });
            assertThat(app.accessToken()).isEqualTo(token);
            app.revoke();
            assertThat(box.revokeForms).extracting(form -> form.get("token")).containsExactly(token, token);
        }
    }

    @Test
    void close_withRevokeOnShutdown_revokesEveryCachedToken() {
        BoxTokenProvider app = build(box, revokingOnShutdown());
        String appToken = app.accessToken();
        String adaToken = app.forUser("42").accessToken();
        app.forUser("43");

        app.close();

        assertThat(box.revokeForms).extracting(form -> form.get("token")).containsExactlyInAnyOrder(appToken, adaToken);
    }

    @Test
    void close_withoutRevokeOnShutdown_revokesNothing() {
        BoxTokenProvider app = build(box, ccg());
        app.accessToken();
        app.close();
        assertThat(box.revokeForms).isEmpty();
    }

    @Test
    void close_whenBoxCannotBeReached_neverThrows_andStopsAfterTheFirstRevocationWithoutAnswer() {
        BoxTokenProvider app = build(box, revokingOnShutdown());
        app.accessToken();
        app.forUser("42").accessToken();
        app.forUser("43").accessToken();
        box.thenRevoke(() -> {
            throw new ConnectException("Connection refused");
        });

        app.close();

        assertThat(box.revokeForms).hasSize(1);
    }

    @Test
    void close_whenBoxRefusesARevocation_goesOnWithTheOthers() {
        BoxTokenProvider app = build(box, revokingOnShutdown());
        app.accessToken();
        app.forUser("42").accessToken();
        box.thenRevoke(() -> FakeBox.error(503, "unavailable", "down"));

        app.close();

        assertThat(box.revokeForms).hasSize(2);
    }
}
