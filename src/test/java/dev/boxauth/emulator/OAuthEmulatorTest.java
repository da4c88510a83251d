package dev.boxauth.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh emulator per test with an OAuth 2.0 app whose one redirect URI is {@link #CALLBACK}. */
abstract class OAuthEmulatorTest {

    static final String CALLBACK = "http://localhost:8080/callback";
    /** Redirects are never followed: the tests read the 302s. */
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    BoxEmulator box;
    TokenClient client;
    Browser browser;
    OAuthApp app;

    @BeforeEach
    void startEmulator() {
        box = BoxEmulator.start();
        client = new TokenClient(box, HTTP);
        browser = new Browser(box, HTTP);
        app = box.createOAuthApp(CALLBACK);
    }

    @AfterEach
    void stopEmulator() {
        box.close();
    }

    /** A code from the consent page, granted by the signed-in user. */
    String code(OAuthApp oauth) {
        URI location = browser.grant("response_type", "code", "client_id", oauth.clientId(), "state", "s");
        return Browser.query(location).get("code");
    }

    HttpResponse<String> exchange(OAuthApp oauth, String code) {
        return client.postToken("grant_type", "authorization_code", "code", code, "client_id", oauth.clientId(),
                "client_secret", oauth.clientSecret());
    }

    HttpResponse<String> refresh(OAuthApp oauth, String refreshToken) {
        return client.postToken("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", oauth.clientId(), "client_secret", oauth.clientSecret());
    }

    /** An access and refresh token pair, through the consent page and the code exchange. */
    Map<String, Object> signIn(OAuthApp oauth) {
        return TokenClient.ok(exchange(oauth, code(oauth)));
    }
}
