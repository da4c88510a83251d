package dev.boxauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.boxauth.BoxTokenProvider;
import dev.boxauth.ConfigProblem;
import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.BoxUser;
import dev.boxauth.emulator.CcgApp;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.emulator.internal.DeveloperConsoleConfig;
import dev.boxauth.emulator.internal.KeyMaterial;
import dev.boxauth.internal.config.SettingsReader;
import dev.boxauth.testing.CapturedLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials rotated on disk without a restart: a changed config or key file is read before the next
 * token request; a broken one keeps the working configuration and is reported. A refresh is forced by
 * invalidating the cached token, and every file change sets its modification time explicitly, so that
 * nothing depends on the file system's timestamp resolution or on waiting.
 */
class ConfigRotationTest {

    private static final KeyPair FIRST_KEY = KeyMaterial.newRsaKeyPair();
    private static final KeyPair SECOND_KEY = KeyMaterial.newRsaKeyPair();
    private static final Instant WRITTEN = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path dir;
    private Path configFile;
    private int writes;
    private BoxEmulator box;
    private CapturedLog log;

    @BeforeEach
    void start() {
        box = BoxEmulator.start();
        configFile = dir.resolve("config.json");
        log = new CapturedLog();
    }

    @AfterEach
    void stop() {
        log.close();
        box.close();
    }

    @Test
    void newKeyPairInTheConfigFile_nextTokenRequestsOfTheAppAndItsUsersAreSignedWithTheNewKeyId() throws IOException {
        JwtApp app = box.registerJwtApp("rotating-client", "client-secret-0123", "123456", "kid1", FIRST_KEY.getPublic());
        BoxUser user = app.createUser("Ada Lovelace");
        write(configFile, jwtJson(app.clientSecret(), "kid1", FIRST_KEY));
        try (BoxTokenProvider provider = provider(Map.of("box.auth.config-file", configFile.toString()))) {
            String first = provider.accessToken();

            app.addPublicKey("kid2", SECOND_KEY.getPublic());
            write(configFile, jwtJson(app.clientSecret(), "kid2", SECOND_KEY));
            app.removePublicKey("kid1");
            provider.invalidate(first);

            assertThat(provider.accessToken()).isNotEqualTo(first);
            assertThat(provider.forUser(user.id()).accessToken()).isNotBlank();
            assertThat(box.errors()).isEmpty();
            assertThat(ProviderStatus.of(provider).problems()).isEmpty();
            assertThat(log.text()).contains("INFO", "read the changed box.auth.config-file", "key id kid2");
        }
    }

    @Test
    void newKeyFileAndKeyId_nextTokenRequestUsesThem() throws IOException {
        JwtApp app = box.registerJwtApp("rotating-client", "client-secret-0123", "123456", "kid1", FIRST_KEY.getPublic());
        Path keyFile = dir.resolve("private.pem");
        write(configFile, jwtJsonWithoutKey("kid1"));
        write(keyFile, KeyMaterial.pkcs8Pem(FIRST_KEY.getPrivate()));
        try (BoxTokenProvider provider = provider(Map.of("box.auth.config-file", configFile.toString(),
                "box.auth.jwt.private-key-file", keyFile.toString()))) {
            String first = provider.accessToken();

            app.addPublicKey("kid2", SECOND_KEY.getPublic());
            write(keyFile, KeyMaterial.pkcs8Pem(SECOND_KEY.getPrivate()));
            write(configFile, jwtJsonWithoutKey("kid2"));
            app.removePublicKey("kid1");
            provider.invalidate(first);

            assertThat(provider.accessToken()).isNotEqualTo(first);
            assertThat(box.errors()).isEmpty();
        }
    }

    @Test
    void clientSecretResetInTheConfigFile_nextTokenRequestSendsTheNewSecret() throws IOException {
        CcgApp app = box.createCcgApp();
        write(configFile, ccgJson(app, app.clientSecret()));
        try (BoxTokenProvider provider = provider(Map.of("box.auth.config-file", configFile.toString()))) {
            String first = provider.accessToken();

            write(configFile, ccgJson(app, app.resetClientSecret()));
            provider.invalidate(first);

            assertThat(provider.accessToken()).isNotEqualTo(first);
            assertThat(box.errors()).isEmpty();
        }
    }

    @Test
    void clientSecretResetInTheConfigFile_revokeSendsTheNewSecret() throws IOException {
        CcgApp app = box.createCcgApp();
        write(configFile, ccgJson(app, app.clientSecret()));
        try (BoxTokenProvider provider = provider(Map.of("box.auth.config-file", configFile.toString()))) {
            provider.accessToken();

            write(configFile, ccgJson(app, app.resetClientSecret()));
            provider.revoke();

            assertThat(box.revocations()).isEqualTo(1);
            assertThat(box.errors()).isEmpty();
        }
    }

    @Test
    void corruptConfigFile_keepsTheWorkingConfiguration_warnsOnce_andIsReportedUntilFixed() throws IOException {
        CcgApp app = box.createCcgApp();
        String good = ccgJson(app, app.clientSecret());
        write(configFile, good);
        try (BoxTokenProvider provider = provider(Map.of("box.auth.config-file", configFile.toString()))) {
            String first = provider.accessToken();

            write(configFile, "{\"boxAppSettings\": {\"clientSecret\": \"" + app.clientSecret());
            provider.invalidate(first);
            String second = provider.accessToken();
            provider.invalidate(second);
            provider.accessToken();

            assertThat(box.tokenRequests()).isEqualTo(3);
            assertThat(ProviderStatus.of(provider).problems()).extracting(ConfigProblem::id, ConfigProblem::property)
                    .containsExactly(tuple("BOXAUTH-004", "box.auth.config-file"));
            List<LogRecord> warnings = warnings();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).getThrown()).isNull();
            assertThat(log.text()).contains("BOXAUTH-004 box.auth.config-file", "keeps the configuration it had")
                    .doesNotContain(app.clientSecret());

            write(configFile, good);
            provider.invalidate(provider.accessToken());
            provider.accessToken();

            assertThat(ProviderStatus.of(provider).problems()).isEmpty();
            assertThat(warnings()).hasSize(1);
        }
    }

    @Test
    void missingKeyFile_keepsTheWorkingKeyUntilTheFileIsBack() throws IOException {
        box.registerJwtApp("rotating-client", "client-secret-0123", "123456", "kid1", FIRST_KEY.getPublic());
        Path keyFile = dir.resolve("private.pem");
        write(configFile, jwtJsonWithoutKey("kid1"));
        write(keyFile, KeyMaterial.pkcs8Pem(FIRST_KEY.getPrivate()));
        try (BoxTokenProvider provider = provider(Map.of("box.auth.config-file", configFile.toString(),
                "box.auth.jwt.private-key-file", keyFile.toString()))) {
            String first = provider.accessToken();

            Files.delete(keyFile);
            provider.invalidate(first);
            String second = provider.accessToken();

            assertThat(second).isNotEqualTo(first);
            assertThat(ProviderStatus.of(provider).problems()).extracting(ConfigProblem::id)
                    .containsExactly("BOXAUTH-003");

            write(keyFile, KeyMaterial.pkcs8Pem(FIRST_KEY.getPrivate()));
            provider.invalidate(second);
            provider.accessToken();

            assertThat(ProviderStatus.of(provider).problems()).isEmpty();
        }
    }

    @Test
    void configFileOfAnotherApp_isRefused_andTheFirstAppKeepsItsTokens() throws IOException {
        CcgApp app = box.createCcgApp();
        CcgApp other = box.createCcgApp();
        write(configFile, ccgJson(app, app.clientSecret()));
        try (BoxTokenProvider provider = provider(Map.of("box.auth.config-file", configFile.toString()))) {
            String first = provider.accessToken();

            write(configFile, ccgJson(other, other.clientSecret()));
            provider.invalidate(first);
            provider.accessToken();

            assertThat(box.tokenRequests()).isEqualTo(2);
            assertThat(ProviderStatus.of(provider).problems()).extracting(ConfigProblem::id)
                    .containsExactly("BOXAUTH-050");
            assertThat(log.text()).contains("BOXAUTH-050 box.auth.config-file", "client id " + app.clientId());
        }
    }

    @Test
    void aCachedToken_isServedWithoutLookingAtTheFiles() throws IOException {
        CcgApp app = box.createCcgApp();
        write(configFile, ccgJson(app, app.clientSecret()));
        try (BoxTokenProvider provider = provider(Map.of("box.auth.config-file", configFile.toString()))) {
            String first = provider.accessToken();

            write(configFile, "not json");

            assertThat(provider.accessToken()).isEqualTo(first);
            assertThat(ProviderStatus.of(provider).problems()).isEmpty();
            assertThat(warnings()).isEmpty();
        }
    }

    /** Refreshes run on the caller's thread, so that each token request has finished when the call returns. */
    private BoxTokenProvider provider(Map<String, String> files) {
        Map<String, String> p = new HashMap<>(files);
        p.put("box.auth.token-url", box.tokenUrl());
        p.put("box.auth.revoke-url", box.revokeUrl());
        return ProviderFactory.create(SettingsReader.read(p),
                new ProviderFactory.Options(null, Runnable::run, null, null, delay -> { }));
    }

    /** Writes the file with a modification time of its own, one second after the previous write's. */
    private void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(WRITTEN.plusSeconds(writes++)));
    }

    private List<LogRecord> warnings() {
        return log.records().stream().filter(r -> r.getLevel() == Level.WARNING).toList();
    }

    private static String jwtJson(String clientSecret, String keyId, KeyPair key) {
        return DeveloperConsoleConfig.json("rotating-client", clientSecret, keyId,
                KeyMaterial.pkcs8Pem(key.getPrivate()), "123456");
    }

    /** The console's JSON with the key id only, for a private key in its own file. */
    private static String jwtJsonWithoutKey(String keyId) {
        return "{\"boxAppSettings\": {\"clientID\": \"rotating-client\", \"clientSecret\": \"client-secret-0123\","
                + " \"appAuth\": {\"publicKeyID\": \"" + keyId + "\"}}, \"enterpriseID\": \"123456\"}";
    }

    private static String ccgJson(CcgApp app, String clientSecret) {
        return "{\"boxAppSettings\": {\"clientID\": \"" + app.clientId() + "\", \"clientSecret\": \"" + clientSecret
                + "\"}, \"enterpriseID\": \"" + app.enterpriseId() + "\"}";
    }
}
