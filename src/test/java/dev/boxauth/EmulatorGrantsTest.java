package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.boxauth.check.BoxAuthCheck;
import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.BoxUser;
import dev.boxauth.emulator.CcgApp;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.testing.Together;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Client Credentials Grant, token exchange and revocation end to end against the emulator over
 * loopback HTTP.
 */
class EmulatorGrantsTest {

    private BoxEmulator box;

    @BeforeEach
    void start() {
        box = BoxEmulator.start();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    private Map<String, String> endpoints() {
        Map<String, String> p = new HashMap<>();
        p.put("box.auth.token-url", box.tokenUrl());
        p.put("box.auth.revoke-url", box.baseUrl() + "/oauth2/revoke");
        p.put("box.auth.api-url", box.apiUrl());
        return p;
    }

    private Map<String, String> ccg(CcgApp app) {
        Map<String, String> p = endpoints();
        p.put("box.auth.client-id", app.clientId());
        p.put("box.auth.client-secret", app.clientSecret());
        p.put("box.auth.enterprise-id", app.enterpriseId());
        return p;
    }

    private Map<String, String> jwt(JwtApp app) {
        Map<String, String> p = endpoints();
        p.put("box.auth.config", app.configJson());
        return p;
    }

    private BoxAuthCheck.Identity whoAmI(BoxTokenProvider provider) {
        return BoxAuthCheck.whoAmI(provider, URI.create(box.apiUrl()), null);
    }

    @Test
    void ccg_aServiceAccountToken_isAcceptedByTheApi() {
        CcgApp app = box.createCcgApp();
        try (BoxTokenProvider provider = BoxAuth.fromProperties(ccg(app))) {
            assertThat(whoAmI(provider).id()).isEqualTo(app.serviceAccount().id());
            assertThat(box.tokenRequests()).isEqualTo(1);
        }
    }

    @Test
    void ccg_forUser_givesTokensThatRepresentThatUser() {
        CcgApp app = box.createCcgApp();
        BoxUser ada = app.createUser("Ada Lovelace");
        try (BoxTokenProvider provider = BoxAuth.fromProperties(ccg(app))) {
            assertThat(whoAmI(provider.forUser(ada.id())).name()).isEqualTo("Ada Lovelace");
            assertThat(whoAmI(provider).id()).isEqualTo(app.serviceAccount().id());
            assertThat(box.tokenRequests()).isEqualTo(2);
        }
    }

    @Test
    void ccg_aManagedUserUnderAppAccessOnly_failsOnceWithTheAccessLevelAdvice() {
        CcgApp app = box.createCcgApp();
        app.appAccessOnly(true);
        BoxUser grace = app.createManagedUser("Grace Hopper");
        try (BoxTokenProvider provider = BoxAuth.fromProperties(ccg(app))) {
            assertThatExceptionOfType(BoxTokenException.class)
                    .isThrownBy(() -> provider.forUser(grace.id()).accessToken())
                    .satisfies(e -> {
                        assertThat(e.error()).contains("invalid_grant");
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.getMessage()).contains("App Access Only").doesNotContain(app.clientSecret());
                    });
            assertThat(box.tokenRequests()).isEqualTo(1);
        }
    }

    @Test
    void ccg_aWrongSecret_saysTheIdOrSecretMayBeWrong_withoutShowingIt() {
        CcgApp app = box.createCcgApp();
        Map<String, String> p = ccg(app);
        p.put("box.auth.client-secret", "not-the-secret-of-this-app");
        try (BoxTokenProvider provider = BoxAuth.fromProperties(p)) {
            assertThatExceptionOfType(BoxTokenException.class).isThrownBy(provider::accessToken)
                    .satisfies(e -> assertThat(e.getMessage()).contains("client id or secret is wrong")
                            .doesNotContain("not-the-secret-of-this-app"));
        }
    }

    @Test
    void downscope_ofAJwtToken_isExchangedOnce_andCached() {
        JwtApp app = box.createJwtApp();
        try (BoxTokenProvider provider = BoxAuth.fromProperties(jwt(app))) {
            BoxAccessToken preview = provider.downscope(Downscope.to("item_preview"));

            assertThat(preview.value()).isNotEqualTo(provider.accessToken());
            assertThat(provider.downscope(Downscope.to("item_preview"))).isEqualTo(preview);
            assertThat(box.tokenExchanges()).isEqualTo(1);
            assertThat(box.tokenRequests()).isEqualTo(2);
        }
    }

    @Test
    void downscope_sixtyFourConcurrentCallersOfTheSameScopes_causeOneExchange() throws Exception {
        JwtApp app = box.createJwtApp();
        try (BoxTokenProvider provider = BoxAuth.fromProperties(jwt(app))) {
            provider.accessToken();
            box.latency(Duration.ofMillis(200));

            List<String> tokens = Together.call(64,
                    () -> provider.downscope(Downscope.to("item_preview", "item_upload")).value());

            assertThat(tokens).hasSize(64).containsOnly(tokens.get(0));
            assertThat(box.tokenExchanges()).isEqualTo(1);
        }
    }

    @Test
    void downscope_toAScopeTheAppLacks_isInvalidScope_andNotRetried() {
        JwtApp app = box.createJwtApp();
        app.scopes("root_readonly", "item_preview");
        try (BoxTokenProvider provider = BoxAuth.fromProperties(jwt(app))) {
            assertThatExceptionOfType(BoxTokenException.class)
                    .isThrownBy(() -> provider.downscope(Downscope.to("item_upload")))
                    .satisfies(e -> {
                        assertThat(e.error()).contains("invalid_scope");
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.getMessage()).contains("parent token lacks a requested scope");
                    });
            assertThat(box.tokenExchanges()).isZero();
        }
    }

    @Test
    void revoke_revokesTheTokenAtBox_andTheNextCallGetsANewOneTheApiAccepts() {
        CcgApp app = box.createCcgApp();
        try (BoxTokenProvider provider = BoxAuth.fromProperties(ccg(app))) {
            String revoked = provider.accessToken();

            provider.revoke();

            assertThat(box.revocations()).isEqualTo(1);
            assertThat(provider.accessToken()).isNotEqualTo(revoked);
            whoAmI(provider);
            assertThat(box.apiUnauthorized()).isZero();
        }
    }

    @Test
    void close_withRevokeOnShutdown_revokesTheAppsAndEachUsersToken() {
        JwtApp app = box.createJwtApp();
        Map<String, String> p = jwt(app);
        p.put("box.auth.revoke-on-shutdown", "true");
        BoxTokenProvider provider = BoxAuth.fromProperties(p);
        String appToken = provider.accessToken();
        provider.forUser(app.createUser("Ada").id()).accessToken();

        provider.close();

        assertThat(box.revocations()).isEqualTo(2);
        try (BoxTokenProvider developer = BoxAuth.fromProperties(Map.of("box.auth.developer-token", appToken,
                "box.auth.api-url", box.apiUrl()))) {
            // The API rejects the revoked token, and a developer token cannot be replaced.
            assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> whoAmI(developer));
        }
    }
}
