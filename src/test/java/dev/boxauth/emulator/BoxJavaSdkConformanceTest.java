package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.box.sdk.BoxAPIConnection;
import com.box.sdk.BoxAPIException;
import com.box.sdk.BoxAPIResponseException;
import com.box.sdk.BoxCCGAPIConnection;
import com.box.sdk.BoxConfig;
import com.box.sdk.BoxDeveloperEditionAPIConnection;
import com.box.sdk.DeveloperEditionEntityType;
import com.box.sdk.ScopedToken;
import com.box.sdkgen.box.ccgauth.BoxCCGAuth;
import com.box.sdkgen.box.ccgauth.CCGConfig;
import com.box.sdkgen.box.developertokenauth.BoxDeveloperTokenAuth;
import com.box.sdkgen.box.errors.BoxAPIError;
import com.box.sdkgen.box.jwtauth.BoxJWTAuth;
import com.box.sdkgen.box.jwtauth.JWTConfig;
import com.box.sdkgen.box.oauth.BoxOAuth;
import com.box.sdkgen.box.oauth.GetAuthorizeUrlOptions;
import com.box.sdkgen.box.oauth.OAuthConfig;
import com.box.sdkgen.client.BoxClient;
import com.box.sdkgen.internal.utils.PrivateKeyDecryptor;
import com.box.sdkgen.networking.auth.Authentication;
import com.box.sdkgen.networking.network.NetworkSession;
import com.box.sdkgen.schemas.accesstoken.AccessToken;
import com.box.sdkgen.schemas.resourcescope.ResourceScope;
import com.box.sdkgen.schemas.userfull.UserFull;
import com.eclipsesource.json.JsonObject;
import dev.boxauth.emulator.internal.DeveloperConsoleConfig;
import dev.boxauth.emulator.internal.KeyMaterial;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Security;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Box's own Java SDK (box-java-sdk 5.6.0) as a conformance client of the emulator, over HTTPS: both its
 * legacy {@code com.box.sdk} API and its generated {@code com.box.sdkgen} API run every authentication flow
 * they support against the emulator, pointed at it through their own base-URL settings and made to trust
 * only the emulator's certificate through their own TLS settings (no JVM-wide trust store or property).
 *
 * <p>Both APIs' default private-key decryptors register BouncyCastle in {@code java.security.Security},
 * which would leak into every later test of this JVM (and {@code PrivateKeysTest} checks that nothing
 * did); each API is given a JDK-only decryptor instead, and {@link #noSecurityProviderWasRegistered()}
 * checks that none slipped through.
 */
// The legacy com.box.sdk API is deprecated in favour of com.box.sdkgen; it is still what many users run.
@SuppressWarnings("deprecation")
class BoxJavaSdkConformanceTest {

    private static final String CALLBACK = "https://app.example.com/callback";
    private static final String FILE = "https://api.box.com/2.0/files/123";
    private static final String SHARED_LINK = "https://app.box.com/s/abc123xyz";

    /** Follows no redirect: the consent step reads the 302 to the callback, as the existing tests do. */
    private static final HttpClient BROWSER = HttpClient.newBuilder().sslContext(BoxEmulator.clientSslContext())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    BoxEmulator box;
    TokenClient http;

    @BeforeEach
    void startEmulator() {
        box = BoxEmulator.startHttps();
        http = new TokenClient(box, BROWSER);
    }

    @AfterEach
    void stopEmulator() {
        box.close();
    }

    @AfterAll
    static void noSecurityProviderWasRegistered() {
        assertThat(Security.getProvider("BC")).as("BouncyCastle registered JVM-wide by an SDK").isNull();
    }

    /** The shared test key as the Developer Console hands it out: unencrypted PKCS#8 PEM. */
    private static final String PRIVATE_KEY_PEM = KeyMaterial.pkcs8Pem(TestKeys.APP.getPrivate());

    /**
     * A JWT app under the shared test key (generating a key per test would cost more than the test), in an
     * enterprise of its own.
     */
    JwtApp jwtApp() {
        return box.registerJwtApp("sdkclient0000000000000000000001", "sdk-secret-1", "555666777", "kid00001",
                TestKeys.APP.getPublic());
    }

    /** The Developer Console config file of {@link #jwtApp()}. */
    static String configJson(JwtApp app) {
        return DeveloperConsoleConfig.json(app.clientId(), app.clientSecret(), app.keyId(), PRIVATE_KEY_PEM,
                app.enterpriseId());
    }

    /** The unencrypted PKCS#8 PEM the emulator hands out, parsed with the JDK alone. */
    static PrivateKey jdkPrivateKey(String pem, String passphrase) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the emulator's private key", e);
        }
    }

    /**
     * The consent step a person performs in the browser: opens {@code authorizeUrl}, presses "Grant access
     * to Box", and returns the code the 302 carries back to the callback.
     */
    String consent(URI authorizeUrl, String expectedState) {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(authorizeUrl).build());
        URI callback = Browser.location(http.postForm(box.authorizeUrl(),
                TokenClient.form("request_id", Browser.requestId(page), "consent", "grant")));
        assertThat(callback.toString()).startsWith(CALLBACK + "?");
        Map<String, String> query = Browser.query(callback);
        assertThat(query).containsEntry("state", expectedState);
        return query.get("code");
    }

    /** A GET of {@code /users/me} with {@code accessToken}, outside either SDK. */
    int usersMeStatus(String accessToken) {
        return http.usersMe("Bearer " + accessToken).statusCode();
    }

    /** The legacy {@code com.box.sdk} API: {@code BoxAPIConnection} and its subclasses. */
    @Nested
    class LegacyApi {

        /**
         * Points a connection at the emulator: {@code setBaseURL} moves the API, token and revoke URLs,
         * {@code setBaseAuthorizationURL} the authorize page, and {@code configureSslCertificatesValidation}
         * gives its OkHttp clients a trust manager (the host name is still verified).
         */
        <T extends BoxAPIConnection> T atEmulator(T api) {
            api.setBaseURL(box.baseUrl() + "/");
            api.setBaseAuthorizationURL(box.baseUrl() + "/api/");
            api.configureSslCertificatesValidation(BoxEmulator.clientTrustManager(), null);
            return api;
        }

        BoxConfig config(JwtApp app) {
            BoxConfig config = BoxConfig.readFrom(configJson(app));
            config.getJWTEncryptionPreferences().setPrivateKeyDecryptor(BoxJavaSdkConformanceTest::jdkPrivateKey);
            return config;
        }

        BoxDeveloperEditionAPIConnection jwt(JwtApp app, String entityId, DeveloperEditionEntityType type) {
            BoxDeveloperEditionAPIConnection api =
                    atEmulator(new BoxDeveloperEditionAPIConnection(entityId, type, config(app), null));
            api.authenticate();
            return api;
        }

        @Test
        void jwtEnterprise_getsATokenForTheServiceAccount_andGetInfoReadsUsersById() {
            JwtApp app = jwtApp();

            BoxDeveloperEditionAPIConnection api = jwt(app, app.enterpriseId(), DeveloperEditionEntityType.ENTERPRISE);
            com.box.sdk.BoxUser.Info me = com.box.sdk.BoxUser.getCurrentUser(api).getInfo();

            assertThat(me.getID()).isEqualTo(app.serviceAccount().id());
            assertThat(me.getLogin()).isEqualTo(app.serviceAccount().login());
            assertThat(box.tokenRequests(TokenClient.JWT_GRANT)).isEqualTo(1);
            assertThat(box.errors()).isEmpty();
        }

        @Test
        void jwtUser_getsATokenForThatAppUser() {
            JwtApp app = jwtApp();
            BoxUser ada = app.createUser("Ada Lovelace");

            BoxDeveloperEditionAPIConnection api = jwt(app, ada.id(), DeveloperEditionEntityType.USER);

            assertThat(com.box.sdk.BoxUser.getCurrentUser(api).getInfo().getName()).isEqualTo("Ada Lovelace");
            assertThat(box.tokenRequestsFor(ada.id())).isEqualTo(1);
        }

        @Test
        void ccgEnterprise_andUser_getTokensOnFirstUse() {
            CcgApp app = box.createCcgApp();
            BoxUser bob = app.createUser("Bob");

            BoxCCGAPIConnection enterprise = atEmulator(BoxCCGAPIConnection.applicationServiceAccountConnection(
                    app.clientId(), app.clientSecret(), app.enterpriseId()));
            BoxCCGAPIConnection user = atEmulator(BoxCCGAPIConnection.userConnection(app.clientId(),
                    app.clientSecret(), bob.id()));

            assertThat(com.box.sdk.BoxUser.getCurrentUser(enterprise).getInfo().getID())
                    .isEqualTo(app.serviceAccount().id());
            assertThat(com.box.sdk.BoxUser.getCurrentUser(user).getInfo().getID()).isEqualTo(bob.id());
            assertThat(box.tokenRequests("client_credentials")).isEqualTo(2);
        }

        @Test
        void oauth_authorizeConsentCodeRefreshRevoke() {
            OAuthApp app = box.createOAuthApp(CALLBACK);
            BoxAPIConnection api = atEmulator(new BoxAPIConnection(app.clientId(), app.clientSecret()));

            URI authorize = URI.create(api.getAuthorizationURL(URI.create(CALLBACK), "st-1", List.of("item_preview",
                    "root_readwrite")).toString());
            assertThat(authorize.toString()).startsWith(box.authorizeUrl() + "?");
            api.authenticate(consent(authorize, "st-1"));
            String firstRefresh = api.getRefreshToken();
            assertThat(com.box.sdk.BoxUser.getCurrentUser(api).getInfo().getID()).isEqualTo(app.signedInUser().id());

            api.refresh();

            assertThat(api.getRefreshToken()).isNotEqualTo(firstRefresh);
            assertThat(com.box.sdk.BoxUser.getCurrentUser(api).getInfo().getID()).isEqualTo(app.signedInUser().id());
            String accessToken = api.getAccessToken();
            api.revokeToken();
            assertThat(usersMeStatus(accessToken)).isEqualTo(401);
            assertThat(box.revocations()).isEqualTo(1);
            assertThat(box.tokenRequests("authorization_code")).isEqualTo(1);
            assertThat(box.tokenRequests("refresh_token")).isEqualTo(1);
        }

        @Test
        void oauth_refreshWithASpentRefreshToken_surfacesBoxsError() {
            OAuthApp app = box.createOAuthApp(CALLBACK);
            BoxAPIConnection api = atEmulator(new BoxAPIConnection(app.clientId(), app.clientSecret()));
            api.authenticate(consent(URI.create(api.getAuthorizationURL(URI.create(CALLBACK), "s", null).toString()),
                    "s"));
            String spent = api.getRefreshToken();
            api.refresh();
            api.setRefreshToken(spent);

            assertThatThrownBy(api::refresh).isInstanceOfSatisfying(BoxAPIException.class, e -> {
                assertThat(e.getResponseCode()).isEqualTo(400);
                assertThat(e.getResponse()).contains("\"error\":\"invalid_grant\"")
                        .contains("\"error_description\":\"Invalid refresh token\"");
            });
            assertThat(box.refreshTokenReuse()).isEqualTo(1);
        }

        @Test
        void downscope_toAFile_andToASharedLink() {
            JwtApp app = jwtApp();
            BoxDeveloperEditionAPIConnection api = jwt(app, app.enterpriseId(), DeveloperEditionEntityType.ENTERPRISE);

            ScopedToken file = api.getLowerScopedToken(List.of("item_preview", "item_download"), FILE);
            ScopedToken shared = api.getLowerScopedToken(List.of("item_preview"), SHARED_LINK);

            assertThat(file.getIssuedTokenType()).isEqualTo("urn:ietf:params:oauth:token-type:access_token");
            JsonObject fileObject = file.getRestrictedTo().get(0).asObject().get("object").asObject();
            assertThat(fileObject.get("type").asString()).isEqualTo("file");
            assertThat(fileObject.get("id").asString()).isEqualTo("123");
            JsonObject sharedObject = shared.getRestrictedTo().get(0).asObject().get("object").asObject();
            assertThat(sharedObject.get("type").asString()).isEqualTo("file");
            assertThat(sharedObject.names()).contains("id", "etag", "sequence_id", "name");
            assertThat(usersMeStatus(shared.getAccessToken())).isEqualTo(200);
            assertThat(box.tokenExchanges()).isEqualTo(2);
        }

        @Test
        void revoke_endsTheJwtToken() {
            JwtApp app = jwtApp();
            BoxDeveloperEditionAPIConnection api = jwt(app, app.enterpriseId(), DeveloperEditionEntityType.ENTERPRISE);
            String token = api.getAccessToken();

            api.revokeToken();

            assertThat(usersMeStatus(token)).isEqualTo(401);
            assertThat(box.revocations()).isEqualTo(1);
        }

        @Test
        void asUser_sendsTheHeaderOnApiCallsOnly_andGetsThatUser() {
            JwtApp app = jwtApp();
            app.performActionsAsUsers(true);
            BoxUser ada = app.createUser("Ada");
            BoxDeveloperEditionAPIConnection api = jwt(app, app.enterpriseId(), DeveloperEditionEntityType.ENTERPRISE);

            api.asUser(ada.id());
            com.box.sdk.BoxUser.Info asAda = com.box.sdk.BoxUser.getCurrentUser(api).getInfo();
            api.asSelf();

            assertThat(asAda.getID()).isEqualTo(ada.id());
            assertThat(com.box.sdk.BoxUser.getCurrentUser(api).getInfo().getID()).isEqualTo(app.serviceAccount().id());
            assertThat(box.asUserRequests()).isEqualTo(2);
            assertThat(box.tokenRequestsWithAsUser()).isZero();
        }

        @Test
        void apiErrors_reachTheSdkWithBoxsCodeAndRequestIds() {
            JwtApp app = jwtApp();
            BoxDeveloperEditionAPIConnection api = jwt(app, app.enterpriseId(), DeveloperEditionEntityType.ENTERPRISE);

            assertThatThrownBy(() -> new com.box.sdk.BoxUser(api, "99").getInfo())
                    .isInstanceOfSatisfying(BoxAPIResponseException.class, e -> {
                        assertThat(e.getResponseCode()).isEqualTo(404);
                        // "[404 | <request_id>.<BOX-REQUEST-ID>] not_found - Not Found"
                        assertThat(e.getMessage()).matches("(?s).*\\[404 \\| [a-z0-9]{16}\\.[a-z0-9]{27}\\]"
                                + " not_found - Not Found.*");
                    });
        }

        @Test
        void apiRateLimit_isRetriedAfterRetryAfter() {
            JwtApp app = jwtApp();
            BoxDeveloperEditionAPIConnection api = jwt(app, app.enterpriseId(), DeveloperEditionEntityType.ENTERPRISE);
            box.rateLimitNextApiRequests(1, "0");

            assertThat(com.box.sdk.BoxUser.getCurrentUser(api).getID()).isEqualTo(app.serviceAccount().id());
            assertThat(box.errors()).isEqualTo(Map.of("api_rate_limited", 1));
        }
    }

    /** The generated {@code com.box.sdkgen} API: {@code BoxClient} over a {@code NetworkSession}. */
    @Nested
    class GeneratedApi {

        /** A JDK-only decryptor: the default one registers BouncyCastle JVM-wide. */
        final PrivateKeyDecryptor decryptor = BoxJavaSdkConformanceTest::jdkPrivateKey;

        NetworkSession session() {
            return SdkgenSessions.toEmulator(box);
        }

        BoxClient client(Authentication auth, NetworkSession session) {
            return new BoxClient.Builder(auth).networkSession(session).build();
        }

        /**
         * Built from the app's values rather than with {@code withUserSubject}, which makes a new config
         * that drops the decryptor and falls back to the BouncyCastle-registering default.
         */
        BoxJWTAuth jwt(JwtApp app, String enterpriseId, String userId) {
            return new BoxJWTAuth(new JWTConfig.Builder(app.clientId(), app.clientSecret(), app.keyId(),
                    PRIVATE_KEY_PEM, "").enterpriseId(enterpriseId).userId(userId).privateKeyDecryptor(decryptor)
                    .build());
        }

        @Test
        void jwtEnterprise_fromTheConsoleConfigJson_getsTheServiceAccount() {
            JwtApp app = jwtApp();
            NetworkSession session = session();
            BoxJWTAuth auth = new BoxJWTAuth(JWTConfig.fromConfigJsonString(configJson(app), null, decryptor));

            UserFull me = client(auth, session).getUsers().getUserMe();

            assertThat(me.getId()).isEqualTo(app.serviceAccount().id());
            assertThat(client(auth, session).getUsers().getUserById(me.getId()).getLogin())
                    .isEqualTo(app.serviceAccount().login());
            assertThat(box.tokenRequests(TokenClient.JWT_GRANT)).isEqualTo(1);
        }

        @Test
        void jwtUser_getsThatAppUser() {
            JwtApp app = jwtApp();
            BoxUser ada = app.createUser("Ada");

            UserFull me = client(jwt(app, null, ada.id()), session()).getUsers().getUserMe();

            assertThat(me.getId()).isEqualTo(ada.id());
            assertThat(box.tokenRequestsFor(ada.id())).isEqualTo(1);
        }

        @Test
        void ccgEnterprise_andUser() {
            CcgApp app = box.createCcgApp();
            BoxUser bob = app.createUser("Bob");
            NetworkSession session = session();

            BoxCCGAuth enterprise = new BoxCCGAuth(new CCGConfig.Builder(app.clientId(), app.clientSecret())
                    .enterpriseId(app.enterpriseId()).build());
            BoxCCGAuth user = enterprise.withUserSubject(bob.id());

            assertThat(client(enterprise, session).getUsers().getUserMe().getId()).isEqualTo(app.serviceAccount().id());
            assertThat(client(user, session).getUsers().getUserMe().getId()).isEqualTo(bob.id());
            assertThat(box.tokenRequests("client_credentials")).isEqualTo(2);
        }

        @Test
        void oauth_authorizeConsentCodeRefreshDownscopeRevoke() {
            OAuthApp app = box.createOAuthApp(CALLBACK);
            NetworkSession session = session();
            BoxOAuth auth = new BoxOAuth(new OAuthConfig.Builder(app.clientId(), app.clientSecret()).build());

            // getAuthorizeUrl ignores the session's oauth2Url (it always names account.box.com): keep its
            // query, send it to the emulator's authorize page.
            URI sdkUrl = URI.create(auth.getAuthorizeUrl(new GetAuthorizeUrlOptions.Builder().redirectUri(CALLBACK)
                    .state("st-2").build()));
            assertThat(sdkUrl.getHost()).isEqualTo("account.box.com");
            String code = consent(URI.create(box.authorizeUrl() + "?" + sdkUrl.getRawQuery()), "st-2");
            AccessToken first = auth.getTokensAuthorizationCodeGrant(code, session);
            BoxClient client = client(auth, session);
            assertThat(client.getUsers().getUserMe().getId()).isEqualTo(app.signedInUser().id());

            AccessToken refreshed = auth.refreshToken(session);
            AccessToken downscoped = auth.downscopeToken(List.of("item_preview"), FILE, null, session);

            assertThat(refreshed.getRefreshToken()).isNotEqualTo(first.getRefreshToken());
            assertThat(downscoped.getRestrictedTo()).extracting(scope -> scope.getObject().getId())
                    .containsExactly("123");
            auth.revokeToken(session);
            assertThat(usersMeStatus(refreshed.getAccessToken())).isEqualTo(401);
            assertThat(box.tokenRequests("authorization_code")).isEqualTo(1);
            assertThat(box.tokenRequests("refresh_token")).isEqualTo(1);
            assertThat(box.revocations()).isEqualTo(1);
        }

        @Test
        void oauth_expiredCode_surfacesBoxsError() {
            OAuthApp app = box.createOAuthApp(CALLBACK);
            BoxOAuth auth = new BoxOAuth(new OAuthConfig.Builder(app.clientId(), app.clientSecret()).build());
            String code = consent(URI.create(box.authorizeUrl() + "?response_type=code&client_id=" + app.clientId()
                    + "&state=s"), "s");
            box.clockOffset(java.time.Duration.ofSeconds(31));

            assertThatThrownBy(() -> auth.getTokensAuthorizationCodeGrant(code, session()))
                    .isInstanceOfSatisfying(BoxAPIError.class, e -> {
                        assertThat(e.getResponseInfo().getStatusCode()).isEqualTo(400);
                        assertThat(e.getResponseInfo().getBody().get("error").asText()).isEqualTo("invalid_grant");
                        assertThat(e.getResponseInfo().getBody().get("error_description").asText())
                                .isEqualTo("The authorization code has expired.");
                    });
        }

        @Test
        void downscope_toASharedLink_parsesRestrictedToAsAFile_andTheTokenWorks() {
            JwtApp app = jwtApp();
            NetworkSession session = session();
            BoxJWTAuth auth = jwt(app, app.enterpriseId(), null);

            AccessToken downscoped = auth.downscopeToken(List.of("item_preview", "item_download"), null, SHARED_LINK,
                    session);

            assertThat(downscoped.getRestrictedTo()).hasSize(2);
            ResourceScope first = downscoped.getRestrictedTo().get(0);
            assertThat(first.getObject().isFileMini()).isTrue();
            assertThat(first.getObject().getId()).matches("[0-9]{12}");
            assertThat(first.getObject().getName()).isNotEmpty();
            UserFull me = client(new BoxDeveloperTokenAuth(downscoped.getAccessToken()), session).getUsers()
                    .getUserMe();
            assertThat(me.getId()).isEqualTo(app.serviceAccount().id());
            assertThat(box.tokenExchanges()).isEqualTo(1);
        }

        @Test
        void revoke_endsTheCcgToken() {
            CcgApp app = box.createCcgApp();
            NetworkSession session = session();
            BoxCCGAuth auth = new BoxCCGAuth(new CCGConfig.Builder(app.clientId(), app.clientSecret())
                    .enterpriseId(app.enterpriseId()).build());
            String token = auth.retrieveToken(session).getAccessToken();

            auth.revokeToken(session);

            assertThat(usersMeStatus(token)).isEqualTo(401);
            assertThat(box.revocations()).isEqualTo(1);
        }

        /**
         * {@code withAsUserHeader} puts the header on the session, and the token request that the first API
         * call makes goes through the same session: the generated API sends {@code As-User} to the token
         * endpoint too, which Box's clients should not (the emulator answers it all the same).
         */
        @Test
        void asUser_withAsUserHeader_alsoReachesTheTokenEndpoint() {
            CcgApp app = box.createCcgApp();
            app.performActionsAsUsers(true);
            BoxUser ada = app.createUser("Ada");
            BoxCCGAuth auth = new BoxCCGAuth(new CCGConfig.Builder(app.clientId(), app.clientSecret())
                    .enterpriseId(app.enterpriseId()).build());

            UserFull asAda = client(auth, session()).withAsUserHeader(ada.id()).getUsers().getUserMe();

            assertThat(asAda.getId()).isEqualTo(ada.id());
            assertThat(box.lastAsUser()).isEqualTo(ada.id());
            assertThat(box.tokenRequestsWithAsUser()).as("the token request carried As-User").isEqualTo(1);
        }

        @Test
        void apiErrors_reachTheSdkWithBoxsCodeRequestIdAndHelpUrl() {
            JwtApp app = jwtApp();
            BoxClient client = client(jwt(app, app.enterpriseId(), null), session());

            assertThatThrownBy(() -> client.getUsers().getUserById("99"))
                    .isInstanceOfSatisfying(BoxAPIError.class, e -> {
                        assertThat(e.getResponseInfo().getStatusCode()).isEqualTo(404);
                        assertThat(e.getResponseInfo().getCode()).isEqualTo("not_found");
                        assertThat(e.getResponseInfo().getRequestId()).matches("[a-z0-9]{16}");
                        assertThat(e.getResponseInfo().getHelpUrl()).startsWith("https://developer.box.com/");
                        assertThat(e.getResponseInfo().getHeaders()).containsKey("box-request-id");
                    });
        }

        @Test
        void apiRateLimit_isRetriedAfterRetryAfter() {
            JwtApp app = jwtApp();
            BoxClient client = client(jwt(app, app.enterpriseId(), null), session());
            box.rateLimitNextApiRequests(1, "0");

            assertThat(client.getUsers().getUserMe().getId()).isEqualTo(app.serviceAccount().id());
            assertThat(box.errors()).isEqualTo(Map.of("api_rate_limited", 1));
            assertThat(box.apiRequests()).isEqualTo(2);
        }
    }
}
