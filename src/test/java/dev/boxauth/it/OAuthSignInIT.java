package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.BoxUser;
import dev.boxauth.emulator.OAuthApp;
import dev.boxauth.it.app.BoxUsersApi;
import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.WhoAmIResource;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OAuth 2.0 on Liberty with an HTTP client acting as the browser (cookies kept, redirects followed by
 * hand): sign-in → Box's consent page → callback → an API call as the signed-in user; and every way the
 * callback must refuse.
 */
@ExtendWith(ArquillianExtension.class)
class OAuthSignInIT extends ServerIT {

    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");
    private static BoxEmulator box;
    private static BoxUser ada;

    @Deployment(testable = false)
    static WebArchive deployment() {
        box = BoxEmulator.start();
        String callback = localUrl("/oauth/api/box/oauth/callback");
        OAuthApp app = box.createOAuthApp(callback);
        ada = app.createUser("Ada Lovelace");
        app.signInAs(ada);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("box.auth.method", "oauth");
        config.put("box.auth.client-id", app.clientId());
        config.put("box.auth.client-secret", app.clientSecret());
        config.put("box.auth.oauth.redirect-uri", callback);
        config.put("box.auth.oauth.authorize-url", box.authorizeUrl());
        config.put("box.auth.oauth.after-sign-in", "/whoami");
        config.put("box.auth.token-url", box.tokenUrl());
        config.put("box.auth.revoke-url", box.revokeUrl());
        config.put("box.auth.api-url", box.apiUrl());
        config.put("box-api/mp-rest/url", box.apiUrl());
        return war("oauth", config, ItApplication.class, WhoAmIResource.class, BoxUsersApi.class);
    }

    @AfterAll
    static void stop() {
        assertServerLogsHoldNoSecret(box);
        box.close();
    }

    /**
     * The application at localhost, the host of the configured redirect URI, so that the browser sends the
     * cookie of the sign-in to the callback (Payara Micro reports its public address to Arquillian).
     */
    private final URL base = applicationUrl("oauth");

    /** A browser: its own cookies; redirects are followed by hand so each step can be checked. */
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> go(String url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no redirect, HTTP " + response.statusCode()));
    }

    /** Sign-in up to Box's redirect back to the callback; returns the callback URL with code and state. */
    private String consent() throws IOException, InterruptedException {
        HttpResponse<String> signIn = go(base + "api/box/oauth/sign-in");
        assertThat(signIn.statusCode()).isEqualTo(303);
        String authorize = location(signIn);
        assertThat(authorize).startsWith(box.authorizeUrl()).contains("state=", "redirect_uri=");
        assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("box_oauth_state=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        HttpResponse<String> page = go(authorize);
        Matcher id = REQUEST_ID.matcher(page.body());
        assertThat(id.find()).as("the consent form").isTrue();
        HttpResponse<String> granted = browser.send(HttpRequest.newBuilder(URI.create(box.authorizeUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("request_id=" + URLEncoder.encode(id.group(1),
                        StandardCharsets.UTF_8) + "&consent=grant")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(granted.statusCode()).isEqualTo(302);
        return location(granted);
    }

    @Test
    void signIn_consent_callback_thenTheApiAnswersAsTheUser() throws Exception {
        int exchanges = box.tokenRequests("authorization_code");
        assertThat(location(go(base + "api/whoami"))).endsWith("box/oauth/sign-in");

        HttpResponse<String> callback = go(consent());
        assertThat(callback.statusCode()).as("the callback's answer: %s", callback.body()).isEqualTo(303);
        assertThat(location(callback)).endsWith("/oauth/api/whoami");

        HttpResponse<String> me = go(location(callback));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("Ada Lovelace");
        assertThat(box.tokenRequests("authorization_code")).isEqualTo(exchanges + 1);
    }

    @Test
    void theCallbackRefusesAWrongMissingOrReusedState_andAReusedCode() throws Exception {
        String callback = consent();
        String wrongState = callback.replaceFirst("state=[^&]+", "state=forged");
        String noState = callback.replaceFirst("&?state=[^&]+", "");

        assertThat(go(wrongState).statusCode()).isEqualTo(400);
        assertThat(go(noState).statusCode()).isEqualTo(400);
        HttpResponse<String> first = go(callback);
        assertThat(first.statusCode()).as("a wrong state does not use up the real one").isEqualTo(303);
        HttpResponse<String> again = go(callback);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("Sign-in with Box failed").doesNotContain("Exception");
    }

    @Test
    void aCallbackFromAnotherBrowser_isRefused() throws Exception {
        String callback = consent();
        HttpClient otherBrowser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> response = otherBrowser.send(HttpRequest.newBuilder(URI.create(callback)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
