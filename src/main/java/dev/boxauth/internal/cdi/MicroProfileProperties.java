package dev.boxauth.internal.cdi;

import dev.boxauth.BoxAuthProperties;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/** Reads the {@code box.auth.*} properties through the standard MicroProfile Config API only. */
final class MicroProfileProperties {

    private static final String PREFIX = "box.auth.";
    /** The known names as environment variables, which some sources list back as {@code box.auth.token.url}. */
    private static final Set<String> KNOWN_AS_ENVIRONMENT =
            BoxAuthProperties.ALL.stream().map(MicroProfileProperties::asEnvironmentName).collect(Collectors.toSet());

    private MicroProfileProperties() {
    }

    /**
     * Every known property, looked up by name so that environment variables ({@code BOX_AUTH_CONFIG_FILE})
     * and server variables apply, plus every other {@code box.auth.*} name a source lists, so that a
     * misspelling is reported rather than ignored. Liberty's environment source lists
     * {@code BOX_AUTH_TOKEN_URL} as {@code box.auth.token.url}: such spellings of known names are not
     * misspellings.
     */
    static Map<String, String> read(Config config) {
        Map<String, String> properties = new TreeMap<>();
        for (String name : BoxAuthProperties.ALL) {
            config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(name, value));
        }
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && !properties.containsKey(name)
                    && !KNOWN_AS_ENVIRONMENT.contains(asEnvironmentName(name))) {
                config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(name, value));
            }
        }
        return properties;
    }

    /** MicroProfile Config's mapping of a property name to an environment variable name. */
    private static String asEnvironmentName(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
