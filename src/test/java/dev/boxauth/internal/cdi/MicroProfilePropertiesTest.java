package dev.boxauth.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class MicroProfilePropertiesTest {

    /** A Config over a map, listing the names as the map has them. */
    private record MapConfig(Map<String, String> values) implements Config {

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow();
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable(values.get(name)).map(type::cast);
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return java.util.List.of();
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
                "other.property", "not ours")));

        assertThat(read).containsOnlyKeys("box.auth.config-file", "box.auth.clientid");
    }
}
