package dev.boxauth.internal.oauth;

import static dev.boxauth.internal.oauth.Harness.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.BoxTokenProvider;
import dev.boxauth.internal.Secret;
import dev.boxauth.oauth.SignIn;
import dev.boxauth.oauth.StoredTokens.RefreshLease;
import dev.boxauth.oauth.StoredTokens;
import dev.boxauth.testing.CapturedLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drives every path that logs or throws, at every log level, and checks that no client secret, code, token
 * or state appears in a message, a stack trace, a log record or a {@code toString()}. Every secret the fake
 * Box deals in contains {@code -secret-}.
 */
class SecretsNeverShownTest {

    private static final String MARK = "-secret-";

    @Test
    void noSecretInMessagesLogsOrToString() {
        List<Throwable> thrown = new ArrayList<>();
        List<Object> printed = new ArrayList<>();
        List<String> states = new ArrayList<>();
        String logText;
        try (Harness h = new Harness(); CapturedLog log = new CapturedLog()) {
            OAuthClient oauth = h.node();
            printed.add(oauth);
            printed.add(h.config().build());

            SignIn signIn = oauth.startSignIn();
            states.add(signIn.state());
            printed.add(signIn);
            printed.add(oauth.completeSignIn(h.box.issueCode(USER), signIn.state()));
            printed.add(h.store.get(USER));
            printed.add(h.store.get(USER).withRefreshLease(new RefreshLease("holder", Harness.START)));

            // Sign-in failures: reused state, reused code, Box not saying who signed in, denied, odd error.
            capture(thrown, () -> oauth.completeSignIn(h.box.issueCode(USER), signIn.state()));
            String used = h.box.issueCode(USER);
            SignIn second = oauth.startSignIn();
            states.add(second.state());
            oauth.completeSignIn(used, second.state());
            SignIn third = oauth.startSignIn();
            states.add(third.state());
            capture(thrown, () -> oauth.completeSignIn(used, third.state()));
            h.box.answerUsersMeWith(500);
            SignIn fourth = oauth.startSignIn();
            states.add(fourth.state());
            capture(thrown, () -> oauth.completeSignIn(h.box.issueCode(USER), fourth.state()));
            h.box.answerUsersMeWith(0);
            SignIn fifth = oauth.startSignIn();
            states.add(fifth.state());
            capture(thrown, () -> oauth.completeSignIn(null, fifth.state(), "CODE" + MARK + "in-error"));

            // Refresh paths: timeout and resend, server errors, refusal, a lagging store.
            BoxTokenProvider provider = oauth.forUser(USER);
            printed.add(provider);
            provider.accessToken();
            h.clock.advance(Duration.ofHours(1));
            h.box.thenRefresh(FakeBox.timeoutBeforeProcessing());
            provider.accessToken();
            h.clock.advance(Duration.ofMinutes(56));
            h.box.thenRefresh(FakeBox.status(503, "unavailable"));
            h.box.thenRefresh(FakeBox.status(503, "unavailable"));
            h.box.thenRefresh(FakeBox.status(503, "unavailable"));
            capture(thrown, provider::accessToken); // stale: served, and the failed background refresh is logged
            h.clock.advance(Duration.ofMinutes(4));
            StoredTokens current = h.store.get(USER);
            h.box.revoke(current.refreshToken());
            capture(thrown, provider::accessToken);
            capture(thrown, provider::accessToken);
            provider.invalidate("AT" + MARK + "rejected");

            // Wrong client secret (its value must not show either), sign-out with revoke failing.
            OAuthClient wrong = h.node(b -> b.clientSecret("WRONG" + MARK + "client"), d -> { });
            printed.add(wrong);
            h.storedPair("20002");
            BoxTokenProvider other = wrong.forUser("20002");
            other.accessToken();
            h.clock.advance(Duration.ofHours(2));
            capture(thrown, other::accessToken);
            h.box.failRevokes(new ConnectException("Connection refused"));
            oauth.signOut("20002");
            capture(thrown, () -> oauth.forUser("20002"));
            capture(thrown, provider::accessToken);

            printed.add(new AuthorizationCodeGrant(FakeBox.CLIENT_ID, new Secret(FakeBox.CLIENT_SECRET),
                    new Secret("CODE" + MARK + "x"), URI.create(FakeBox.REDIRECT_URI)));
            printed.add(new RefreshTokenGrant(FakeBox.CLIENT_ID, new Secret(FakeBox.CLIENT_SECRET),
                    new Secret("RT" + MARK + "x"), USER));
            printed.add(h.store);
            logText = log.text();
        }

        assertThat(thrown).hasSizeGreaterThanOrEqualTo(9);
        assertThat(logText).contains("Resending the refresh").contains("Background refresh")
                .contains("Box refused the refresh token").contains("Cannot revoke").contains("signed in");
        for (Throwable t : thrown) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            assertClean(trace.toString(), states);
        }
        for (Object o : printed) {
            assertClean(String.valueOf(o), states);
        }
        assertClean(logText, states);
    }

    private static void assertClean(String text, List<String> states) {
        assertThat(text).doesNotContain(MARK);
        for (String state : states) {
            assertThat(text).doesNotContain(state);
        }
    }

    private static void capture(List<Throwable> thrown, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            thrown.add(e);
        }
    }
}
