package dev.boxauth.demo.web;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.internal.config.EnvironmentNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points the demo at Box or at an embedded Box emulator. When a Box app is configured (for the default
 * app {@code BOX_AUTH_CONFIG_FILE}, {@code BOX_AUTH_CONFIG}, {@code BOX_AUTH_CLIENT_ID} or
 * {@code BOX_AUTH_DEVELOPER_TOKEN}, as an environment variable, a system property or in the application's
 * microprofile-config.properties), this source names the API for the Rest Clients, and makes the app "web"
 * an OAuth 2.0 app with the demo's redirect URI when its client id is configured too
 * ({@code BOX_AUTH_WEB_CLIENT_ID}); without one the demo runs with no sign-in. Otherwise it starts the
 * emulator, creates a JWT app (the default app) and an OAuth 2.0 app ("web", for "Sign in with Box") there
 * and supplies their configuration, so the demo works offline.
 * Its ordinal is below every standard source, so anything configured elsewhere wins.
 */
public class DemoConfigSource implements ConfigSource {

    /** A Box app is configured when one of these is set. */
    private static final List<String> APP_SETTINGS =
            List.of("box.auth.config-file", "box.auth.config", "box.auth.client-id", "box.auth.developer-token");
    /** Whether the demo signs users in: "true" when the app "web" is configured (or emulated), else "false". */
    static final String SIGN_IN = "demo.sign-in";
    /** The redirect URI the demo uses for the app "web", shown when sign-in is not configured. */
    static final String REDIRECT_URI = "demo.redirect-uri";

    private final Map<String, String> properties;
    private final BoxEmulator emulator;

    public DemoConfigSource() {
        Properties application = applicationProperties();
        if (APP_SETTINGS.stream().anyMatch(name -> setting(name, application) != null)) {
            emulator = null;
            String api = setting("box.auth.api-url", application);
            api = api != null ? api : "https://api.box.com/2.0";
            Map<String, String> p = new HashMap<>(Map.of("box-api/mp-rest/url", api, "demo.target",
                    "Box (" + api + ")", REDIRECT_URI, callbackUrl()));
            // No box.auth.web.* name without a client id: any such name makes "web" an app the deployment needs.
            boolean signIn = setting("box.auth.web.client-id", application) != null;
            p.put(SIGN_IN, String.valueOf(signIn));
            if (signIn) {
                p.put("box.auth.web.method", "oauth");
                p.put("box.auth.web.oauth.redirect-uri", callbackUrl());
            }
            properties = Map.copyOf(p);
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
                    Map.entry(SIGN_IN, "true"),
                    Map.entry(REDIRECT_URI, callbackUrl()),
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

    /**
     * A system property, the environment variable MicroProfile Config maps it to, or the application's
     * microprofile-config.properties, in the order MicroProfile Config ranks them by default.
     */
    private static String setting(String property, Properties application) {
        String value = System.getProperty(property);
        value = value != null ? value : System.getenv(EnvironmentNames.of(property));
        value = value != null ? value : application.getProperty(property);
        return value == null || value.isBlank() ? null : value;
    }

    /** The application's microprofile-config.properties files, which this class's loader (the WAR's) sees. */
    private static Properties applicationProperties() {
        Properties all = new Properties();
        try {
            for (URL file : Collections.list(
                    DemoConfigSource.class.getClassLoader().getResources("META-INF/microprofile-config.properties"))) {
                try (InputStream in = file.openStream()) {
                    all.load(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
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
