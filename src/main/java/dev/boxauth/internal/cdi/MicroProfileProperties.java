package dev.boxauth.internal.cdi;

import dev.boxauth.BoxAuthProperties;
import dev.boxauth.BoxConfigException;
import dev.boxauth.ConfigProblem;
import dev.boxauth.internal.config.EnvironmentNames;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Reads the {@code box.auth.*} properties through the standard MicroProfile Config API only, for the
 * default app ({@code box.auth.client-id}) or a named one ({@code box.auth.archive.client-id}).
 */
final class MicroProfileProperties {

    private static final String PREFIX = "box.auth.";
    /** Property groups, which look like app names in {@code box.auth.<group>.<name>}. */
    private static final Set<String> GROUPS = Set.of("jwt", "oauth");
    private static final Pattern APP_PROPERTY = Pattern.compile("box\\.auth\\.([a-z0-9-]+)\\.(.+)");
    /** The known names as environment variables, which some sources list back as {@code box.auth.token.url}. */
    private static final Set<String> KNOWN_AS_ENVIRONMENT =
            BoxAuthProperties.ALL.stream().map(EnvironmentNames::of).collect(Collectors.toSet());
    /** Payara's reference to a password alias, {@code ${ALIAS=box-client-secret}}. */
    private static final Pattern PASSWORD_ALIAS = Pattern.compile("\\$\\{ALIAS=([^}]+)}");

    private MicroProfileProperties() {
    }

    /** The prefix of an app's properties: {@code box.auth.} for the default app ({@code ""}). */
    static String prefix(String app) {
        return app.isEmpty() ? PREFIX : PREFIX + app + ".";
    }

    /**
     * One app's properties, under the default app's names (as {@code SettingsReader} reads them): every
     * known property, looked up by name so that environment variables ({@code BOX_AUTH_CONFIG_FILE}) and
     * server variables apply, plus every other name of the app a source lists, so that a misspelling is
     * reported rather than ignored. Liberty's environment source lists {@code BOX_AUTH_TOKEN_URL} as
     * {@code box.auth.token.url}: such spellings of known names are not misspellings.
     *
     * @param apps the named apps, whose properties are not the default app's misspellings
     * @throws BoxConfigException BOXAUTH-028 for a value the server cannot resolve (a missing password alias)
     */
    static Map<String, String> read(Config config, String app, Set<String> apps) {
        String prefix = prefix(app);
        Map<String, String> properties = new TreeMap<>();
        for (String name : BoxAuthProperties.ALL) {
            value(config, prefix + name.substring(PREFIX.length()), name).ifPresent(value -> properties.put(name, value));
        }
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            String own = PREFIX + name.substring(prefix.length());
            if (!properties.containsKey(own) && !KNOWN_AS_ENVIRONMENT.contains(EnvironmentNames.of(own))
                    && !apps.contains(firstSegment(own))) {
                value(config, name, own).ifPresent(value -> properties.put(own, value));
            }
        }
        return properties;
    }

    /**
     * One value. A password alias, {@code ${ALIAS=name}}, is resolved here because Payara's MicroProfile
     * Config resolves it only when it is asked for by that very name, not inside another property's value
     * (where it reads as absent and logs "Using null value"); the value's raw form still shows it.
     */
    private static Optional<String> value(Config config, String name, String own) {
        ConfigValue value;
        try {
            value = config.getConfigValue(name);
        } catch (NoSuchElementException | IllegalArgumentException e) {
            throw unresolvable(own, "holds an expression (${...}) that the server's MicroProfile Config cannot resolve."
                    + " Give the value itself, or define what the expression names.");
        }
        String raw = value.getRawValue();
        Matcher alias = raw == null ? null : PASSWORD_ALIAS.matcher(raw.strip());
        if (value.getValue() != null || alias == null || !alias.matches()) {
            return Optional.ofNullable(value.getValue());
        }
        try {
            return Optional.of(config.getOptionalValue(alias.group(), String.class).orElseThrow());
        } catch (NoSuchElementException | IllegalArgumentException e) {
            throw unresolvable(own, "names the password alias '" + alias.group(1) + "', which the server's alias"
                    + " store does not hold. Create it (Payara: asadmin create-password-alias " + alias.group(1)
                    + "), or give the value itself.");
        }
    }

    private static BoxConfigException unresolvable(String property, String message) {
        return new BoxConfigException(List.of(new ConfigProblem("BOXAUTH-028", property, message)));
    }

    /** The named apps that configuration mentions: {@code archive} for {@code box.auth.archive.client-id}. */
    static Set<String> appNames(Config config) {
        Set<String> apps = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = APP_PROPERTY.matcher(name);
            if (m.matches() && !GROUPS.contains(m.group(1))
                    && KNOWN_AS_ENVIRONMENT.contains(EnvironmentNames.of(PREFIX + m.group(2)))) {
                apps.add(m.group(1));
            }
        }
        return apps;
    }

    /** The problems of a named app's configuration under the names the user wrote. */
    static BoxConfigException named(BoxConfigException e, String app) {
        if (app.isEmpty()) {
            return e;
        }
        String prefix = prefix(app);
        String defaultEnvironment = EnvironmentNames.of(PREFIX);
        String environment = EnvironmentNames.of(prefix);
        return new BoxConfigException(e.problems().stream()
                .map(p -> new ConfigProblem(p.id(), p.property().replace(PREFIX, prefix),
                        p.message().replace(PREFIX, prefix).replace(defaultEnvironment, environment)))
                .toList());
    }

    private static String firstSegment(String name) {
        String rest = name.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
