package dev.boxauth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.BoxAuth;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.CcgApp;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.testing.ForkedJava;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The configuration check as a command: which app it checks, where from, what it prints, its exit
 * status, and that no secret is ever printed. Box is the emulator, reached through box.auth.token-url
 * and box.auth.api-url, so that no test depends on the network.
 */
class CheckCommandTest {

    private BoxEmulator box;
    private final Map<String, String> systemProperties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private String out;
    private String err;

    @BeforeEach
    void start() {
        box = BoxEmulator.start();
        // What every process has, and the check must not take for configuration.
        systemProperties.put("java.version", "17");
        environment.put("PATH", "/usr/bin");
    }

    @AfterEach
    void stop() {
        box.close();
    }

    private int check(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = CheckCommand.run(args, systemProperties, environment,
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return status;
    }

    private List<String> outLines() {
        return out.lines().toList();
    }

    /** Box's URLs, as system properties: the emulator's. */
    private void pointAtTheEmulator() {
        systemProperties.put("box.auth.token-url", box.tokenUrl());
        systemProperties.put("box.auth.api-url", box.apiUrl());
    }

    // ---- which app, and where from

    @Test
    void nothingConfigured_checksTheEmulator_andSaysSoInTheFirstLine() {
        assertThat(check()).isZero();

        assertThat(outLines().get(0)).startsWith("No box.auth.* property or BOX_AUTH_* variable is set: checking a"
                + " new JWT app of the embedded Box emulator at http://127.0.0.1:").endsWith(", offline, not Box.");
        assertThat(out).contains("OK: Box issued a token");
        assertThat(err).isEmpty();
    }

    @Test
    void aMisspelledProperty_isReportedAsUnknown_andTheEmulatorIsNotUsed() {
        systemProperties.put("box.auth.config-flie", "/tmp/config.json");

        assertThat(check()).isEqualTo(1);

        assertThat(outLines()).containsExactly(
                "Checking the default Box app, configured by box.auth.config-flie (system property).");
        assertThat(err).contains("BOXAUTH-001 box.auth.config-flie: unknown property.")
                .contains("Exit status 1: the configuration is wrong; nothing was sent to Box.");
        assertThat(box.tokenRequests()).isZero();
    }

    @Test
    void aMisspelledEnvironmentVariable_isReportedAsUnknown() {
        environment.put("BOX_AUTH_CONFIG_FLIE", "/tmp/config.json");

        assertThat(check()).isEqualTo(1);

        assertThat(outLines().get(0)).isEqualTo(
                "Checking the default Box app, configured by BOX_AUTH_CONFIG_FLIE (environment variable).");
        assertThat(err).contains("BOXAUTH-001 BOX_AUTH_CONFIG_FLIE: unknown environment variable.");
    }

    @Test
    void onlyABoxUrl_isNoAppToCheck() {
        pointAtTheEmulator();

        assertThat(check()).isEqualTo(1);

        assertThat(err).contains("BOXAUTH-019 box.auth.config-file: no Box app is configured.");
        assertThat(box.tokenRequests()).isZero();
    }

    @Test
    void aDeveloperToken_isCheckedAgainstTheConfiguredApi_notTheEmulator() {
        String developerToken = tokenOfAnotherApp();
        pointAtTheEmulator();
        systemProperties.put("box.auth.developer-token", developerToken);

        assertThat(check()).isZero();

        assertThat(outLines()).hasSize(8);
        assertThat(outLines().get(0)).startsWith("Checking the default Box app, configured by box.auth.api-url"
                + " (system property), box.auth.developer-token (system property), box.auth.token-url");
        assertThat(out).contains("Method:     developer token", "Subject:    whoever generated the developer token",
                "Token:      a developer token, whose expiry Box does not tell: 60 minutes after it was generated, and it"
                        + " cannot be refreshed" + System.lineSeparator())
                .doesNotContain("emulator").doesNotContain(developerToken);
    }

    @Test
    void aRefusedDeveloperToken_exitsWith3() {
        pointAtTheEmulator();
        systemProperties.put("box.auth.developer-token", "x".repeat(32));

        assertThat(check()).isEqualTo(3);

        assertThat(err).startsWith("Box refused: The Box developer token is no longer valid")
                .endsWith("Exit status 3." + System.lineSeparator()).doesNotContain("x".repeat(32));
        assertThat(out).doesNotContain("x".repeat(32));
    }

    // ---- each method

    @Test
    void aJwtApp_printsTheAppMethodSubjectTokenLifetimeUserAndEnterprise() {
        JwtApp app = box.createJwtApp();
        pointAtTheEmulator();
        environment.put("BOX_AUTH_CONFIG", app.configJson());

        assertThat(check()).isZero();

        assertThat(outLines()).containsExactly(
                "Checking the default Box app, configured by BOX_AUTH_CONFIG (environment variable),"
                        + " box.auth.api-url (system property), box.auth.token-url (system property).",
                "App:        client id " + app.clientId(),
                "Method:     JWT (key id " + app.keyId() + ", RS256)",
                "Subject:    the Service Account of enterprise " + app.enterpriseId(),
                outLines().get(4),
                "User:       " + app.serviceAccount().name() + " (user id " + app.serviceAccount().id() + ", login "
                        + app.serviceAccount().login() + ")",
                "Enterprise: " + app.enterpriseId() + " (as configured; Box's answer names none)",
                "OK: Box issued a token and 127.0.0.1 accepted it.");
        assertThat(outLines().get(4)).matches("Token:      issued, expires in 60 min \\(\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\\),"
                + " from " + box.tokenUrl());
        assertThat(err).isEmpty();
        assertNoSecretPrinted(app.clientSecret(), app.privateKeyPem());
    }

    @Test
    void aClientCredentialsApp_forAUser_namesThatUser() {
        CcgApp app = box.createCcgApp();
        var user = app.createUser("Ada Lovelace");
        pointAtTheEmulator();
        environment.put("BOX_AUTH_CLIENT_ID", app.clientId());
        environment.put("BOX_AUTH_CLIENT_SECRET", app.clientSecret());
        environment.put("BOX_AUTH_USER_ID", user.id());

        assertThat(check()).isZero();

        assertThat(out).contains("Method:     Client Credentials Grant", "Subject:    user " + user.id(),
                "User:       Ada Lovelace (user id " + user.id(), "Enterprise: none in Box's answer");
        assertNoSecretPrinted(app.clientSecret());
    }

    @Test
    void aWrongClientSecret_exitsWith3_namingBoxsError() {
        CcgApp app = box.createCcgApp();
        pointAtTheEmulator();
        environment.put("BOX_AUTH_CLIENT_ID", app.clientId());
        environment.put("BOX_AUTH_CLIENT_SECRET", "wrong-" + app.clientSecret());
        environment.put("BOX_AUTH_ENTERPRISE_ID", app.enterpriseId());

        assertThat(check()).isEqualTo(3);

        assertThat(err).startsWith("Box refused: ").contains("invalid_grant").endsWith("Exit status 3."
                + System.lineSeparator());
        assertNoSecretPrinted(app.clientSecret(), "wrong-" + app.clientSecret());
    }

    @Test
    void anUnreachableTokenEndpoint_exitsWith2() throws IOException {
        CcgApp app = box.createCcgApp();
        systemProperties.put("box.auth.token-url", "http://127.0.0.1:" + closedPort() + "/oauth2/token");
        systemProperties.put("box.auth.total-timeout", "1s");
        environment.put("BOX_AUTH_CLIENT_ID", app.clientId());
        environment.put("BOX_AUTH_CLIENT_SECRET", app.clientSecret());
        environment.put("BOX_AUTH_ENTERPRISE_ID", app.enterpriseId());

        assertThat(check()).isEqualTo(2);

        assertThat(err).startsWith("Box could not be reached or is unavailable: ").endsWith("Exit status 2."
                + System.lineSeparator());
        assertNoSecretPrinted(app.clientSecret());
    }

    @Test
    void anUnreachableApi_exitsWith2() throws IOException {
        CcgApp app = box.createCcgApp();
        systemProperties.put("box.auth.token-url", box.tokenUrl());
        systemProperties.put("box.auth.api-url", "http://127.0.0.1:" + closedPort() + "/2.0");
        environment.put("BOX_AUTH_CLIENT_ID", app.clientId());
        environment.put("BOX_AUTH_CLIENT_SECRET", app.clientSecret());
        environment.put("BOX_AUTH_ENTERPRISE_ID", app.enterpriseId());

        assertThat(check()).isEqualTo(2);

        assertThat(out).contains("Token:      issued");
        assertThat(err).startsWith("Box could not be reached or is unavailable: Cannot reach the Box API at 127.0.0.1");
    }

    @Test
    void anOAuthApp_isValidatedButNotChecked_andExitsWith4() {
        systemProperties.put("box.auth.client-id", "abc123");
        systemProperties.put("box.auth.oauth.redirect-uri", "https://app.example.com/api/box/oauth/callback");
        environment.put("BOX_AUTH_CLIENT_SECRET", "oauth-secret-value");

        assertThat(check()).isEqualTo(4);

        assertThat(out).contains("Method:     OAuth 2.0 (redirect URI https://app.example.com/api/box/oauth/callback)",
                "Not checked: an OAuth 2.0 token belongs to a user who signs in with a browser");
        assertNoSecretPrinted("oauth-secret-value");
    }

    @Test
    void aBrokenOAuthApp_exitsWith1() {
        systemProperties.put("box.auth.oauth.redirect-uri", "https://app.example.com/api/box/oauth/callback");

        assertThat(check()).isEqualTo(1);

        assertThat(err).contains("BOXAUTH-006 box.auth.client-id: is not set.");
    }

    // ---- named apps

    @Test
    void aNamedApp_isCheckedWithApp_underItsOwnNames() {
        CcgApp app = box.createCcgApp();
        systemProperties.put("box.auth.archive.token-url", box.tokenUrl());
        systemProperties.put("box.auth.archive.api-url", box.apiUrl());
        environment.put("BOX_AUTH_ARCHIVE_CLIENT_ID", app.clientId());
        environment.put("BOX_AUTH_ARCHIVE_CLIENT_SECRET", app.clientSecret());
        environment.put("BOX_AUTH_ARCHIVE_ENTERPRISE_ID", app.enterpriseId());

        assertThat(check("--app", "archive")).isZero();

        assertThat(outLines().get(0)).startsWith("Checking the Box app \"archive\", configured by"
                + " BOX_AUTH_ARCHIVE_CLIENT_ID (environment variable)");
        assertThat(out).contains("App:        client id " + app.clientId());
    }

    @Test
    void aNamedAppsProblem_isReportedUnderItsOwnName() {
        systemProperties.put("box.auth.archive.client-id", "abc123");
        systemProperties.put("box.auth.archive.client-sceret", "s");

        assertThat(check("--app", "archive")).isEqualTo(1);

        assertThat(err).contains("BOXAUTH-001 box.auth.archive.client-sceret: unknown property.");
    }

    @Test
    void aNamedAppAlone_isNotTheDefaultApp_andTheCheckSaysHowToCheckIt() {
        systemProperties.put("box.auth.archive.client-id", "abc123");
        environment.put("BOX_AUTH_ARCHIVE_CLIENT_SECRET", "archive-secret");

        assertThat(check()).isEqualTo(1);

        assertThat(outLines()).containsExactly("Checking the default Box app, which nothing configures.",
                "Not checked: the app \"archive\" (box.auth.archive.*), the app of BOX_AUTH_ARCHIVE_* (check one"
                        + " with --app APP).");
        assertThat(err).contains("BOXAUTH-019").doesNotContain("BOXAUTH-001");
        assertNoSecretPrinted("archive-secret");
    }

    // ---- the command line

    @Test
    void help_listsTheExitStatuses() {
        assertThat(check("--help")).isZero();

        assertThat(out).startsWith("Usage: java [-Dbox.auth.NAME=VALUE ...] -jar box-auth-VERSION-check.jar")
                .contains("  0  Box issued a token", "  1  the configuration", "  2  Box could not be reached",
                        "  3  Box refused", "  4  OAuth 2.0");
        assertThat(box.tokenRequests()).isZero();
    }

    @Test
    void propertiesAsArguments_overrideSystemProperties_evenWrittenAsDashD() {
        JwtApp app = box.createJwtApp();
        systemProperties.put("box.auth.api-url", "http://127.0.0.1:1/2.0");

        assertThat(check("-Dbox.auth.api-url=" + box.apiUrl(), "box.auth.token-url=" + box.tokenUrl(),
                "box.auth.config=" + app.configJson())).isZero();

        assertThat(outLines().get(0)).contains("box.auth.api-url (argument)").doesNotContain("(system property)");
        assertNoSecretPrinted(app.clientSecret(), app.privateKeyPem());
    }

    @Test
    void anUnknownArgument_exitsWith1_withoutEchoingIt() {
        assertThat(check("--client-secret", "s3cr3t-value")).isEqualTo(1);

        assertThat(err).startsWith("Argument 1 is not an option of this command.").contains("Usage:");
        assertNoSecretPrinted("s3cr3t-value", "--client-secret");
    }

    @Test
    void theCommandInItsOwnJvm_exitsWithTheStatus_andPrintsNoSlf4jOrInfoLines() throws Exception {
        JwtApp app = box.createJwtApp();

        ForkedJava.Result ok = ForkedJava.run(CheckCommand.class.getName(), Map.of("BOX_AUTH_CONFIG",
                app.configJson(), "BOX_AUTH_TOKEN_URL", box.tokenUrl(), "BOX_AUTH_API_URL", box.apiUrl()));
        ForkedJava.Result misspelled = ForkedJava.run(CheckCommand.class.getName(), Map.of(),
                "box.auth.config-flie=/tmp/config.json");

        assertThat(ok.exitCode()).isZero();
        assertThat(ok.stdout()).contains("OK: Box issued a token");
        assertThat(ok.stderr()).isEmpty();
        assertThat(misspelled.exitCode()).isEqualTo(1);
        assertThat(misspelled.stderr()).contains("BOXAUTH-001 box.auth.config-flie");
    }

    // ----

    private String tokenOfAnotherApp() {
        CcgApp other = box.createCcgApp();
        try (BoxTokenProvider provider = BoxAuth.fromProperties(Map.of("box.auth.client-id", other.clientId(),
                "box.auth.client-secret", other.clientSecret(), "box.auth.enterprise-id", other.enterpriseId(),
                "box.auth.token-url", box.tokenUrl()))) {
            return provider.accessToken();
        }
    }

    /** Neither a secret given nor any token the emulator issued appears in what the command printed. */
    private void assertNoSecretPrinted(String... secrets) {
        String printed = out + err;
        for (String secret : secrets) {
            assertThat(printed).doesNotContain(secret);
            // A PEM key's lines one by one, so that a part of it printed is caught too.
            secret.lines().filter(line -> line.length() > 20).forEach(line -> assertThat(printed).doesNotContain(line));
        }
        assertThat(box.issuedAccessTokens()).allSatisfy(token -> assertThat(printed).doesNotContain(token));
        assertThat(printed).doesNotContain("PRIVATE KEY");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
