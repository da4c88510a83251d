package dev.boxauth.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.boxauth.BoxConfigException;
import dev.boxauth.ConfigProblem;
import dev.boxauth.testing.Keys;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsReaderTest {

    private static final String SECRET = "the-client-secret-0123456789";

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

    private static BoxConfigException failure(Map<String, String> properties) {
        return catchThrowableOfType(BoxConfigException.class, () -> SettingsReader.read(properties));
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

        assertThat(s.clientId()).isEqualTo("client1");
        assertThat(s.clientSecret().reveal()).isEqualTo(SECRET);
        assertThat(s.subject()).isEqualTo(Subject.enterprise("1234"));
        assertThat(s.keyId()).isEqualTo("kid1");
        assertThat(s.algorithm()).isEqualTo("RS256");
        assertThat(s.tokenUrl()).isEqualTo(URI.create("https://api.box.com/oauth2/token"));
        assertThat(s.apiUrl()).isEqualTo(URI.create("https://api.box.com/2.0"));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.refreshMargin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.toString()).doesNotContain(SECRET).contains("client1", "<redacted>");
    }

    @Test
    void read_consoleJsonInline() {
        Settings s = SettingsReader.read(Map.of("box.auth.config", consoleJson("555")));

        assertThat(s.clientId()).isEqualTo("json-client");
        assertThat(s.keyId()).isEqualTo("json-kid");
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
        assertThat(s.algorithm()).isEqualTo("RS512");
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
        assertThat(SettingsReader.read(p).privateKey().getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void nothingConfigured_isBoxauth019() {
        ConfigProblem p = onlyProblem(Map.of());
        assertThat(p.id()).isEqualTo("BOXAUTH-019");
        assertThat(p.message()).contains("box.auth.config-file", "Developer Console");
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
        BoxConfigException e = failure(Map.of("box.auth.client-id", "c"));

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

        assertThat(s.privateKey().getModulus().bitLength()).isEqualTo(2048);
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
}
