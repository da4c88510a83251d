package dev.boxauth.demo;

import dev.boxauth.BoxAuthProperties;
import dev.boxauth.check.BoxAuthCheck;
import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import java.util.Map;

/**
 * The README's demo: gets a token through the public API and asks Box who the app is. With no
 * {@code box.auth.*} configuration it starts the embedded Box emulator and talks to it, offline; given a
 * real configuration ({@code -Dbox.auth.config-file=…} or {@code BOX_AUTH_CONFIG_FILE}) it talks to Box.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        Map<String, String> properties = BoxAuthCheck.propertiesFromEnvironment(System.getenv());
        int status;
        if (properties.containsKey(BoxAuthProperties.CONFIG_FILE) || properties.containsKey(BoxAuthProperties.CONFIG)
                || properties.containsKey(BoxAuthProperties.CLIENT_ID)) {
            System.out.println("Using the configured Box app (" + properties.keySet() + ").");
            status = BoxAuthCheck.run(properties, System.out, System.err);
        } else {
            try (BoxEmulator box = BoxEmulator.start()) {
                JwtApp app = box.createJwtApp();
                System.out.println("No box.auth.* configuration given: using the embedded Box emulator at "
                        + box.baseUrl() + " with a new JWT app (client id " + app.clientId() + ").");
                System.out.println("To talk to Box, run again with -Dbox.auth.config-file=/path/to/config.json.");
                status = BoxAuthCheck.run(Map.of(
                        BoxAuthProperties.CONFIG, app.configJson(),
                        BoxAuthProperties.TOKEN_URL, box.tokenUrl(),
                        BoxAuthProperties.API_URL, box.apiUrl()), System.out, System.err);
                System.out.println("The emulator counted " + box.tokenRequests() + " token request(s).");
            }
        }
        if (status != 0) {
            System.exit(status);
        }
    }
}
