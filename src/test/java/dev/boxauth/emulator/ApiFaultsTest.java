package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted failures of the API ({@code /2.0/…}), separate from those of the token endpoint. */
class ApiFaultsTest extends EmulatorWithApp {

    private String token;

    @BeforeEach
    void token() {
        token = client.token(app, TestAssertion.enterprise(app, Instant.now()));
        box.resetCounters();
    }

    private HttpResponse<String> usersMe() {
        return client.usersMe("Bearer " + token);
    }

    @Test
    void failNextApiRequests_answersServerErrorsInBoxsShape_beforeAuthentication_thenSucceeds() {
        box.failNextApiRequests(2, 503);

        HttpResponse<String> failed = client.usersMe("Bearer not-even-a-token");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(TokenClient.json(failed)).containsEntry("type", "error").containsEntry("status", 503L)
                .containsEntry("code", "unavailable").containsKeys("message", "request_id", "help_url");
        assertThat(failed.headers().firstValue("BOX-REQUEST-ID")).isPresent();
        assertThat(usersMe().statusCode()).isEqualTo(503);
        assertThat(usersMe().statusCode()).isEqualTo(200);
        assertThat(box.apiRequests()).isEqualTo(3);
        assertThat(box.apiUnauthorized()).isZero();
        assertThat(box.errors()).isEqualTo(Map.of("api_server_error", 2));
    }

    @Test
    void rateLimitNextApiRequests_sendsRetryAfterVerbatim() {
        box.rateLimitNextApiRequests(1, "2.5");

        HttpResponse<String> limited = usersMe();

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2.5");
        assertThat(TokenClient.json(limited)).containsEntry("code", "rate_limit_exceeded");
        assertThat(box.errors()).isEqualTo(Map.of("api_rate_limited", 1));
        assertThat(usersMe().statusCode()).isEqualTo(200);
    }

    @Test
    void apiFaults_leaveTheTokenEndpointAlone_andTokenFaultsLeaveTheApiAlone() {
        box.failNextApiRequests(1, 500);
        box.failNextTokenRequests(1, 502);

        assertThat(client.requestToken(app, TestAssertion.enterprise(app, Instant.now())).statusCode())
                .isEqualTo(502);
        assertThat(usersMe().statusCode()).isEqualTo(500);
        assertThat(usersMe().statusCode()).isEqualTo(200);
        assertThat(client.requestToken(app, TestAssertion.enterprise(app, Instant.now())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void untilCleared_failsEveryRequest_untilClearFaults() {
        box.rateLimitNextApiRequests(BoxEmulator.UNTIL_CLEARED, null);
        box.failNextApiRequests(1, 500);

        for (int i = 0; i < 3; i++) {
            assertThat(usersMe().statusCode()).isEqualTo(429);
        }
        box.clearFaults();

        assertThat(usersMe().statusCode()).as("the 500 behind it was cleared too").isEqualTo(200);
    }

    @Test
    void failNextApiRequests_acceptsOnlyServerErrors() {
        assertThatThrownBy(() -> box.failNextApiRequests(1, 429)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.rateLimitNextApiRequests(-1, "1")).isInstanceOf(IllegalArgumentException.class);
    }
}
