package dev.boxauth.demo.web;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.internal.config.EnvironmentNames;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points the demo at Box or at an embedded Box emulator. When the server's environment or system
 * properties configure a Box app ({@code BOX_AUTH_CONFIG_FILE}, {@code BOX_AUTH_CONFIG} or
 * {@code BOX_AUTH_CLIENT_ID}), this source only names the API for the Rest Client; otherwise it starts
 * the emulator, creates a JWT app (the default app) and an OAuth 2.0 app ("web", for "Sign in with
 * Box") there and supplies their configuration, so the demo works offline.
 * Its ordinal is below every standard source, so anything configured elsewhere wins.
 */
public class DemoConfigSource implements ConfigSource {

    /** A Box app is configured when one of these is set, as a system property or environment variable. */
    private static final List<String> APP_SETTINGS = List.of("box.auth.config-file", "box.auth.config", "box.auth.client-id");

    private final Map<String, String> properties;
    private final BoxEmulator emulator;

    public DemoConfigSource() {
        if (boxAppConfigured()) {
            emulator = null;
            String api = setting("box.auth.api-url", "https://api.box.com/2.0");
            properties = Map.of("box-api/mp-rest/url", api, "demo.target", "Box (" + api + ")");
        } else {
            emulator = BoxEmulator.start();
            JwtApp app = emulator.createJwtApp();
            var web = emulator.createOAuthApp(callbackUrl());
            properties = Map.ofEntries(
                    Map.entry("box.auth.config", app.configJson()),
                    Map.entry("box.auth.token-url", emulator.tokenUrl()),
                    Map.entry("box.auth.api-url", emulator.apiUrl()),
                    Map.entry("box.auth.web.method", "oauth"),
                    Map.entry("box.auth.web.client-id", web.clientId()),
                    Map.entry("box.auth.web.client-secret", web.clientSecret()),
                    Map.entry("box.auth.web.oauth.redirect-uri", callbackUrl()),
                    Map.entry("box.auth.web.oauth.authorize-url", emulator.authorizeUrl()),
                    Map.entry("box.auth.web.token-url", emulator.tokenUrl()),
                    Map.entry("box.auth.web.api-url", emulator.apiUrl()),
                    Map.entry("box.auth.web.revoke-url", emulator.baseUrl() + "/oauth2/revoke"),
                    Map.entry("box-api/mp-rest/url", emulator.apiUrl()),
                    Map.entry("demo.target", "the embedded Box emulator at " + emulator.baseUrl()));
        }
    }

    /** Where Box sends the browser back after sign-in: the demo's callback on this server's HTTP port. */
    private static String callbackUrl() {
        return "http://localhost:" + System.getProperty("http.port", "9080") + "/demo/box/oauth/callback";
    }

    /** The emulator this source started, or {@code null} when the demo talks to Box. */
    BoxEmulator emulator() {
        return emulator;
    }

    private static boolean boxAppConfigured() {
        return APP_SETTINGS.stream().anyMatch(name -> setting(name, null) != null);
    }

    /** A system property, or the environment variable MicroProfile Config maps it to. */
    private static String setting(String property, String defaultValue) {
        String env = System.getenv(EnvironmentNames.of(property));
        return env != null ? env : System.getProperty(property, defaultValue);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String name) {
        return properties.get(name);
    }

    @Override
    public String getName() {
        return "box-auth demo";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
