package dev.boxauth.cli;

import dev.boxauth.BoxAuthProperties;
import dev.boxauth.BoxConfigException;
import dev.boxauth.ConfigProblem;
import dev.boxauth.check.BoxAuthCheck;
import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.internal.config.EnvironmentNames;
import dev.boxauth.internal.config.SettingsReader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The configuration check as a command: {@code java -jar box-auth-<version>-check.jar --help}. Reads one
 * app's {@code box.auth.*} properties as an application would (arguments, then system properties, then
 * {@code BOX_AUTH_*} environment variables), reports every unknown name, and runs {@link BoxAuthCheck}.
 * Only when no {@code box.auth.*} name is set anywhere does it check an app of the embedded emulator
 * instead, and its first line says so.
 *
 * <p>Packaged in the {@code check} jar with the emulator, never in the library jar.
 */
public final class CheckCommand {

    static final String USAGE = """
            Usage: java [-Dbox.auth.NAME=VALUE ...] -jar box-auth-VERSION-check.jar [--app APP] [box.auth.NAME=VALUE ...]

            Checks a box-auth configuration end to end: reads it as an application would, gets a token from
            Box and asks Box's /2.0/users/me whom it represents. Prints the app (client id), method, subject,
            the token's lifetime, the user and the enterprise; never a secret. Every box.auth.* property and
            BOX_AUTH_* environment variable is read, and a name box-auth does not know is a configuration
            error (BOXAUTH-001). Only when none is set at all does it check a new app of the embedded Box
            emulator instead, offline, and its first line says so.

            Properties come from, highest first: the arguments (box.auth.NAME=VALUE or -Dbox.auth.NAME=VALUE),
            system properties (-Dbox.auth.NAME=VALUE before -jar), environment variables (box.auth.config-file
            is BOX_AUTH_CONFIG_FILE). Pass secrets through the environment, where ps does not show them.

            Options:
              --app APP   check the named app APP (box.auth.APP.* and BOX_AUTH_APP_*), not the default app
              --help      print this help

            Exit status:
              0  Box issued a token and the API accepted it
              1  the configuration (or the command line) is wrong; nothing was sent to Box
              2  Box could not be reached or is unavailable (network error, timeout, HTTP 5xx or 429)
              3  Box refused: the token request or the API call was rejected
              4  OAuth 2.0: the configuration is valid, but only a browser sign-in can get a token

            Examples:
              java -Dbox.auth.config-file=/path/to/123_abcd_config.json -jar box-auth-VERSION-check.jar
              BOX_AUTH_CLIENT_ID=... BOX_AUTH_CLIENT_SECRET=... BOX_AUTH_ENTERPRISE_ID=... java -jar box-auth-VERSION-check.jar
              BOX_AUTH_DEVELOPER_TOKEN=... java -jar box-auth-VERSION-check.jar
            """;

    private static final String PREFIX = "box.auth.";
    private static final String ENVIRONMENT_PREFIX = EnvironmentNames.of(PREFIX);
    /** Property groups, which look like app names in {@code box.auth.<group>.<name>}. */
    private static final Set<String> GROUPS = Set.of("jwt", "oauth");
    /** Kept so that the level set in {@link #main} holds: java.util.logging keeps loggers weakly. */
    private static final Logger LIBRARY_LOG = Logger.getLogger("dev.boxauth");

    private CheckCommand() {
    }

    public static void main(String[] args) {
        // The report says what the library's INFO lines would; warnings (retries) still show.
        LIBRARY_LOG.setLevel(Level.WARNING);
        Map<String, String> systemProperties = new TreeMap<>();
        System.getProperties().stringPropertyNames().forEach(n -> systemProperties.put(n, System.getProperty(n)));
        System.exit(run(args, systemProperties, System.getenv(), System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, Map<String, String> systemProperties, Map<String, String> environment,
            PrintStream out, PrintStream err) {
        String app = "";
        Map<String, String> arguments = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                return BoxAuthCheck.OK;
            } else if (arg.equals("--app") && i + 1 < args.length && args[i + 1].matches("[a-z0-9-]+")) {
                app = args[++i];
            } else if (arg.matches("(-D)?box\\.auth\\.[^=]+=.*")) {
                String assignment = arg.startsWith("-D") ? arg.substring(2) : arg;
                int equals = assignment.indexOf('=');
                arguments.put(assignment.substring(0, equals), assignment.substring(equals + 1));
            } else {
                // The argument itself is not shown: it may be a secret typed in the wrong place.
                err.println("Argument " + (i + 1) + " is not an option of this command" + (arg.equals("--app")
                        ? " (--app needs an app name: lower-case letters, digits and dashes)" : "") + ".");
                err.print(USAGE);
                return BoxAuthCheck.CONFIGURATION;
            }
        }
        if (app.isEmpty() && arguments.isEmpty() && systemProperties.keySet().stream().noneMatch(n -> n.startsWith(PREFIX))
                && environment.keySet().stream().noneMatch(n -> n.startsWith(ENVIRONMENT_PREFIX))) {
            return checkTheEmulator(out, err);
        }
        Configuration configuration = Configuration.read(app, arguments, systemProperties, environment);
        out.println("Checking " + (app.isEmpty() ? "the default Box app" : "the Box app \"" + app + "\"")
                + (configuration.origins.isEmpty() ? ", which nothing configures" : ", configured by "
                        + String.join(", ", configuration.origins)) + ".");
        if (!configuration.otherApps.isEmpty()) {
            out.println("Not checked: " + String.join(", ", configuration.otherApps) + " (check one with --app"
                    + " APP).");
        }
        List<ConfigProblem> problems = new ArrayList<>(configuration.problems);
        try {
            SettingsReader.read(configuration.properties);
        } catch (BoxConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            err.println(new BoxConfigException(named(problems, app)).getMessage());
            err.println("Exit status " + BoxAuthCheck.CONFIGURATION + ": the configuration is wrong; nothing was"
                    + " sent to Box.");
            return BoxAuthCheck.CONFIGURATION;
        }
        return BoxAuthCheck.run(configuration.properties, out, err);
    }

    private static int checkTheEmulator(PrintStream out, PrintStream err) {
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp app = box.createJwtApp();
            out.println("No box.auth.* property or BOX_AUTH_* variable is set: checking a new JWT app of the"
                    + " embedded Box emulator at " + box.baseUrl() + ", offline, not Box.");
            out.println("To check your app, set box.auth.config-file=/path/to/config.json (or see --help).");
            return BoxAuthCheck.run(Map.of(
                    BoxAuthProperties.CONFIG, app.configJson(),
                    BoxAuthProperties.TOKEN_URL, box.tokenUrl(),
                    BoxAuthProperties.API_URL, box.apiUrl()), out, err);
        }
    }

    /** A named app's problems under the names the user wrote ({@code box.auth.archive.client-id}). */
    private static List<ConfigProblem> named(List<ConfigProblem> problems, String app) {
        if (app.isEmpty()) {
            return problems;
        }
        String prefix = PREFIX + app + ".";
        String environment = EnvironmentNames.of(prefix);
        return problems.stream()
                .map(p -> p.property().startsWith(environment) || p.property().startsWith(prefix) ? p
                        : new ConfigProblem(p.id(), p.property().replace(PREFIX, prefix),
                                p.message().replace(PREFIX, prefix).replace(ENVIRONMENT_PREFIX, environment)))
                .toList();
    }

    /**
     * One app's properties under the default app's names (as {@link SettingsReader} reads them), where
     * each came from, the environment variables nobody knows, and the other apps that are configured.
     * Property names under the app's prefix all go to the settings reader, which reports the unknown
     * ones (BOXAUTH-001); environment variables cannot be mapped back to a property name, so the unknown
     * ones are reported here.
     */
    private record Configuration(Map<String, String> properties, List<String> origins, List<ConfigProblem> problems,
            Set<String> otherApps) {

        static Configuration read(String app, Map<String, String> arguments, Map<String, String> systemProperties,
                Map<String, String> environment) {
            String prefix = app.isEmpty() ? PREFIX : PREFIX + app + ".";
            String environmentPrefix = EnvironmentNames.of(prefix);
            Map<String, String> properties = new LinkedHashMap<>();
            Map<String, String> origins = new TreeMap<>();
            Set<String> otherApps = new TreeSet<>();
            List<ConfigProblem> problems = new ArrayList<>();
            for (var source : List.of(Map.entry("argument", arguments), Map.entry("system property", systemProperties))) {
                for (var property : source.getValue().entrySet()) {
                    String name = property.getKey();
                    String owner = appOf(name);
                    if (owner != null && !owner.equals(app)) {
                        if (app.isEmpty()) {
                            otherApps.add("the app \"" + owner + "\" (" + PREFIX + owner + ".*)");
                        }
                    } else if (name.startsWith(prefix)
                            && properties.putIfAbsent(PREFIX + name.substring(prefix.length()), property.getValue()) == null) {
                        origins.put(name, name + " (" + source.getKey() + ")");
                    }
                }
            }
            for (var variable : new TreeMap<>(environment).entrySet()) {
                String name = variable.getKey();
                if (!name.startsWith(environmentPrefix)) {
                    continue;
                }
                String known = known(name, environmentPrefix);
                String otherApp = known == null ? otherAppsVariable(name) : null;
                if (known != null) {
                    if (properties.putIfAbsent(known, variable.getValue()) == null) {
                        origins.put(name, name + " (environment variable)");
                    }
                } else if (otherApp != null) {
                    if (app.isEmpty()) {
                        otherApps.add("the app of " + otherApp + "*");
                    }
                } else {
                    origins.put(name, name + " (environment variable)");
                    problems.add(new ConfigProblem("BOXAUTH-001", name, "unknown environment variable. The BOX_AUTH_*"
                            + " variables are the box.auth.* properties listed in docs/configuration.md, with every"
                            + " character other than a letter or digit written _ (box.auth.client-id is"
                            + " BOX_AUTH_CLIENT_ID); check the spelling."));
                }
            }
            return new Configuration(properties, List.copyOf(origins.values()), problems, otherApps);
        }

        /** The default app's name of what {@code variable} sets for the app of {@code environmentPrefix}, or null. */
        private static String known(String variable, String environmentPrefix) {
            for (String name : BoxAuthProperties.ALL) {
                if (variable.equals(environmentPrefix + EnvironmentNames.of(name).substring(ENVIRONMENT_PREFIX.length()))) {
                    return name;
                }
            }
            return null;
        }

        /**
         * The app a property name belongs to: {@code archive} for {@code box.auth.archive.client-id};
         * {@code null} for the default app's names, known or not ({@code box.auth.jwt.key-id},
         * {@code box.auth.config-flie}).
         */
        private static String appOf(String name) {
            if (!name.startsWith(PREFIX)) {
                return null;
            }
            String rest = name.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot < 0 || GROUPS.contains(rest.substring(0, dot))
                    || !BoxAuthProperties.ALL.contains(PREFIX + rest.substring(dot + 1))) {
                return null;
            }
            return rest.substring(0, dot);
        }

        /**
         * The prefix of a named app's variable ({@code BOX_AUTH_ARCHIVE_} for
         * {@code BOX_AUTH_ARCHIVE_CLIENT_ID}), or {@code null} when it is no named app's.
         */
        private static String otherAppsVariable(String variable) {
            if (known(variable, ENVIRONMENT_PREFIX) != null) {
                return null;
            }
            for (String name : BoxAuthProperties.ALL) {
                String suffix = "_" + EnvironmentNames.of(name).substring(ENVIRONMENT_PREFIX.length());
                if (variable.endsWith(suffix) && variable.length() > ENVIRONMENT_PREFIX.length() + suffix.length()) {
                    return variable.substring(0, variable.length() - suffix.length() + 1);
                }
            }
            return null;
        }
    }
}
