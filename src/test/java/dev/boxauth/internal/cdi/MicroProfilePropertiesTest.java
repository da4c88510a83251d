package dev.boxauth.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boxauth.BoxConfigException;
import dev.boxauth.ConfigProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class MicroProfilePropertiesTest {

    /**
     * A Config over a map, listing the names as the map has them. Like Payara's, it resolves a password
     * alias ({@code ${ALIAS=name}}) only when asked for it by that name; inside a value it reads as absent.
     */
    private record MapConfig(Map<String, String> values, Map<String, String> aliases) implements Config {

        MapConfig(Map<String, String> values) {
            this(values, Map.of());
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow();
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            String raw = values.get(name);
            String value = raw == null || raw.startsWith("${ALIAS=") ? null : raw;
            return new ConfigValue() {
                public String getName() { return name; }
                public String getValue() { return value; }
                public String getRawValue() { return raw; }
                public String getSourceName() { return "map"; }
                public int getSourceOrdinal() { return 100; }
            };
        }

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            if (name.startsWith("${ALIAS=")) {
                return Optional.ofNullable(aliases.get(name.substring(8, name.length() - 1))).map(type::cast);
            }
            return Optional.ofNullable(getConfigValue(name).getValue()).map(type::cast);
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void read_takesKnownNames_andReportsMisspellings_butNotEnvironmentSpellingsOfKnownNames() {
        Map<String, String> read = MicroProfileProperties.read(new MapConfig(Map.of(
                "box.auth.config-file", "/c.json",
                "box.auth.token.url", "listed by an environment source",
                "box.auth.client_secret", "also an environment spelling",
                "box.auth.clientid", "a misspelling",
                "other.property", "not ours")), "", Set.of());

        assertThat(read).containsOnlyKeys("box.auth.config-file", "box.auth.clientid");
    }

    @Test
    void read_aNamedApp_underTheDefaultNames_andKeepsItOutOfTheDefaultApp() {
        MapConfig config = new MapConfig(Map.of(
                "box.auth.config-file", "/default.json",
                "box.auth.archive.config-file", "/archive.json",
                "box.auth.archive.jwt.key-id", "k2",
                "box.auth.archive.clientid", "a misspelling in the archive app"));

        assertThat(MicroProfileProperties.appNames(config)).containsExactly("archive");
        assertThat(MicroProfileProperties.read(config, "", Set.of("archive")))
                .containsOnlyKeys("box.auth.config-file");
        assertThat(MicroProfileProperties.read(config, "archive", Set.of("archive"))).containsOnly(
                Map.entry("box.auth.config-file", "/archive.json"), Map.entry("box.auth.jwt.key-id", "k2"),
                Map.entry("box.auth.clientid", "a misspelling in the archive app"));
    }

    @Test
    void appNames_ignoresPropertyGroupsAndEnvironmentSpellingsOfDefaultProperties() {
        MapConfig config = new MapConfig(Map.of(
                "box.auth.jwt.key-id", "k",
                "box.auth.jwt.key.id", "k",
                "box.auth.config.file", "/c.json",
                "box.auth.client.id", "c",
                "box.auth.reports.client.secret", "s"));

        assertThat(MicroProfileProperties.appNames(config)).containsExactly("reports");
    }

    @Test
    void named_showsTheNamedAppsPropertyNames() {
        BoxConfigException e = new BoxConfigException(List.of(new ConfigProblem("BOXAUTH-006", "box.auth.client-secret",
                "is not set. Set it, or boxAppSettings.clientSecret in the JSON of box.auth.config-file/box.auth.config.")));

        ConfigProblem problem = MicroProfileProperties.named(e, "archive").problems().get(0);

        assertThat(problem.property()).isEqualTo("box.auth.archive.client-secret");
        assertThat(problem.message()).contains("box.auth.archive.config-file/box.auth.archive.config");
    }

    @Test
    void named_showsTheNamedAppsEnvironmentVariables() {
        BoxConfigException e = new BoxConfigException(List.of(new ConfigProblem("BOXAUTH-003", "box.auth.config-file",
                "holds what looks like the JSON itself, not a path: put the JSON in box.auth.config (BOX_AUTH_CONFIG).")));

        ConfigProblem problem = MicroProfileProperties.named(e, "archive").problems().get(0);

        assertThat(problem.message()).contains("box.auth.archive.config (BOX_AUTH_ARCHIVE_CONFIG)");
    }

    @Test
    void read_resolvesAPasswordAliasThatTheServerLeavesUnresolvedInsideAValue() {
        MapConfig config = new MapConfig(Map.of(
                "box.auth.client-secret", "${ALIAS=box-client-secret}",
                "box.auth.archive.private-key-passphrase", "${ALIAS=archive-passphrase}"),
                Map.of("box-client-secret", "s3cret", "archive-passphrase", "p4ss"));

        assertThat(MicroProfileProperties.read(config, "", Set.of("archive")))
                .containsOnly(Map.entry("box.auth.client-secret", "s3cret"));
        assertThat(MicroProfileProperties.read(config, "archive", Set.of("archive")))
                .containsOnly(Map.entry("box.auth.private-key-passphrase", "p4ss"));
    }

    @Test
    void read_aPasswordAliasTheStoreDoesNotHold_isBoxauth028NamingThePropertyAndTheAlias() {
        MapConfig config = new MapConfig(Map.of("box.auth.archive.client-secret", "${ALIAS=no-such-alias}"));

        assertThatThrownBy(() -> MicroProfileProperties.read(config, "archive", Set.of("archive")))
                .isInstanceOfSatisfying(BoxConfigException.class, e -> {
                    ConfigProblem problem = MicroProfileProperties.named(e, "archive").problems().get(0);
                    assertThat(problem.id()).isEqualTo("BOXAUTH-028");
                    assertThat(problem.property()).isEqualTo("box.auth.archive.client-secret");
                    assertThat(problem.message()).contains("'no-such-alias'",
                            "asadmin create-password-alias no-such-alias");
                });
    }
}
