package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo application, as `mvn -Pdemo package` serves it: the app's identity, and "Sign in with Box"
 * (OAuth 2.0) driven end to end in headless Chromium, so real redirects and cookies are exercised and
 * pages are checked as a person sees them. Screenshots of the signed-in and failure pages go to /tmp/shots/.
 */
@ExtendWith(ArquillianExtension.class)
class DemoIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return demoWar("demo", Map.of());
    }

    private static final Path SHOTS = Path.of("/tmp/shots");

    /** The demo at localhost, the host of its redirect URI (Payara Micro reports its public address to Arquillian). */
    private final URL base = applicationUrl("demo");

    @Test
    void thePageShowsWhoBoxSaysTheAppIs() {
        HttpResponse<String> page = get(base, "");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Talking to the embedded Box emulator", "Box says this app is <b>Box Emulator App");
        assertThat(get(base, "me").body()).contains("\"login\":\"AutomationUser_");
    }

    @Test
    void signInWithBox_inARealBrowser_comesBackSignedIn() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open(base.toString());
            browser.click("#sign-in");
            assertThat(browser.awaitUrl("http://127.0.0.1:")).contains("/api/oauth2/authorize");
            browser.clickButton("Grant access to Box");

            browser.awaitUrl(base.toString());
            assertThat(browser.text("#signed-in")).as("the user, not the app").startsWith("You signed in as OAuth User");
            assertThat(browser.cookieNames()).contains("box_session").doesNotContain("box_oauth_state");
            browser.screenshot(SHOTS.resolve("demo-signed-in.png"));

            browser.click("#sign-out");
            assertThat(browser.text("#sign-in")).isEqualTo("Sign in with Box");
        }
    }

    @Test
    void signInWithBox_onAnotherNameOfTheServer_comesBackSignedIn_onTheRedirectUrisHost() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open(base.toString().replace("//localhost:", "//127.0.0.1:"));
            browser.click("#sign-in");
            browser.clickButton("Grant access to Box");

            browser.awaitUrl(base.toString());
            assertThat(browser.text("#signed-in")).as("the user, not the app").startsWith("You signed in as OAuth User");
        }
    }

    @Test
    void denyingAccessAtBox_showsAFailurePageThatRendersAsAPage() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open(base.toString());
            browser.click("#sign-in");
            browser.awaitUrl("http://127.0.0.1:");
            browser.clickButton("Deny");
            browser.awaitUrl(base + "box/oauth/callback");
            browser.screenshot(SHOTS.resolve("oauth-sign-in-denied.png"));

            assertThat(browser.visibleText()).as("no markup shown as text").doesNotContain("<", ">", "&lt;");
            assertThat(browser.title()).isEqualTo("Sign-in failed");
            assertThat(browser.text("h1")).isEqualTo("Sign-in with Box failed");
            assertThat(browser.text("#why"))
                    .isEqualTo("You did not give this application access to your Box account.");
            assertThat(browser.text("#sign-in-again")).isEqualTo("Sign in again");
            assertThat(browser.cookieNames()).doesNotContain("box_session");

            browser.click("#sign-in-again");
            assertThat(browser.awaitUrl("http://127.0.0.1:")).contains("/api/oauth2/authorize");
        }
    }

    @Test
    void aCallbackWithAnErrorBoxDoesNotDocument_showsItGenerically() throws Exception {
        String planted = "Your Box account is locked. Call +1 555 0100";
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open(base + "box/oauth/callback?state=s&error="
                    + URLEncoder.encode(planted, StandardCharsets.UTF_8));
            browser.screenshot(SHOTS.resolve("oauth-sign-in-unknown-error.png"));

            assertThat(browser.visibleText()).doesNotContain("<", ">", "locked", "555");
            assertThat(browser.text("h1")).isEqualTo("Sign-in with Box failed");
            assertThat(browser.text("#why"))
                    .isEqualTo("Box did not give this application access to your Box account.");
        }
    }
}
