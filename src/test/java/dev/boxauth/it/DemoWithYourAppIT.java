package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import java.net.URL;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo as a user first runs it with their own Box app ({@code BOX_AUTH_CONFIG_FILE=… mvn -Pdemo
 * package}): a JWT app's Developer Console file, pointed here at an emulator's URLs, and no OAuth 2.0 app.
 * It deploys, shows who Box says the app is, and says what to set for sign-in. The page is checked as
 * rendered in headless Chromium; its screenshot goes to /tmp/shots/.
 */
@ExtendWith(ArquillianExtension.class)
class DemoWithYourAppIT extends ServerIT {

    private static BoxEmulator box;

    @Deployment(testable = false)
    static WebArchive deployment() {
        box = emulatorWithFixtureApp(0);
        return demoWar("your-app-demo", configFor(box));
    }

    @AfterAll
    static void stop() {
        assertServerLogsHoldNoSecret(box);
        box.close();
    }

    private final URL base = applicationUrl("your-app-demo");

    @Test
    void theDemoDeploys_andAnswersAsTheUsersApp() {
        assertThat(get(base, "").statusCode()).isEqualTo(200);
        assertThat(get(base, "me").body()).contains("\"login\":\"AutomationUser_");
        assertThat(box.tokenRequests()).as("the emulator the configuration names issued the token").isPositive();
    }

    @Test
    void thePage_showsWhoTheAppIs_andWhatToSetForSignIn() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open(base.toString());
            browser.screenshot(Path.of("/tmp/shots/demo-with-your-app.png"));

            assertThat(browser.visibleText()).as("no markup shown as text").doesNotContain("<", ">", "&lt;");
            assertThat(browser.text("#target")).isEqualTo("Talking to Box (" + box.apiUrl() + ").");
            assertThat(browser.text("#answer")).startsWith("Box says this app is Box Emulator App")
                    .contains("login AutomationUser_");
            assertThat(browser.text("#expiry")).matches("Its access token expires in \\d+ min, at \\d\\d:\\d\\d UTC\\.");
            assertThat(browser.text("#sign-in-not-configured")).startsWith("Not configured — set"
                    + " BOX_AUTH_WEB_CLIENT_ID and BOX_AUTH_WEB_CLIENT_SECRET (box.auth.web.client-id,"
                    + " box.auth.web.client-secret) to the client id and secret of a Box app that uses OAuth 2.0,"
                    + " add http://localhost:").contains("/demo/box/oauth/callback to its redirect URIs");
        }
    }
}
