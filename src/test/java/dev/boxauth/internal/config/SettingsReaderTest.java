package dev.boxauth.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.boxauth.BoxConfigException;
import dev.boxauth.ConfigProblem;
import dev.boxauth.internal.Secret;
import dev.boxauth.testing.Keys;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsReaderTest {

    private static final String SECRET = "the-client-secret-0123456789";
    private static final String PASSPHRASE = "the-passphrase-9876543210";

    @TempDir
    Path dir;

    private static Map<String, String> separate() {
        Map<String, String> p = new HashMap<>();
        p.put("box.auth.client-id", "client1");
        p.put("box.auth.client-secret", SECRET);
        p.put("box.auth.enterprise-id", "1234");
        p.put("box.auth.jwt.key-id", "kid1");
        p.put("box.auth.jwt.private-key", Keys.RSA_2048_PKCS8_PEM);
        return p;
    }

    private static String consoleJson(String enterpriseId) {
        return "{\"boxAppSettings\":{\"clientID\":\"json-client\",\"clientSecret\":\"" + SECRET + "\","
                + "\"appAuth\":{\"publicKeyID\":\"json-kid\",\"privateKey\":\""
                + Keys.RSA_2048_PKCS8_PEM.replace("\n", "\\n") + "\",\"passphrase\":\"\"}},"
                + "\"enterpriseID\":\"" + enterpriseId + "\"}";
    }

    /** The exception reading {@code properties} throws; fails the test when it reads them without one. */
    private static BoxConfigException failure(Map<String, String> properties) {
        return assertThatExceptionOfType(BoxConfigException.class).isThrownBy(() -> SettingsReader.read(properties))
                .actual();
    }

    /** A line of the test key's base64 body: text that only the key itself contains. */
    private static String keyLine() {
        return Keys.RSA_2048_PKCS8_PEM.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
    }

    private static void assertShowsNoneOf(ConfigProblem problem, String... secrets) {
        assertThat(problem.message()).doesNotContain(secrets);
        assertThat(problem.toString()).doesNotContain(secrets);
    }

    private static ConfigProblem onlyProblem(Map<String, String> properties) {
        BoxConfigException e = failure(properties);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).doesNotContain(SECRET);
        return e.problems().get(0);
    }

    @Test
    void read_separateProperties_withDefaults() {
        Settings s = SettingsReader.read(separate());

        assertThat(s.method()).isEqualTo(AuthMethod.JWT);
        assertThat(s.clientId()).isEqualTo("client1");
        assertThat(s.clientSecret().reveal()).isEqualTo(SECRET);
        assertThat(s.subject()).isEqualTo(Subject.enterprise("1234"));
        assertThat(s.jwt().keyId()).isEqualTo("kid1");
        assertThat(s.jwt().algorithm()).isEqualTo("RS256");
        assertThat(s.oauth()).isNull();
        assertThat(s.developerToken()).isNull();
        assertThat(s.tokenUrl()).isEqualTo(URI.create("https://api.box.com/oauth2/token"));
        assertThat(s.revokeUrl()).isEqualTo(URI.create("https://api.box.com/oauth2/revoke"));
        assertThat(s.apiUrl()).isEqualTo(URI.create("https://api.box.com/2.0"));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.refreshMargin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.userCacheSize()).isEqualTo(100);
        assertThat(s.revokeOnShutdown()).isFalse();
        assertThat(s.toString()).doesNotContain(SECRET).contains("client1", "method=jwt", "<redacted>");
    }

    @Test
    void read_consoleJsonInline() {
        Settings s = SettingsReader.read(Map.of("box.auth.config", consoleJson("555")));

        assertThat(s.method()).isEqualTo(AuthMethod.JWT);
        assertThat(s.clientId()).isEqualTo("json-client");
        assertThat(s.jwt().keyId()).isEqualTo("json-kid");
        assertThat(s.subject()).isEqualTo(Subject.enterprise("555"));
    }

    @Test
    void read_consoleJsonFile_withSeparatePropertiesOverridingItsFields() throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"), consoleJson("555"));

        Settings s = SettingsReader.read(Map.of("box.auth.config-file", file.toString(),
                "box.auth.client-id", "override", "box.auth.user-id", "77", "box.auth.jwt.algorithm", "rs512",
                "box.auth.token-url", "http://127.0.0.1:8080/oauth2/token", "box.auth.refresh-margin", "90s"));

        assertThat(s.clientId()).isEqualTo("override");
        assertThat(s.subject()).isEqualTo(Subject.user("77"));
        assertThat(s.jwt().algorithm()).isEqualTo("RS512");
        assertThat(s.tokenUrl().getPort()).isEqualTo(8080);
        assertThat(s.refreshMargin()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void read_enterpriseIdZeroMeansNoEnterprise() {
        ConfigProblem p = onlyProblem(Map.of("box.auth.config", consoleJson("0")));

        assertThat(p.id()).isEqualTo("BOXAUTH-006");
        assertThat(p.property()).isEqualTo("box.auth.enterprise-id");
        assertThat(p.message()).contains("box.auth.user-id");
    }

    @Test
    void read_privateKeyFileAndBackslashNKeysWork() throws Exception {
        Map<String, String> p = separate();
        p.remove("box.auth.jwt.private-key");
        p.put("box.auth.jwt.private-key-file", Files.writeString(dir.resolve("k.pem"), Keys.RSA_2048_PKCS8_PEM).toString());
        assertThat(SettingsReader.read(p).jwt().privateKey().getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void nothingConfigured_isBoxauth019() {
        ConfigProblem p = onlyProblem(Map.of());
        assertThat(p.id()).isEqualTo("BOXAUTH-019");
        assertThat(p.message()).contains("box.auth.config-file", "Developer Console");
    }

    @Test
    void nothingConfigured_boxauth019_namesOAuthsPropertiesBesideTheOtherMethods() {
        ConfigProblem p = onlyProblem(Map.of());

        assertThat(p.message()).contains("box.auth.method=oauth with box.auth.client-id, box.auth.client-secret and"
                + " box.auth.oauth.redirect-uri for OAuth 2.0");
    }

    @Test
    void anAppWithOnlyOAuthSettings_isToldWhatOAuthLacks_notBoxauth019() {
        for (Map<String, String> oauth : List.of(Map.of("box.auth.method", "oauth"),
                Map.of("box.auth.oauth.scopes", "root_readwrite"), Map.of("box.auth.oauth.after-sign-in", "/files"))) {
            BoxConfigException e = failure(oauth);

            assertThat(e.problems()).as("%s", oauth).extracting(ConfigProblem::id, ConfigProblem::property)
                    .containsExactlyInAnyOrder(tuple("BOXAUTH-006", "box.auth.client-id"),
                            tuple("BOXAUTH-006", "box.auth.client-secret"),
                            tuple("BOXAUTH-006", "box.auth.oauth.redirect-uri"));
            assertThat(e.problems()).extracting(ConfigProblem::message).as("%s", oauth)
                    .noneMatch(m -> m.contains("Client Credentials") || m.contains("enterprise-id"));
        }
    }

    @Test
    void unknownProperty_isBoxauth001() {
        Map<String, String> p = separate();
        p.put("box.auth.client_id", "x");
        ConfigProblem problem = onlyProblem(p);
        assertThat(problem.id()).isEqualTo("BOXAUTH-001");
        assertThat(problem.property()).isEqualTo("box.auth.client_id");
    }

    @Test
    void fileAndInlineJson_isBoxauth002() {
        ConfigProblem p = failure(Map.of("box.auth.config", consoleJson("1"), "box.auth.config-file", "/x"))
                .problems().get(0);
        assertThat(p.id()).isEqualTo("BOXAUTH-002");
    }

    @Test
    void unreadableConfigFile_isBoxauth003_namingThePath() {
        ConfigProblem p = failure(Map.of("box.auth.config-file", "/no/such/config.json")).problems().get(0);
        assertThat(p.id()).isEqualTo("BOXAUTH-003");
        assertThat(p.property()).isEqualTo("box.auth.config-file");
        assertThat(p.message()).contains("/no/such/config.json", "NoSuchFileException");
    }

    @Test
    void aConfigFileHoldingTheJsonItself_isBoxauth003_pointingAtBoxAuthConfig_withoutEchoingTheJson() {
        String json = consoleJson("555").replace("\"passphrase\":\"\"", "\"passphrase\":\"" + PASSPHRASE + "\"");

        ConfigProblem p = onlyProblem(Map.of("box.auth.config-file", json));

        assertThat(p.id()).isEqualTo("BOXAUTH-003");
        assertThat(p.property()).isEqualTo("box.auth.config-file");
        assertThat(p.message()).contains("looks like the JSON itself, not a path",
                "put the JSON in box.auth.config (BOX_AUTH_CONFIG), or the path of its file here.");
        assertShowsNoneOf(p, SECRET, PASSPHRASE, keyLine(), "{");
    }

    @Test
    void aPrivateKeyFileHoldingThePemItself_isBoxauth003_pointingAtThePrivateKeyProperty_withoutEchoingTheKey() {
        Map<String, String> p = separate();
        p.remove("box.auth.jwt.private-key");
        p.put("box.auth.jwt.private-key-file", Keys.RSA_2048_PKCS8_PEM);

        ConfigProblem problem = onlyProblem(p);

        assertThat(problem.id()).isEqualTo("BOXAUTH-003");
        assertThat(problem.property()).isEqualTo("box.auth.jwt.private-key-file");
        assertThat(problem.message()).contains("looks like the PEM key itself, not a path",
                "put the key in box.auth.jwt.private-key (BOX_AUTH_JWT_PRIVATE_KEY), or the path of its file here.");
        assertShowsNoneOf(problem, keyLine(), "-----BEGIN");
    }

    @Test
    void aFilePropertyHoldingAnythingButAPlausiblePath_isNeverEchoed_andTheMessageSaysWhereTheValueBelongs() {
        String longLine = "x".repeat(600) + SECRET;
        for (String[] c : new String[][] {
                {"box.auth.config-file", Keys.RSA_2048_PKCS8_PEM,
                        "box.auth.jwt.private-key (BOX_AUTH_JWT_PRIVATE_KEY), or the path of its file in"
                                + " box.auth.jwt.private-key-file."},
                {"box.auth.jwt.private-key-file", consoleJson("555"),
                        "box.auth.config (BOX_AUTH_CONFIG), or the path of its file in box.auth.config-file."},
                {"box.auth.config-file", SECRET, "not shown"},
                {"box.auth.jwt.private-key-file", SECRET + "\n" + PASSPHRASE, "not shown"},
                {"box.auth.config-file", longLine, "not shown"}}) {
            Map<String, String> p = new HashMap<>();
            if (c[0].equals("box.auth.jwt.private-key-file")) {
                p.putAll(separate());
                p.remove("box.auth.jwt.private-key");
            }
            p.put(c[0], c[1]);

            ConfigProblem problem = onlyProblem(p);

            assertThat(problem.id()).as(c[0]).isEqualTo("BOXAUTH-003");
            assertThat(problem.property()).isEqualTo(c[0]);
            assertThat(problem.message()).as(c[0]).contains(c[2]);
            assertShowsNoneOf(problem, SECRET, PASSPHRASE, keyLine(), longLine);
        }
    }

    @Test
    void anUnusableJson_isReportedWithTheOtherProblems_butNotAsEveryFieldMissing() {
        BoxConfigException e = failure(Map.of("box.auth.config-file", "/no/such/config.json",
                "box.auth.jwt.algorithm", "XX"));
        assertThat(e.problems()).extracting(ConfigProblem::id).containsExactly("BOXAUTH-003", "BOXAUTH-015");
    }

    @Test
    void malformedJson_isBoxauth004_withoutQuotingIt() {
        BoxConfigException e = failure(Map.of("box.auth.config", "{\"boxAppSettings\": {\"clientSecret\": \""
                + SECRET + "\" oops"));
        assertThat(e.problems().get(0).id()).isEqualTo("BOXAUTH-004");
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("oops");
    }

    @Test
    void jsonWithoutBoxAppSettings_isBoxauth005() {
        ConfigProblem p = failure(Map.of("box.auth.config", "{\"enterpriseID\":\"1\"}")).problems().get(0);
        assertThat(p.id()).isEqualTo("BOXAUTH-005");
        assertThat(p.property()).isEqualTo("box.auth.config (boxAppSettings)");
    }

    @Test
    void everyMissingRequiredValue_isListedAsBoxauth006() {
        BoxConfigException e = failure(Map.of("box.auth.method", "jwt", "box.auth.client-id", "c"));

        assertThat(e.problems()).extracting(ConfigProblem::id).containsOnly("BOXAUTH-006");
        assertThat(e.problems()).extracting(ConfigProblem::property).containsExactly("box.auth.client-secret",
                "box.auth.jwt.key-id", "box.auth.enterprise-id", "box.auth.jwt.private-key");
        assertThat(e.problems().get(0).message()).contains("boxAppSettings.clientSecret");
    }

    @Test
    void nonNumericIds_areBoxauth007() {
        Map<String, String> p = separate();
        p.put("box.auth.user-id", "me@example.com");
        ConfigProblem problem = onlyProblem(p);
        assertThat(problem.id()).isEqualTo("BOXAUTH-007");
        assertThat(problem.property()).isEqualTo("box.auth.user-id");

        ConfigProblem fromJson = onlyProblem(Map.of("box.auth.config", consoleJson("abc")));
        assertThat(fromJson.property()).isEqualTo("box.auth.config (enterpriseID)");
    }

    @Test
    void keyTextAndKeyFile_isBoxauth008() {
        Map<String, String> p = separate();
        p.put("box.auth.jwt.private-key-file", "/k.pem");
        assertThat(onlyProblem(p).id()).isEqualTo("BOXAUTH-008");
    }

    @Test
    void notAPemKey_isBoxauth009_withoutQuotingIt() {
        Map<String, String> p = separate();
        p.put("box.auth.jwt.private-key", "not-a-key-" + SECRET);
        ConfigProblem problem = onlyProblem(p);
        assertThat(problem.id()).isEqualTo("BOXAUTH-009");
        assertThat(problem.property()).isEqualTo("box.auth.jwt.private-key");
    }

    @Test
    void ecKey_isBoxauth012() {
        Map<String, String> p = separate();
        p.put("box.auth.jwt.private-key", Keys.EC_PKCS8_PEM);
        assertThat(onlyProblem(p).id()).isEqualTo("BOXAUTH-012");
    }

    @Test
    void shortRsaKey_isBoxauth013_sayingItsSize() {
        Map<String, String> p = separate();
        p.put("box.auth.jwt.private-key", Keys.RSA_1024_PKCS8_PEM);
        ConfigProblem problem = onlyProblem(p);
        assertThat(problem.id()).isEqualTo("BOXAUTH-013");
        assertThat(problem.message()).contains("1024 bits", "2048");
    }

    @Test
    void unknownAlgorithm_isBoxauth015() {
        Map<String, String> p = separate();
        p.put("box.auth.jwt.algorithm", "HS256");
        ConfigProblem problem = onlyProblem(p);
        assertThat(problem.id()).isEqualTo("BOXAUTH-015");
        assertThat(problem.property()).isEqualTo("box.auth.jwt.algorithm");
    }

    @Test
    void malformedUrl_isBoxauth016() {
        Map<String, String> p = separate();
        p.put("box.auth.api-url", "api.box.com/2.0");
        assertThat(onlyProblem(p).id()).isEqualTo("BOXAUTH-016");
    }

    @Test
    void aUrlWithAUserNameOrPassword_isBoxauth016_inEveryUrlProperty_withoutShowingThePassword() {
        for (String property : new String[] {"box.auth.token-url", "box.auth.revoke-url", "box.auth.api-url",
                "box.auth.oauth.authorize-url", "box.auth.oauth.redirect-uri"}) {
            for (String url : new String[] {"https://admin:pa55-in-url@box.example/x", "https://pa55-in-url@box.example/x",
                    "http://admin:pa55-in-url@127.0.0.1:8080/x"}) {
                Map<String, String> p = oauth();
                p.put(property, url);

                ConfigProblem problem = onlyProblem(p);

                assertThat(problem.id()).as(property + " " + url).isEqualTo("BOXAUTH-016");
                assertThat(problem.property()).isEqualTo(property);
                assertThat(problem.message()).contains("user name or password").doesNotContain("pa55", "admin");
            }
        }
    }

    @Test
    void httpOffLoopback_isBoxauth017_butLoopbackIsAllowed() {
        Map<String, String> p = separate();
        p.put("box.auth.token-url", "http://api.box.com/oauth2/token");
        ConfigProblem problem = onlyProblem(p);
        assertThat(problem.id()).isEqualTo("BOXAUTH-017");
        assertThat(problem.property()).isEqualTo("box.auth.token-url");

        for (String host : new String[] {"localhost", "127.0.0.1", "127.10.0.1", "[::1]"}) {
            p.put("box.auth.token-url", "http://" + host + ":9/oauth2/token");
            assertThat(SettingsReader.read(p).tokenUrl().getHost()).isEqualTo(host);
        }
        for (String host : new String[] {"localhost.example.com", "10.0.0.1", "127.0.0.1.nip.io"}) {
            p.put("box.auth.token-url", "http://" + host + "/oauth2/token");
            assertThat(onlyProblem(p).id()).isEqualTo("BOXAUTH-017");
        }
    }

    @Test
    void badDurations_areBoxauth018() {
        Map<String, String> p = separate();
        p.put("box.auth.connect-timeout", "soon");
        p.put("box.auth.read-timeout", "0");
        p.put("box.auth.refresh-margin", "-PT5M");
        assertThat(failure(p).problems()).extracting(ConfigProblem::id).containsOnly("BOXAUTH-018").hasSize(3);
    }

    @Test
    void fetchOnStartupThatIsNotABoolean_isBoxauth020() {
        Map<String, String> p = separate();
        p.put("box.auth.fetch-on-startup", "yes");
        assertThat(onlyProblem(p).id()).isEqualTo("BOXAUTH-020");
        p.put("box.auth.fetch-on-startup", "TRUE");
        assertThat(SettingsReader.read(p).fetchOnStartup()).isTrue();
    }

    @Test
    void durations_acceptShortFormsAndIso() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("pt2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("soon")).isNull();
    }

    @Test
    void allProblemsAreReportedTogether() {
        Map<String, String> p = separate();
        p.put("box.auth.jwt.algorithm", "none");
        p.put("box.auth.token-url", "http://evil.example");
        p.put("box.auth.enterprise-id", "x");
        p.remove("box.auth.client-secret");

        assertThat(failure(p).problems()).extracting(ConfigProblem::id)
                .containsExactly("BOXAUTH-006", "BOXAUTH-007", "BOXAUTH-015", "BOXAUTH-017");
    }

    private static String fixture(String name) {
        try {
            return Files.readString(Path.of(SettingsReaderTest.class.getResource("/keys/" + name).toURI()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void read_theConsoleJsonWithItsEncryptedKeyAndPassphrase() throws Exception {
        Path file = Path.of(SettingsReaderTest.class.getResource("/keys/console-config.json").toURI());

        Settings s = SettingsReader.read(Map.of("box.auth.config-file", file.toString()));

        assertThat(s.jwt().privateKey().getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void encryptedKeyWithoutPassphrase_isBoxauth010() {
        Map<String, String> p = separate();
        p.put("box.auth.jwt.private-key", fixture("pkcs1-des3.pem"));
        ConfigProblem problem = onlyProblem(p);
        assertThat(problem.id()).isEqualTo("BOXAUTH-010");
        assertThat(problem.property()).isEqualTo("box.auth.jwt.passphrase");
    }

    @Test
    void wrongPassphrase_isBoxauth011_namingWhereThePassphraseCameFrom() {
        Map<String, String> p = separate();
        p.put("box.auth.jwt.private-key", fixture("genrsa-des3-pbkdf2-sha256.pem"));
        p.put("box.auth.jwt.passphrase", "wrong-passphrase-42");
        BoxConfigException e = failure(p);
        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.id()).isEqualTo("BOXAUTH-011");
            assertThat(problem.property()).isEqualTo("box.auth.jwt.passphrase");
            assertThat(problem.message()).contains("box.auth.jwt.private-key");
        });
        assertThat(e.getMessage()).doesNotContain("wrong-passphrase-42");
        assertThat(e.getCause()).isNull();

        String json = fixture("console-config.json").replace("box-auth-test-only", "wrong-passphrase-42");
        ConfigProblem fromJson = onlyProblem(Map.of("box.auth.config", json));
        assertThat(fromJson.property()).isEqualTo("box.auth.config (boxAppSettings.appAuth.passphrase)");
    }

    @Test
    void unsupportedKeyEncryption_isBoxauth014() {
        Map<String, String> p = separate();
        p.put("box.auth.jwt.private-key", fixture("pkcs8-scrypt.pem"));
        p.put("box.auth.jwt.passphrase", "box-auth-test-only");
        assertThat(onlyProblem(p).id()).isEqualTo("BOXAUTH-014");
    }

    // --- the authentication method ---

    private static final String DEV_TOKEN = "developer-token-value-0123456789";

    private static Map<String, String> ccg() {
        Map<String, String> p = new HashMap<>();
        p.put("box.auth.client-id", "ccg-client");
        p.put("box.auth.client-secret", SECRET);
        p.put("box.auth.enterprise-id", "1234");
        return p;
    }

    private static Map<String, String> oauth() {
        Map<String, String> p = new HashMap<>();
        p.put("box.auth.client-id", "oauth-client");
        p.put("box.auth.client-secret", SECRET);
        p.put("box.auth.oauth.redirect-uri", "https://app.example.com/api/box/oauth/callback");
        return p;
    }

    private static String jsonWithoutAppAuth() {
        return "{\"boxAppSettings\":{\"clientID\":\"json-client\",\"clientSecret\":\"" + SECRET + "\"},"
                + "\"enterpriseID\":\"777\"}";
    }

    /** A configuration problem's text must never show a secret of the configuration. */
    private static ConfigProblem onlyProblemWithout(Map<String, String> properties, String... secrets) {
        BoxConfigException e = failure(properties);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).doesNotContain(SECRET);
        for (String secret : secrets) {
            assertThat(e.getMessage()).doesNotContain(secret);
        }
        return e.problems().get(0);
    }

    @Test
    void clientIdAndSecretAndNothingElse_isTheClientCredentialsGrant() {
        Settings s = SettingsReader.read(ccg());

        assertThat(s.method()).isEqualTo(AuthMethod.CCG);
        assertThat(s.clientId()).isEqualTo("ccg-client");
        assertThat(s.clientSecret().reveal()).isEqualTo(SECRET);
        assertThat(s.subject()).isEqualTo(Subject.enterprise("1234"));
        assertThat(s.jwt()).isNull();
        assertThat(s.toString()).doesNotContain(SECRET).contains("method=ccg", "ccg-client", "enterprise 1234");
    }

    @Test
    void aConfigJsonWithoutAppAuth_isTheClientCredentialsGrant_andAUserIdIsItsSubject() {
        Settings s = SettingsReader.read(Map.of("box.auth.config", jsonWithoutAppAuth(), "box.auth.user-id", "42"));

        assertThat(s.method()).isEqualTo(AuthMethod.CCG);
        assertThat(s.clientId()).isEqualTo("json-client");
        assertThat(s.subject()).isEqualTo(Subject.user("42"));
    }

    @Test
    void aConfigJsonWithAppAuth_isJwt_andKeyPropertiesAreJwtToo() {
        assertThat(SettingsReader.read(Map.of("box.auth.config", consoleJson("5"))).method()).isEqualTo(AuthMethod.JWT);
        assertThat(SettingsReader.read(separate()).method()).isEqualTo(AuthMethod.JWT);
    }

    @Test
    void aDeveloperToken_isTheDeveloperTokenMethod_withOrWithoutClientCredentials() {
        Settings alone = SettingsReader.read(Map.of("box.auth.developer-token", DEV_TOKEN));
        assertThat(alone.method()).isEqualTo(AuthMethod.DEVELOPER_TOKEN);
        assertThat(alone.developerToken().reveal()).isEqualTo(DEV_TOKEN);
        assertThat(alone.hasClientCredentials()).isFalse();
        assertThat(alone.subject()).isNull();
        assertThat(alone.toString()).doesNotContain(DEV_TOKEN).contains("developerToken=<redacted>");

        Settings withClient = SettingsReader.read(Map.of("box.auth.developer-token", DEV_TOKEN,
                "box.auth.client-id", "c", "box.auth.client-secret", SECRET));
        assertThat(withClient.method()).isEqualTo(AuthMethod.DEVELOPER_TOKEN);
        assertThat(withClient.clientId()).isEqualTo("c");
        assertThat(withClient.toString()).doesNotContain(DEV_TOKEN).doesNotContain(SECRET);
    }

    @Test
    void aRedirectUri_isOAuth_withTheDefaults() {
        Settings s = SettingsReader.read(oauth());

        assertThat(s.method()).isEqualTo(AuthMethod.OAUTH);
        assertThat(s.subject()).isNull();
        OAuthSettings o = s.oauth();
        assertThat(o.redirectUri()).isEqualTo(URI.create("https://app.example.com/api/box/oauth/callback"));
        assertThat(o.scopes()).isEmpty();
        assertThat(o.scopeParameter()).isNull();
        assertThat(o.authorizeUrl()).isEqualTo(URI.create("https://account.box.com/api/oauth2/authorize"));
        assertThat(o.callbackPath()).isEqualTo("box/oauth/callback");
        assertThat(o.afterSignIn()).isEqualTo("/");
        assertThat(s.toString()).doesNotContain(SECRET).contains("method=oauth", "app.example.com");
    }

    @Test
    void oauthSettings_areRead_scopesSeparatedBySpacesOrCommas() {
        Map<String, String> p = oauth();
        p.put("box.auth.oauth.redirect-uri", "http://localhost:9080/app/box/oauth/callback");
        p.put("box.auth.oauth.scopes", "root_readwrite, manage_groups  item_preview,root_readwrite");
        p.put("box.auth.oauth.authorize-url", "http://127.0.0.1:8000/api/oauth2/authorize");
        p.put("box.auth.oauth.callback-path", "auth/box-callback");
        p.put("box.auth.oauth.after-sign-in", "/files?view=recent");

        OAuthSettings o = SettingsReader.read(p).oauth();

        assertThat(o.scopes()).containsExactly("root_readwrite", "manage_groups", "item_preview");
        assertThat(o.scopeParameter()).isEqualTo("root_readwrite manage_groups item_preview");
        assertThat(o.authorizeUrl().getPort()).isEqualTo(8000);
        assertThat(o.callbackPath()).isEqualTo("auth/box-callback");
        assertThat(o.afterSignIn()).isEqualTo("/files?view=recent");
    }

    @Test
    void anExplicitMethod_isUsed_inAnyCase() {
        Map<String, String> p = ccg();
        p.put("box.auth.method", "CCG");
        assertThat(SettingsReader.read(p).method()).isEqualTo(AuthMethod.CCG);
    }

    @Test
    void unknownMethod_isBoxauth021() {
        Map<String, String> p = ccg();
        p.put("box.auth.method", "saml");
        ConfigProblem problem = onlyProblem(p);
        assertThat(problem.id()).isEqualTo("BOXAUTH-021");
        assertThat(problem.property()).isEqualTo("box.auth.method");
        assertThat(problem.message()).contains("jwt, ccg, oauth or developer-token");
    }

    @Test
    void propertiesOfSeveralMethodsWithoutAMethod_isBoxauth022_namingWhatPointsWhere() {
        Map<String, String> p = new HashMap<>(Map.of("box.auth.config", consoleJson("5")));
        p.put("box.auth.developer-token", DEV_TOKEN);

        ConfigProblem problem = onlyProblemWithout(p, DEV_TOKEN);

        assertThat(problem.id()).isEqualTo("BOXAUTH-022");
        assertThat(problem.property()).isEqualTo("box.auth.method");
        assertThat(problem.message()).contains("developer token (box.auth.developer-token)",
                "JWT (box.auth.config (boxAppSettings.appAuth))");
    }

    @Test
    void aConfigurationThatFitsNoMethod_isBoxauth022() {
        ConfigProblem problem = onlyProblem(Map.of("box.auth.client-id", "c"));
        assertThat(problem.id()).isEqualTo("BOXAUTH-022");
        assertThat(problem.message()).contains("box.auth.client-secret", "box.auth.method");
    }

    @Test
    void aJwtConfigFileWithMethodCcg_isBoxauth023_onTheJsonsAppAuth() throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"), consoleJson("555"));

        ConfigProblem problem = onlyProblem(Map.of("box.auth.config-file", file.toString(), "box.auth.method", "ccg"));

        assertThat(problem.id()).isEqualTo("BOXAUTH-023");
        assertThat(problem.property()).isEqualTo("box.auth.config-file (boxAppSettings.appAuth)");
        assertThat(problem.message()).contains("box.auth.method is ccg", "box.auth.method=jwt");
    }

    @Test
    void jwtKeyPropertiesWithMethodCcg_areBoxauth023_eachNamed() {
        Map<String, String> p = separate();
        p.put("box.auth.method", "ccg");

        BoxConfigException e = failure(p);

        assertThat(e.problems()).extracting(ConfigProblem::id).containsOnly("BOXAUTH-023");
        assertThat(e.problems()).extracting(ConfigProblem::property)
                .containsExactly("box.auth.jwt.key-id", "box.auth.jwt.private-key");
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("PRIVATE KEY");
    }

    @Test
    void anotherMethodsPropertiesNextToAnInferredMethod_areBoxauth023() {
        Map<String, String> dev = Map.of("box.auth.developer-token", DEV_TOKEN, "box.auth.user-id", "42");
        ConfigProblem subject = onlyProblemWithout(dev, DEV_TOKEN);
        assertThat(subject.id()).isEqualTo("BOXAUTH-023");
        assertThat(subject.property()).isEqualTo("box.auth.user-id");
        assertThat(subject.message()).contains("developer who generated it");

        Map<String, String> jwtWithOAuth = separate();
        jwtWithOAuth.put("box.auth.method", "jwt");
        jwtWithOAuth.put("box.auth.oauth.scopes", "root_readonly");
        ConfigProblem oauthProperty = onlyProblem(jwtWithOAuth);
        assertThat(oauthProperty.id()).isEqualTo("BOXAUTH-023");
        assertThat(oauthProperty.property()).isEqualTo("box.auth.oauth.scopes");

        Map<String, String> ccgWithToken = ccg();
        ccgWithToken.put("box.auth.method", "ccg");
        ccgWithToken.put("box.auth.developer-token", DEV_TOKEN);
        ConfigProblem token = onlyProblemWithout(ccgWithToken, DEV_TOKEN);
        assertThat(token.property()).isEqualTo("box.auth.developer-token");
    }

    @Test
    void ccgWithoutItsSecret_isBoxauth006_namingTheProperty() {
        Map<String, String> p = ccg();
        p.remove("box.auth.client-secret");
        p.put("box.auth.method", "ccg");

        ConfigProblem problem = onlyProblem(p);

        assertThat(problem.id()).isEqualTo("BOXAUTH-006");
        assertThat(problem.property()).isEqualTo("box.auth.client-secret");
    }

    @Test
    void ccgWithoutASubject_isBoxauth006() {
        Map<String, String> p = ccg();
        p.remove("box.auth.enterprise-id");
        ConfigProblem problem = onlyProblem(p);
        assertThat(problem.id()).isEqualTo("BOXAUTH-006");
        assertThat(problem.property()).isEqualTo("box.auth.enterprise-id");
    }

    @Test
    void methodDeveloperTokenWithoutTheToken_isBoxauth006_sayingWhereToGetOne() {
        ConfigProblem problem = onlyProblem(Map.of("box.auth.method", "developer-token",
                "box.auth.client-id", "c", "box.auth.client-secret", SECRET));
        assertThat(problem.id()).isEqualTo("BOXAUTH-006");
        assertThat(problem.property()).isEqualTo("box.auth.developer-token");
        assertThat(problem.message()).contains("Generate Developer Token");
    }

    @Test
    void aDeveloperTokenWithHalfTheClientCredentials_isBoxauth006() {
        ConfigProblem problem = onlyProblemWithout(Map.of("box.auth.developer-token", DEV_TOKEN,
                "box.auth.client-id", "c"), DEV_TOKEN);
        assertThat(problem.id()).isEqualTo("BOXAUTH-006");
        assertThat(problem.property()).isEqualTo("box.auth.client-secret");
    }

    @Test
    void revokeOnShutdownWithADeveloperTokenAndNoClientCredentials_isBoxauth006() {
        ConfigProblem problem = onlyProblemWithout(Map.of("box.auth.developer-token", DEV_TOKEN,
                "box.auth.revoke-on-shutdown", "true"), DEV_TOKEN);
        assertThat(problem.id()).isEqualTo("BOXAUTH-006");
        assertThat(problem.property()).isEqualTo("box.auth.client-id");
        assertThat(problem.message()).contains("box.auth.revoke-on-shutdown");
    }

    @Test
    void oauthWithoutRedirectUri_isBoxauth006() {
        Map<String, String> p = oauth();
        p.remove("box.auth.oauth.redirect-uri");
        p.put("box.auth.method", "oauth");

        ConfigProblem problem = onlyProblem(p);

        assertThat(problem.id()).isEqualTo("BOXAUTH-006");
        assertThat(problem.property()).isEqualTo("box.auth.oauth.redirect-uri");
        assertThat(problem.message()).contains("Redirect URI");
    }

    @Test
    void aRedirectUriThatIsNotAbsoluteHttpsOrHasAFragment_isAProblem() {
        Map<String, String> p = oauth();
        p.put("box.auth.oauth.redirect-uri", "/box/oauth/callback");
        assertThat(onlyProblem(p).id()).isEqualTo("BOXAUTH-016");
        p.put("box.auth.oauth.redirect-uri", "http://app.example.com/box/oauth/callback");
        assertThat(onlyProblem(p).id()).isEqualTo("BOXAUTH-017");
        p.put("box.auth.oauth.redirect-uri", "https://app.example.com/box/oauth/callback#top");
        ConfigProblem fragment = onlyProblem(p);
        assertThat(fragment.id()).isEqualTo("BOXAUTH-027");
        assertThat(fragment.property()).isEqualTo("box.auth.oauth.redirect-uri");
        p.put("box.auth.oauth.redirect-uri", "http://127.0.0.1:9080/box/oauth/callback");
        assertThat(SettingsReader.read(p).oauth().redirectUri().getPort()).isEqualTo(9080);
    }

    @Test
    void aCallbackPathThatIsNotRelative_isBoxauth024() {
        Map<String, String> p = oauth();
        for (String path : new String[] {"/box/oauth/callback", "https://evil.example/cb", "box//callback",
                "box/../callback", "box/callback?x=1", "box/callback/", "./callback"}) {
            p.put("box.auth.oauth.callback-path", path);
            ConfigProblem problem = onlyProblem(p);
            assertThat(problem.id()).as(path).isEqualTo("BOXAUTH-024");
            assertThat(problem.property()).isEqualTo("box.auth.oauth.callback-path");
        }
    }

    @Test
    void anAfterSignInThatIsAnOpenRedirect_isBoxauth025() {
        Map<String, String> p = oauth();
        for (String target : new String[] {"https://evil.example/", "//evil.example", "/\\evil.example",
                "///evil.example", "/a//evil.example", "evil.example", "javascript:alert(1)", "/files/../../x",
                "/ evil"}) {
            p.put("box.auth.oauth.after-sign-in", target);
            ConfigProblem problem = onlyProblem(p);
            assertThat(problem.id()).as(target).isEqualTo("BOXAUTH-025");
            assertThat(problem.property()).isEqualTo("box.auth.oauth.after-sign-in");
        }
        p.put("box.auth.oauth.after-sign-in", "/app/home#files");
        assertThat(SettingsReader.read(p).oauth().afterSignIn()).isEqualTo("/app/home#files");
    }

    @Test
    void userCacheSizeThatIsNotAPositiveNumber_isBoxauth026() {
        Map<String, String> p = ccg();
        for (String size : new String[] {"0", "-5", "ten", "1.5", "99999999999"}) {
            p.put("box.auth.user-cache-size", size);
            ConfigProblem problem = onlyProblem(p);
            assertThat(problem.id()).as(size).isEqualTo("BOXAUTH-026");
            assertThat(problem.property()).isEqualTo("box.auth.user-cache-size");
        }
        p.put("box.auth.user-cache-size", "7");
        assertThat(SettingsReader.read(p).userCacheSize()).isEqualTo(7);
    }

    @Test
    void revokeUrlAndRevokeOnShutdown_areRead_andChecked() {
        Map<String, String> p = ccg();
        p.put("box.auth.revoke-url", "http://127.0.0.1:8080/oauth2/revoke");
        p.put("box.auth.revoke-on-shutdown", "true");
        Settings s = SettingsReader.read(p);
        assertThat(s.revokeUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/oauth2/revoke"));
        assertThat(s.revokeOnShutdown()).isTrue();

        p.put("box.auth.revoke-url", "http://box.example/oauth2/revoke");
        p.put("box.auth.revoke-on-shutdown", "sometimes");
        assertThat(failure(p).problems()).extracting(ConfigProblem::id, ConfigProblem::property).containsExactly(
                tuple("BOXAUTH-017", "box.auth.revoke-url"),
                tuple("BOXAUTH-020", "box.auth.revoke-on-shutdown"));
    }

    @Test
    void aJwtJsonWithoutAppAuth_withMethodJwt_isBoxauth005() {
        BoxConfigException e = failure(Map.of("box.auth.config", jsonWithoutAppAuth(), "box.auth.method", "jwt"));
        assertThat(e.problems()).extracting(ConfigProblem::id)
                .containsExactly("BOXAUTH-005", "BOXAUTH-006", "BOXAUTH-006");
        assertThat(e.problems().get(0).property()).isEqualTo("box.auth.config (boxAppSettings.appAuth)");
    }

    @Test
    void settings_refuseAnotherMethodsFields() {
        Settings s = SettingsReader.read(ccg());
        assertThatIllegalArgumentException().isThrownBy(() -> new Settings(
                AuthMethod.DEVELOPER_TOKEN, s.clientId(), s.clientSecret(), s.subject(), null, null,
                new Secret("t"), s.tokenUrl(), s.revokeUrl(), s.apiUrl(), s.connectTimeout(),
                s.readTimeout(), s.totalTimeout(), s.refreshMargin(), false, 1, false, null, null));
    }

    // --- the shared store ---

    private static final String STORE_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void store_isLocalByDefault_andJcacheReadsItsCacheNameAndKeysInOrder() {
        assertThat(SettingsReader.read(ccg()).store()).isNull();

        Map<String, String> p = ccg();
        p.put("box.auth.store", "jcache");
        p.put("box.auth.store.keys", "k2:" + STORE_KEY + ", k1:" + Base64.getEncoder().encodeToString(new byte[16]));
        StoreSettings store = SettingsReader.read(p).store();

        assertThat(store.cacheName()).isEqualTo("box-auth-tokens");
        assertThat(store.keys()).extracting(StoreSettings.StoreKey::id).containsExactly("k2", "k1");
        assertThat(store.toString()).doesNotContain(STORE_KEY).contains("k2");
    }

    @Test
    void store_jcacheWithoutKeys_isBoxauth041_sayingHowToMakeOne() {
        Map<String, String> p = ccg();
        p.put("box.auth.store", "jcache");

        ConfigProblem problem = onlyProblem(p);

        assertThat(problem.id()).isEqualTo("BOXAUTH-041");
        assertThat(problem.property()).isEqualTo("box.auth.store.keys");
        assertThat(problem.message()).contains("openssl rand -base64 32");
    }

    @Test
    void store_keysThatAreNotIdColonBase64OfAnAesKeySize_areBoxauth041_withoutShowingTheKey() {
        String shortKey = Base64.getEncoder().encodeToString("twelve bytes".getBytes());
        for (String keys : List.of(shortKey, "k1:" + shortKey, "k1:not base64!", "k 1:" + STORE_KEY,
                "k1:" + STORE_KEY + ",k1:" + STORE_KEY)) {
            Map<String, String> p = ccg();
            p.put("box.auth.store", "jcache");
            p.put("box.auth.store.keys", keys);

            ConfigProblem problem = onlyProblem(p);

            assertThat(problem.id()).as(keys).isEqualTo("BOXAUTH-041");
            assertThat(problem.message()).doesNotContain(shortKey).doesNotContain(STORE_KEY);
        }
    }

    @Test
    void store_unknownKindOrStoreSettingsWithoutJcache_areBoxauth040() {
        Map<String, String> unknown = ccg();
        unknown.put("box.auth.store", "redis");
        assertThat(onlyProblem(unknown).id()).isEqualTo("BOXAUTH-040");

        Map<String, String> stray = ccg();
        stray.put("box.auth.store.keys", "k1:" + STORE_KEY);
        ConfigProblem problem = onlyProblem(stray);
        assertThat(problem.id()).isEqualTo("BOXAUTH-040");
        assertThat(problem.property()).isEqualTo("box.auth.store.keys");
        assertThat(problem.message()).doesNotContain(STORE_KEY);
    }

    @Test
    void aNamedMethodWithNothingElse_isToldWhatThatMethodLacks_notToConfigureAnotherMethod() {
        BoxConfigException e = failure(Map.of("box.auth.method", "oauth"));

        assertThat(e.problems()).extracting(ConfigProblem::id).doesNotContain("BOXAUTH-019").contains("BOXAUTH-006");
        assertThat(e.problems()).extracting(ConfigProblem::property).contains("box.auth.oauth.redirect-uri");
        assertThat(e.getMessage()).doesNotContain("Client Credentials");
    }

    @Test
    void oauthSessionsAndSignIn_haveTheirDocumentedDefaults_andTakeDurations() {
        OAuthSettings defaults = SettingsReader.read(oauth()).oauth();
        assertThat(defaults.signInTimeout()).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(defaults.sessionIdleTimeout()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(defaults.sessionLifetime()).isEqualTo(java.time.Duration.ofHours(12));

        Map<String, String> p = oauth();
        p.put("box.auth.oauth.session-idle-timeout", "15m");
        p.put("box.auth.oauth.session-lifetime", "0");
        assertThat(onlyProblem(p)).satisfies(problem -> {
            assertThat(problem.id()).isEqualTo("BOXAUTH-018");
            assertThat(problem.property()).isEqualTo("box.auth.oauth.session-lifetime");
        });
    }

    @Test
    void aFragmentInAnyUrl_isBoxauth027() {
        Map<String, String> p = ccg();
        p.put("box.auth.token-url", "https://api.box.com/oauth2/token#x");

        assertThat(onlyProblem(p).id()).isEqualTo("BOXAUTH-027");
    }
}
