package dev.boxauth.internal.token;

import static dev.boxauth.internal.token.ScriptedEndpoint.error;
import static dev.boxauth.internal.token.ScriptedEndpoint.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxTokenException;
import dev.boxauth.internal.grant.Grant;
import dev.boxauth.internal.http.TokenHttpResponse;
import dev.boxauth.testing.CapturedLog;
import dev.boxauth.testing.FakeSleeper;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class TokenRequesterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String SECRET = "client-secret-value-never-shown";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RetryPolicy RETRIES = RetryPolicy.standard(Duration.ofSeconds(60));

    private final FakeSleeper time = new FakeSleeper();
    private final List<Duration> sleeps = time.sleeps;
    private final ScriptedEndpoint box = new ScriptedEndpoint();
    private final TokenRequester requester = new TokenRequester(box, clock, time, RETRIES);
    private final List<Instant> boxTimes = new ArrayList<>();
    private final Grant grant = new Grant() {
        @Override
        public Map<String, String> form(Instant boxNow) {
            boxTimes.add(boxNow);
            return Map.of("client_secret", SECRET, "attempt", String.valueOf(boxTimes.size()));
        }

        @Override
        public String describe() {
            return "client id abc (test)";
        }

        @Override
        public String kind() {
            return "test";
        }
    };

    @Test
    void request_returnsTheTokenExpiringExpiresInAfterTheRequestWasSent() {
        box.then(ok("t1", 4100));

        BoxAccessToken token = requester.request(grant);

        assertThat(token.value()).isEqualTo("t1");
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(4100));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void request_retriesServerErrorsWithGrowingJitteredBackoff() {
        box.then(error(503, "unavailable", "down")).then(error(500, "x", "y")).then(ok("t", 3600));

        assertThat(requester.request(grant).value()).isEqualTo("t");

        assertThat(box.forms).hasSize(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void request_warnsOfEachRetry_withItsIdBoxsStatusAndErrorCode_andNoSecret() {
        box.then(error(503, "temporarily_unavailable", "down")).then(ok("t", 3600));

        try (CapturedLog log = new CapturedLog()) {
            requester.request(grant);

            assertThat(log.records()).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
                assertThat(r.getThrown()).isNull();
            });
            assertThat(log.text()).contains("BOXAUTH-060", "HTTP 503 temporarily_unavailable", "attempt 2 of")
                    .doesNotContain(SECRET);
        }
    }

    @Test
    void request_honoursAFractionalRetryAfterOn429() {
        box.then(new TokenHttpResponse(429, "{}", null, "0.25")).then(ok("t", 3600));

        requester.request(grant);

        assertThat(sleeps).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void request_capsAHugeRetryAfter() {
        box.then(new TokenHttpResponse(429, "{}", null, "3600")).then(ok("t", 3600));

        requester.request(grant);

        assertThat(sleeps).containsExactly(RETRIES.maxDelay());
    }

    @Test
    void request_fallsBackToBackoffWhenRetryAfterIsNotSeconds() {
        box.then(new TokenHttpResponse(429, "{}", null, "Wed, 21 Oct 2015 07:28:00 GMT")).then(ok("t", 3600));

        requester.request(grant);

        assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(125),
                Duration.ofMillis(250)));
    }

    @Test
    void request_givesUpAfterMaxAttemptsWithARetryableException() {
        for (int i = 0; i < 5; i++) {
            box.then(error(503, "unavailable", "down"));
        }

        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> requester.request(grant)).satisfies(e -> {
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.httpStatus()).isEqualTo(503);
        });

        assertThat(box.forms).hasSize(5);
    }

    @Test
    void request_retriesNetworkErrorsButNotTlsFailures() {
        box.thenThrow(new ConnectException("Connection refused")).then(ok("t", 3600));
        assertThat(requester.request(grant).value()).isEqualTo("t");

        box.thenThrow(new SSLHandshakeException("PKIX path building failed"));
        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> requester.request(grant)).satisfies(e -> {
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.httpStatus()).isZero();
            assertThat(e.getMessage()).contains("trust store");
        });
    }

    @Test
    void request_correctsClockSkewFromTheDateHeaderInOneRetry() {
        Instant boxClock = NOW.plusSeconds(300);
        box.then(new TokenHttpResponse(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Please check the"
                + " 'exp' claim. The 'exp' value exceeds the maximum value of 60 seconds beyond the issue time.\"}",
                httpDate(boxClock), null)).then(ok("t", 3600));

        requester.request(grant);

        assertThat(boxTimes).containsExactly(NOW, boxClock);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void request_keepsTheLearnedOffsetForLaterTokens() {
        Instant boxClock = NOW.minusSeconds(300);
        box.then(new TokenHttpResponse(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Current date"
                + " time must be before the expiration date time listed in the 'exp' claim.\"}",
                httpDate(boxClock), null))
                .then(ok("t1", 3600)).then(ok("t2", 3600));

        requester.request(grant);
        requester.request(grant);

        assertThat(boxTimes).containsExactly(NOW, boxClock, boxClock);
    }

    @Test
    void request_doesNotCorrectSkewTwice() {
        TokenHttpResponse skew = new TokenHttpResponse(400, "{\"error\":\"invalid_grant\",\"error_description\":"
                + "\"Current date/time MUST be before the expiration date/time listed in the 'exp' claim\"}",
                httpDate(NOW.plusSeconds(100)), null);
        box.then(skew).then(skew);

        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> requester.request(grant))
                .satisfies(e -> assertThat(e.getMessage()).contains("clock"));

        assertThat(box.forms).hasSize(2);
    }

    @Test
    void request_retriesAReusedJtiWithANewAssertion() {
        box.then(error(400, "invalid_grant", "Please check the 'jti' claim. A unique 'jti' value is required."))
                .then(ok("t", 3600));

        assertThat(requester.request(grant).value()).isEqualTo("t");
        assertThat(box.forms).extracting(f -> f.get("attempt")).containsExactly("1", "2");
    }

    @Test
    void request_neverRetriesInvalidClient() {
        box.then(error(400, "invalid_client", "The client credentials are invalid"));

        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> requester.request(grant)).satisfies(e -> {
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.error()).contains("invalid_client");
            assertThat(e.errorDescription()).contains("The client credentials are invalid");
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).contains("client id abc", "box.auth.client-secret");
        });

        assertThat(box.forms).hasSize(1);
    }

    @Test
    void request_saysTheAdminMustAuthorizeTheAppOnUnauthorizedClient() {
        box.then(error(400, "unauthorized_client", "This app is not authorized by the enterprise admin"));

        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> requester.request(grant))
                .satisfies(e -> assertThat(e.getMessage()).contains("admin must authorize", "Authorization"));

        assertThat(box.forms).hasSize(1);
    }

    @Test
    void request_namesTheSettingToFixForEachConfigurationError() {
        assertFatal("invalid_grant", "'kid' invalid, unable to lookup correct key", "box.auth.jwt.key-id");
        assertFatal("invalid_grant", "Signature verification error. The public key identified by the 'kid' must"
                + " correspond to the private key used for signing.", "private key");
        assertFatal("invalid_grant", "Please check the 'sub' claim. The 'sub' specified is invalid.",
                "box.auth.enterprise-id");
        assertFatal("invalid_grant", "Please check the 'iss' claim.", "box.auth.client-id");
        assertFatal("invalid_request", "Cannot obtain user token based on the enterprise configuration for your app",
                "Generate user access tokens");
    }

    /** The {@code Date} header Box sends at {@code instant}. */
    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private void assertFatal(String error, String description, String advice) {
        box.then(error(400, error, description));
        int before = box.forms.size();
        assertThatExceptionOfType(BoxTokenException.class).as(description).isThrownBy(() -> requester.request(grant))
                .satisfies(e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains(advice);
                });
        assertThat(box.forms).hasSize(before + 1);
    }

    @Test
    void request_neverPutsTheResponseBodyOrTheFormIntoTheMessage() {
        box.then(new TokenHttpResponse(404, "<html>secret-bearing page " + SECRET + "</html>", null, null));

        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> requester.request(grant)).satisfies(e -> {
            assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("html").contains("box.auth.token-url");
            assertThat(e.error()).isEmpty();
        });
    }

    @Test
    void request_rejectsASuccessWithoutAToken() {
        box.then(new TokenHttpResponse(200, "{\"expires_in\":3600}", null, null));

        assertThatThrownBy(() -> requester.request(grant)).isInstanceOf(BoxTokenException.class)
                .hasMessageContaining("no access_token").hasMessageContaining("box.auth.token-url");
    }

    @Test
    void request_givesEachAttemptOnlyWhatIsLeftOfTheTotalTimeout_andFailsRetryablyAtIt() {
        Duration exchangeTimeout = Duration.ofSeconds(2);
        TokenRequester bounded = new TokenRequester(box, clock, time,
                RetryPolicy.standard(Duration.ofSeconds(4)));
        for (int i = 0; i < 5; i++) {
            box.thenNoAnswer(time, exchangeTimeout);
        }

        assertThatThrownBy(() -> bounded.request(grant)).isInstanceOfSatisfying(BoxTokenException.class, e -> {
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getMessage()).contains("HttpTimeoutException").doesNotContain(SECRET);
        });

        assertThat(box.allowed.get(0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(box.allowed.get(1)).isEqualTo(Duration.ofSeconds(2).minus(sleeps.get(0)));
        assertThat(box.forms).hasSize(2);
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void request_startsNoRetryWhoseWaitWouldEndPastTheTotalTimeout() {
        TokenRequester bounded = new TokenRequester(box, clock, time, RetryPolicy.standard(Duration.ofSeconds(3)));
        box.then(new TokenHttpResponse(429, "{}", null, "2")).then(new TokenHttpResponse(429, "{}", null, "2"));

        assertThatThrownBy(() -> bounded.request(grant)).isInstanceOf(BoxTokenException.class);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(box.forms).hasSize(2);
    }

    @Test
    void request_stopsRetryingWhenTheTotalWaitWouldPassTheBudget() {
        TokenRequester patient = new TokenRequester(box, clock, time,
                new RetryPolicy(10, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(1)));
        for (int i = 0; i < 10; i++) {
            box.then(new TokenHttpResponse(429, "{}", null, "0.6"));
        }

        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> patient.request(grant));

        assertThat(sleeps).containsExactly(Duration.ofMillis(600));
        assertThat(box.forms).hasSize(2);
    }

    @Test
    void request_restoresTheInterruptFlag() throws Exception {
        TokenRequester interrupted = new TokenRequester(box, clock, d -> {
            throw new InterruptedException();
        }, RETRIES);
        box.thenThrow(new IOException("reset"));

        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> interrupted.request(grant));

        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void exchange_returnsTheRefreshTokenAndRestrictions_butNeverShowsTheTokens() {
        box.then(new TokenHttpResponse(200, "{\"access_token\":\"at-1\",\"expires_in\":3600,\"refresh_token\":\"rt-1\","
                + "\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\","
                + "\"restricted_to\":[{\"scope\":\"item_preview\",\"object\":{\"id\":\"1\",\"type\":\"file\"}}]}",
                null, null));

        TokenResponse response = requester.exchange(grant);

        assertThat(response.refreshToken()).isEqualTo("rt-1");
        assertThat(response.issuedTokenType()).isEqualTo("urn:ietf:params:oauth:token-type:access_token");
        assertThat(response.restrictedTo()).singleElement().asString().contains("item_preview");
        assertThat(response.toString()).doesNotContain("at-1").doesNotContain("rt-1");
    }
}
