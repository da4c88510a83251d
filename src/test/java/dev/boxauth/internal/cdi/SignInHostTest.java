package dev.boxauth.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.internal.config.OAuthSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sign-in starts on the redirect URI's host, where Box sends the browser back, so that the browser still
 * holds the state cookie at the callback: a browser that opened the application under another name moves
 * there first, once.
 */
class SignInHostTest {

    private final OAuthWeb demo = web("http://localhost:9080/demo/box/oauth/callback");

    @Test
    void aSignInAskedForOnAnotherHost_movesToTheRedirectUrisHost() {
        assertThat(demo.signInElsewhere(URI.create("http://127.0.0.1:9080/demo/"), false))
                .isEqualTo(URI.create("http://localhost:9080/demo/box/oauth/sign-in?moved=1"));
    }

    @Test
    void aSignInAskedForOnTheRedirectUrisHost_startsThere() {
        assertThat(demo.signInElsewhere(URI.create("http://localhost:9080/demo/"), false)).isNull();
        assertThat(demo.signInElsewhere(URI.create("http://LocalHost:9080/demo/"), false)).as("host names ignore case")
                .isNull();
        assertThat(web("https://app.example.com/box/oauth/callback")
                .signInElsewhere(URI.create("https://app.example.com:443/"), false)).as("the default port").isNull();
    }

    @Test
    void anotherSchemeOrPort_isAnotherHost() {
        OAuthWeb app = web("https://app.example.com/myapp/api/box/oauth/callback");

        assertThat(app.signInElsewhere(URI.create("http://app.example.com/myapp/api/"), false))
                .isEqualTo(URI.create("https://app.example.com/myapp/api/box/oauth/sign-in?moved=1"));
        assertThat(demo.signInElsewhere(URI.create("http://localhost:9191/demo/"), false))
                .isEqualTo(URI.create("http://localhost:9080/demo/box/oauth/sign-in?moved=1"));
    }

    @Test
    void aHostNameThatJavaDoesNotParse_isAnotherHost_notAFailure() {
        assertThat(demo.signInElsewhere(URI.create("http://demo_app:9080/demo/"), false))
                .isEqualTo(URI.create("http://localhost:9080/demo/box/oauth/sign-in?moved=1"));
    }

    @Test
    void aSignInThatAlreadyMoved_startsWhereItArrives_soAProxyHidingTheHostCannotLoopIt() {
        assertThat(demo.signInElsewhere(URI.create("http://10.0.0.5:9080/demo/"), true)).isNull();
    }

    @Test
    void aRedirectUriThatDoesNotLeadToTheCallbackPath_leavesSignInWhereItIs() {
        OAuthWeb behindAProxy = web("https://app.example.com/box-callback");

        assertThat(behindAProxy.signInElsewhere(URI.create("http://10.0.0.5:9080/app/"), false)).isNull();
    }

    private static OAuthWeb web(String redirectUri) {
        return new OAuthWeb(null, new OAuthSettings(URI.create(redirectUri), List.of(),
                URI.create("https://account.box.com/api/oauth2/authorize"), "box/oauth/callback", "/",
                Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(12), null, false),
                null, null, null, null);
    }
}
