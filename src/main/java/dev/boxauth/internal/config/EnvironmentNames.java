package dev.boxauth.internal.config;

import java.util.Locale;

/** MicroProfile Config's mapping of a property name to an environment variable name. */
public final class EnvironmentNames {

    private EnvironmentNames() {
    }

    /** {@code box.auth.config-file} is {@code BOX_AUTH_CONFIG_FILE}: every other character than a letter or digit becomes {@code _}. */
    public static String of(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
