package dev.boxauth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.boxauth.ConfigProblem;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.config.SettingsReader;
import dev.boxauth.testing.CapturedLog;
import dev.boxauth.testing.Together;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When and how often the settings follow their files; {@link ConfigRotationTest} asks Box with them. */
class CurrentSettingsTest {

    private static final Instant WRITTEN = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path dir;
    private int writes;

    @Test
    void checked_readsOneChangeOnce_andEveryConcurrentCallerGetsTheSameNewSettings() throws Exception {
        Path file = dir.resolve("config.json");
        write(file, ccgJson("first-secret"));
        CurrentSettings settings = new CurrentSettings(read(file));
        write(file, ccgJson("second-secret"));

        try (CapturedLog log = new CapturedLog()) {
            List<Settings> seen = Together.call(8, settings::checked);

            assertThat(seen).allSatisfy(s -> assertThat(s).isSameAs(seen.get(0)));
            assertThat(seen.get(0).clientSecret().reveal()).isEqualTo("second-secret");
            assertThat(log.records()).filteredOn(r -> r.getMessage().contains("read the changed")).hasSize(1);
        }
    }

    @Test
    void checked_warnsOncePerBrokenChange_andKeepsTheSettingsItHad() throws IOException {
        Path file = dir.resolve("config.json");
        write(file, ccgJson("first-secret"));
        Settings first = read(file);
        CurrentSettings settings = new CurrentSettings(first);

        try (CapturedLog log = new CapturedLog()) {
            write(file, "{");
            settings.checked();
            settings.checked();
            write(file, "{\"boxAppSettings\": {}}");

            assertThat(settings.checked()).isSameAs(first);
            assertThat(settings.checked()).isSameAs(first);
            assertThat(warnings(log)).hasSize(2);
            assertThat(settings.problems()).extracting(ConfigProblem::id).containsExactly("BOXAUTH-022");
        }
    }

    @Test
    void checked_wrongPassphraseInTheChangedFile_keepsTheKeyInUse() throws Exception {
        Path file = dir.resolve("config.json");
        String console = Files.readString(Path.of(getClass().getResource("/keys/console-config.json").toURI()));
        write(file, console);
        Settings first = read(file);
        CurrentSettings settings = new CurrentSettings(first);

        try (CapturedLog log = new CapturedLog()) {
            write(file, console.replace("box-auth-test-only", "not-the-passphrase"));

            assertThat(settings.checked()).isSameAs(first);
            assertThat(settings.problems()).extracting(ConfigProblem::id, ConfigProblem::property).containsExactly(
                    tuple("BOXAUTH-011", "box.auth.config-file (boxAppSettings.appAuth.passphrase)"));
            assertThat(log.text()).contains("BOXAUTH-011").doesNotContain("not-the-passphrase", "box-auth-test-only");
        }
    }

    @Test
    void checked_withoutFiles_neverRereads() {
        Settings fromProperties = SettingsReader.read(Map.of("box.auth.client-id", "client",
                "box.auth.client-secret", "secret", "box.auth.enterprise-id", "1"));
        CurrentSettings settings = new CurrentSettings(fromProperties);

        assertThat(fromProperties.files()).isNull();
        assertThat(settings.checked()).isSameAs(fromProperties);
        assertThat(settings.problems()).isNull();
    }

    private static Settings read(Path file) {
        return SettingsReader.read(Map.of("box.auth.config-file", file.toString()));
    }

    /** Writes the file with a modification time of its own, so that nothing depends on the clock's resolution. */
    private void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(WRITTEN.plusSeconds(writes++)));
    }

    private static List<LogRecord> warnings(CapturedLog log) {
        return log.records().stream().filter(r -> r.getLevel() == Level.WARNING).toList();
    }

    private static String ccgJson(String clientSecret) {
        return "{\"boxAppSettings\": {\"clientID\": \"client\", \"clientSecret\": \"" + clientSecret
                + "\"}, \"enterpriseID\": \"1\"}";
    }
}
