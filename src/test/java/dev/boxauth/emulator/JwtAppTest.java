package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

/** Apps and users: what {@code createJwtApp} hands out, and what {@code registerJwtApp} accepts. */
class JwtAppTest {

    @Test
    void createJwtApp_givesBoxShapedCredentialsAndAConfigFileThatWorks() throws Exception {
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp app = box.createJwtApp();

            assertThat(app.clientId()).matches("[a-z0-9]{32}");
            assertThat(app.clientSecret()).matches("[A-Za-z0-9]{32}");
            assertThat(app.keyId()).matches("[a-z0-9]{8}");
            assertThat(app.enterpriseId()).matches("[1-9][0-9]*");
            assertThat(app.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n")
                    .endsWith("\n-----END PRIVATE KEY-----\n");

            Map<String, Object> config = JsonUtil.parseJson(app.configJson());
            assertThat(config).containsOnlyKeys("boxAppSettings", "enterpriseID")
                    .containsEntry("enterpriseID", app.enterpriseId());
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = (Map<String, Object>) config.get("boxAppSettings");
            assertThat(settings).containsEntry("clientID", app.clientId())
                    .containsEntry("clientSecret", app.clientSecret())
                    .containsEntry("appAuth", Map.of("publicKeyID", app.keyId(), "privateKey", app.privateKeyPem(),
                            "passphrase", ""));
            assertThat(app.configJson()).contains("-----BEGIN PRIVATE KEY-----\\n");

            TestAssertion assertion = TestAssertion.enterprise(app, Instant.now()).signedWith(parse(app.privateKeyPem()));
            String token = new TokenClient(box, HttpClient.newHttpClient()).token(app, assertion);
            assertThat(token).isNotBlank();
        }
    }

    @Test
    void createJwtApp_givesEveryAppItsOwnIdsAndEnterprise() {
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp first = box.createJwtApp();
            JwtApp second = box.createJwtApp();

            assertThat(second.clientId()).isNotEqualTo(first.clientId());
            assertThat(second.enterpriseId()).isNotEqualTo(first.enterpriseId());
            assertThat(second.serviceAccount().id()).isNotEqualTo(first.serviceAccount().id());
        }
    }

    @Test
    void registerJwtApp_hasNoPrivateKeyOrConfigFile() {
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp app = box.registerJwtApp("client-1", "secret-1", "123", "kid1", TestKeys.APP.getPublic());

            assertThat(app.privateKeyPem()).isNull();
            assertThat(app.configJson()).isNull();
            assertThat(app.serviceAccount()).isNotNull();
        }
    }

    @Test
    void registerJwtApp_refusesATakenClientId() {
        try (BoxEmulator box = BoxEmulator.start()) {
            box.registerJwtApp("client-1", "secret-1", "123", "kid1", TestKeys.APP.getPublic());

            assertThatThrownBy(() -> box.registerJwtApp("client-1", "secret-2", "456", "kid2",
                    TestKeys.APP.getPublic())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void registerJwtApp_refusesKeysBoxWouldRefuse() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        KeyPairGenerator shortRsa = KeyPairGenerator.getInstance("RSA");
        shortRsa.initialize(1024);
        try (BoxEmulator box = BoxEmulator.start()) {
            assertThatThrownBy(() -> box.registerJwtApp("client-1", "secret-1", "123", "kid1",
                    ec.generateKeyPair().getPublic())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> box.registerJwtApp("client-2", "secret-1", "123", "kid1",
                    shortRsa.generateKeyPair().getPublic())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void addPublicKey_acceptsBothKeysUntilTheOldOneIsRemoved() {
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp app = box.registerJwtApp("client-1", "secret-1", "123", "kid1", TestKeys.APP.getPublic());
            TokenClient client = new TokenClient(box, HttpClient.newHttpClient());

            app.addPublicKey("kid2", TestKeys.STRANGER.getPublic());
            client.token(app, TestAssertion.enterprise(app, Instant.now()));
            client.token(app, TestAssertion.enterprise(app, Instant.now()).kid("kid2").signedWith(
                    TestKeys.STRANGER.getPrivate()));
            app.removePublicKey("kid1");

            assertThat(client.requestToken(app, TestAssertion.enterprise(app, Instant.now()).kid("kid1")).statusCode())
                    .isEqualTo(400);
            assertThat(box.errors()).containsExactly(Map.entry("kid", 1));
            app.addPublicKey("kid3", TestKeys.APP.getPublic());
            assertThatThrownBy(() -> app.addPublicKey("kid4", TestKeys.APP.getPublic()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("at most 2");
        }
    }

    @Test
    void resetClientSecret_refusesTheOldSecretFromTheNextRequestOn() {
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp app = box.registerJwtApp("client-1", "secret-1", "123", "kid1", TestKeys.APP.getPublic());
            TokenClient client = new TokenClient(box, HttpClient.newHttpClient());

            String secret = app.resetClientSecret();

            assertThat(secret).matches("[A-Za-z0-9]{32}").isEqualTo(app.clientSecret());
            assertThat(client.requestToken(app, TestAssertion.enterprise(app, Instant.now())).statusCode())
                    .isEqualTo(200);
            assertThat(client.postToken("grant_type", TokenClient.JWT_GRANT, "assertion",
                    TestAssertion.enterprise(app, Instant.now()).compact(), "client_id", "client-1",
                    "client_secret", "secret-1").statusCode()).isEqualTo(400);
            assertThat(box.errors("invalid_client")).isEqualTo(1);
        }
    }

    @Test
    void createUser_givesNumericIdsAndLoginsFromTheName() {
        try (BoxEmulator box = BoxEmulator.start()) {
            BoxUser ada = box.createUser("Ada Lovelace");
            BoxUser bob = box.createUser("Bob");

            assertThat(ada.id()).matches("[0-9]+").isNotEqualTo(bob.id());
            assertThat(ada.name()).isEqualTo("Ada Lovelace");
            assertThat(ada.login()).isEqualTo("ada.lovelace@example.com");
        }
    }

    @Test
    void toString_showsNoSecret() {
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp app = box.registerJwtApp("client-1", "very-secret-value", "123", "kid1", TestKeys.APP.getPublic());

            assertThat(app.toString()).contains("client-1").doesNotContain("very-secret-value");
        }
    }

    private static PrivateKey parse(String pem) throws Exception {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
