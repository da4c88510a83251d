package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.boxauth.check.BoxAuthCheck;
import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.BoxUser;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.internal.ProviderFactory;
import dev.boxauth.internal.config.SettingsReader;
import dev.boxauth.testing.Together;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-Java API end to end against the emulator over loopback HTTP(S). */
class BoxAuthEmulatorTest {

    private BoxEmulator box;
    private JwtApp app;
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() {
        box = BoxEmulator.start();
        app = box.createJwtApp();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    private Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("box.auth.config", app.configJson());
        p.put("box.auth.token-url", box.tokenUrl());
        p.put("box.auth.api-url", box.apiUrl());
        return p;
    }

    /** A provider whose retry waits are recorded instead of slept. */
    private BoxTokenProvider provider(Map<String, String> properties, Clock clock) {
        return ProviderFactory.create(SettingsReader.read(properties),
                new ProviderFactory.Options(clock, null, null, null, sleeps::add));
    }

    @Test
    void aServiceAccountTokenFromTheConsoleJson_isAcceptedByTheApi() {
        try (BoxTokenProvider provider = BoxAuth.fromProperties(properties())) {
            BoxAuthCheck.Identity me = BoxAuthCheck.whoAmI(provider, URI.create(box.apiUrl()), null);

            assertThat(me.id()).isEqualTo(app.serviceAccount().id());
            assertThat(me.login()).startsWith("AutomationUser_");
            assertThat(box.tokenRequests()).isEqualTo(1);
        }
    }

    @Test
    void aUserToken_representsThatUser() {
        BoxUser user = app.createUser("Ada Lovelace");
        Map<String, String> p = properties();
        p.put("box.auth.user-id", user.id());
        try (BoxTokenProvider provider = BoxAuth.fromProperties(p)) {
            assertThat(BoxAuthCheck.whoAmI(provider, URI.create(box.apiUrl()), null).name()).isEqualTo("Ada Lovelace");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512"})
    void everyAlgorithm_isAcceptedByTheEmulator(String algorithm) {
        Map<String, String> p = properties();
        p.put("box.auth.jwt.algorithm", algorithm);
        try (BoxTokenProvider provider = BoxAuth.fromProperties(p)) {
            assertThat(provider.accessToken()).isNotBlank();
        }
    }

    @Test
    void tokensAreCached_andOneKeptAliveConnectionCarriesEveryRefresh() {
        try (BoxTokenProvider provider = BoxAuth.fromProperties(properties())) {
            String first = provider.accessToken();
            for (int i = 0; i < 100; i++) {
                assertThat(provider.accessToken()).isEqualTo(first);
            }
            provider.invalidate(first);
            String second = provider.accessToken();
            provider.invalidate(second);
            provider.accessToken();

            assertThat(box.tokenRequests()).isEqualTo(3);
            assertThat(box.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void aRevokedToken_isInvalidatedOnTheApi401_andOneNewTokenIsFetched() {
        try (BoxTokenProvider provider = BoxAuth.fromProperties(properties())) {
            BoxAuthCheck.whoAmI(provider, URI.create(box.apiUrl()), null);
            box.revokeAccessTokens();

            BoxAuthCheck.whoAmI(provider, URI.create(box.apiUrl()), null);

            assertThat(box.apiUnauthorized()).isEqualTo(1);
            assertThat(box.tokenRequests()).isEqualTo(2);
        }
    }

    @Test
    void sixtyFourConcurrentFirstCallers_causeOneTokenRequest() throws Exception {
        box.latency(Duration.ofMillis(200));
        try (BoxTokenProvider provider = BoxAuth.fromProperties(properties())) {
            assertThat(Together.call(64, provider::accessToken)).hasSize(64).containsOnly(provider.accessToken());
            assertThat(box.tokenRequests()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-300, 300})
    void ourClockSkewedByFiveMinutes_costsAtMostTwoRequests_andLaterTokensOne(int skewSeconds) {
        Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(skewSeconds));
        try (BoxTokenProvider provider = provider(properties(), skewed)) {
            String token = provider.accessToken();
            assertThat(box.tokenRequests()).isEqualTo(2);
            assertThat(box.errors("exp")).isEqualTo(1);

            provider.invalidate(token);
            provider.accessToken();
            assertThat(box.tokenRequests()).isEqualTo(3);
            assertThat(sleeps).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-300, 300})
    void boxClockSkewedByFiveMinutes_costsAtMostTwoRequests(int skewSeconds) {
        box.clockOffset(Duration.ofSeconds(skewSeconds));
        try (BoxTokenProvider provider = BoxAuth.fromProperties(properties())) {
            BoxAuthCheck.whoAmI(provider, URI.create(box.apiUrl()), null);
            assertThat(box.tokenRequests()).isEqualTo(2);
        }
    }

    @Test
    void rateLimits_areRetriedHonouringRetryAfter() {
        box.rateLimitNextTokenRequests(2, "0.2");
        try (BoxTokenProvider provider = provider(properties(), Clock.systemUTC())) {
            assertThat(provider.accessToken()).isNotBlank();
            assertThat(box.tokenRequests()).isEqualTo(3);
            assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200));
        }
    }

    @Test
    void serverErrors_areRetriedWithBackoff() {
        box.failNextTokenRequests(2, 503);
        try (BoxTokenProvider provider = provider(properties(), Clock.systemUTC())) {
            assertThat(provider.accessToken()).isNotBlank();
            assertThat(box.tokenRequests()).isEqualTo(3);
            assertThat(sleeps).hasSize(2);
        }
    }

    @Test
    void fetchOnStartup_getsTheFirstTokenWhileBuilding_andFailsTheBuildWhenBoxRefuses() {
        Map<String, String> p = properties();
        p.put("box.auth.fetch-on-startup", "true");
        try (BoxTokenProvider provider = BoxAuth.fromProperties(p)) {
            assertThat(box.tokenRequests()).isEqualTo(1);
            provider.accessToken();
            assertThat(box.tokenRequests()).isEqualTo(1);
        }

        app.authorized(false);
        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> BoxAuth.fromProperties(p))
                .satisfies(e -> assertThat(e.error()).contains("unauthorized_client"));
    }

    @Test
    void anUnauthorizedApp_failsOnceWithAdviceForTheAdmin() {
        app.authorized(false);
        try (BoxTokenProvider provider = BoxAuth.fromProperties(properties())) {
            assertThatExceptionOfType(BoxTokenException.class).isThrownBy(provider::accessToken).satisfies(e -> {
                assertThat(e.error()).contains("unauthorized_client");
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.getMessage()).contains("admin must authorize");
            });
            assertThat(box.tokenRequests()).isEqualTo(1);
        }
    }

    @Test
    void aWrongClientSecret_isInvalidClient() {
        Map<String, String> p = properties();
        p.put("box.auth.client-secret", "not-the-secret");
        try (BoxTokenProvider provider = BoxAuth.fromProperties(p)) {
            assertThatExceptionOfType(BoxTokenException.class).isThrownBy(provider::accessToken).satisfies(e -> {
                assertThat(e.error()).contains("invalid_client");
                assertThat(e.httpStatus()).isEqualTo(400);
            });
        }
    }

    @Test
    void userTokensDisabled_saysWhichSettingToTurnOn() {
        app.userTokensEnabled(false);
        Map<String, String> p = properties();
        p.put("box.auth.user-id", app.createUser("Grace").id());
        try (BoxTokenProvider provider = BoxAuth.fromProperties(p)) {
            assertThatExceptionOfType(BoxTokenException.class).isThrownBy(provider::accessToken)
                    .satisfies(e -> assertThat(e.getMessage()).contains("Generate user access tokens"));
        }
    }

    @Test
    void https_worksWithTheEmulatorsTrust_andFailsClearlyWithTheJvmDefault() {
        try (BoxEmulator tls = BoxEmulator.startHttps()) {
            JwtApp tlsApp = tls.createJwtApp();
            Map<String, String> p = Map.of("box.auth.config", tlsApp.configJson(), "box.auth.token-url",
                    tls.tokenUrl());

            try (BoxTokenProvider trusted = BoxAuth.builder().properties(p)
                    .sslContext(BoxEmulator.clientSslContext()).build()) {
                assertThat(trusted.accessToken()).isNotBlank();
            }
            try (BoxTokenProvider untrusted = BoxAuth.fromProperties(p)) {
                assertThatExceptionOfType(BoxTokenException.class).isThrownBy(untrusted::accessToken).satisfies(e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("trust store");
                });
            }
            assertThat(tls.tokenRequests()).isEqualTo(1);
        }
    }

    // ---- per-user tokens

    @Test
    void forUser_givesTokensThatRepresentThatUser_cachedPerUser() {
        BoxUser ada = app.createUser("Ada Lovelace");
        BoxUser grace = app.createUser("Grace Hopper");
        try (BoxTokenProvider provider = BoxAuth.fromProperties(properties())) {
            URI api = URI.create(box.apiUrl());

            assertThat(BoxAuthCheck.whoAmI(provider.forUser(ada.id()), api, null).name()).isEqualTo("Ada Lovelace");
            assertThat(BoxAuthCheck.whoAmI(provider.forUser(grace.id()), api, null).name()).isEqualTo("Grace Hopper");
            assertThat(BoxAuthCheck.whoAmI(provider.forUser(ada.id()), api, null).name()).isEqualTo("Ada Lovelace");
            assertThat(BoxAuthCheck.whoAmI(provider, api, null).id()).isEqualTo(app.serviceAccount().id());

            assertThat(box.tokenRequests()).isEqualTo(3);
        }
    }

    @Test
    void forUser_sixtyFourConcurrentCallersForOneUser_causeOneTokenRequest() throws Exception {
        BoxUser ada = app.createUser("Ada Lovelace");
        box.latency(Duration.ofMillis(200));
        try (BoxTokenProvider provider = BoxAuth.fromProperties(properties())) {
            List<String> tokens = Together.call(64, () -> provider.forUser(ada.id()).accessToken());

            assertThat(tokens).hasSize(64).containsOnly(tokens.get(0));
            assertThat(box.tokenRequests()).isEqualTo(1);
        }
    }

    @Test
    void forUser_whenUserTokensAreOff_failsWithTheSettingToTurnOn() {
        app.userTokensEnabled(false);
        String grace = app.createUser("Grace").id();
        try (BoxTokenProvider provider = BoxAuth.fromProperties(properties())) {
            assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> provider.forUser(grace).accessToken())
                    .satisfies(e -> assertThat(e.getMessage())
                            .contains("Generate user access tokens", "user " + grace));
            assertThat(provider.accessToken()).isNotBlank();
        }
    }

    @Test
    void forUser_aUserIdThatIsNotNumeric_isRefusedBeforeAskingBox() {
        try (BoxTokenProvider provider = BoxAuth.fromProperties(properties())) {
            assertThatExceptionOfType(BoxAuthException.class).isThrownBy(() -> provider.forUser("ada@example.com"))
                    .satisfies(e -> assertThat(e.getMessage()).contains("userId"));
            assertThat(box.tokenRequests()).isZero();
        }
    }

    // ---- developer tokens

    @Test
    void aDeveloperToken_isUsedAsIs_andOnceTheApiRejectsIt_everyCallSaysHowToGetANewOne() {
        String developerToken;
        try (BoxTokenProvider jwt = BoxAuth.fromProperties(properties())) {
            developerToken = jwt.accessToken();
        }
        try (BoxTokenProvider provider = BoxAuth.fromProperties(Map.of("box.auth.developer-token", developerToken,
                "box.auth.token-url", box.tokenUrl(), "box.auth.api-url", box.apiUrl()))) {
            URI api = URI.create(box.apiUrl());
            assertThat(BoxAuthCheck.whoAmI(provider, api, null).id()).isEqualTo(app.serviceAccount().id());
            box.revokeAccessTokens();

            BoxTokenException e = assertThatExceptionOfType(BoxTokenException.class)
                    .isThrownBy(() -> BoxAuthCheck.whoAmI(provider, api, null)).actual();

            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).contains("60 minutes", "Generate Developer Token").doesNotContain(developerToken);
            assertThatExceptionOfType(BoxTokenException.class).isThrownBy(provider::accessToken)
                    .withMessage(e.getMessage());
            assertThat(box.apiUnauthorized()).isEqualTo(1);
            assertThat(box.tokenRequests()).isEqualTo(1);
        }
    }

    @Test
    void oauth_isRefusedByThePlainJavaEntryPoint_withWhereToGetItsProviders() {
        assertThatExceptionOfType(BoxAuthException.class).isThrownBy(() -> BoxAuth.fromProperties(Map.of(
                "box.auth.client-id", app.clientId(), "box.auth.client-secret", app.clientSecret(),
                "box.auth.oauth.redirect-uri", "http://127.0.0.1:9080/box/oauth/callback")))
                .isNotInstanceOf(BoxConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("per signed-in user"));
    }
}
