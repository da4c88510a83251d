package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scripted failures of the token endpoint, and latency. */
class FaultInjectionTest extends EmulatorWithApp {

    private HttpResponse<String> requestToken() {
        return client.requestToken(app, TestAssertion.enterprise(app, Instant.now()));
    }

    @Test
    void failNextTokenRequests_answersServerErrorsInBoxsShape_thenSucceeds() {
        box.failNextTokenRequests(2, 503);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failed = requestToken();
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(TokenClient.json(failed)).containsEntry("type", "error").containsEntry("status", 503L)
                    .containsEntry("code", "unavailable").containsKey("message");
        }
        assertThat(requestToken().statusCode()).isEqualTo(200);
        assertThat(box.tokenRequests()).isEqualTo(3);
        assertThat(box.tokensIssued()).isEqualTo(1);
        assertThat(box.errors()).isEqualTo(Map.of("server_error", 2));
    }

    @Test
    void rateLimitNextTokenRequests_sendsRetryAfterVerbatim() {
        box.rateLimitNextTokenRequests(1, "0.2");

        HttpResponse<String> limited = requestToken();

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("0.2");
        assertThat(TokenClient.json(limited)).containsEntry("type", "error").containsEntry("status", 429L)
                .containsEntry("code", "rate_limit_exceeded")
                .containsEntry("message", "Request rate limit exceeded, please try again later")
                .containsKeys("request_id", "help_url");
        assertThat(limited.headers().firstValue("BOX-REQUEST-ID")).isPresent();
        assertThat(box.errors("rate_limited")).isEqualTo(1);
        assertThat(requestToken().statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimitWithoutRetryAfter_sendsNoRetryAfter() {
        box.rateLimitNextTokenRequests(1, null);

        HttpResponse<String> limited = requestToken();

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void scriptedFailures_comeInTheOrderTheyWereAdded() {
        box.rateLimitNextTokenRequests(1, "1");
        box.failNextTokenRequests(1, 500);
        box.rateLimitNextTokenRequests(1, "2");

        assertThat(requestToken().statusCode()).isEqualTo(429);
        assertThat(requestToken().statusCode()).isEqualTo(500);
        assertThat(requestToken().headers().firstValue("Retry-After")).hasValue("2");
        assertThat(requestToken().statusCode()).isEqualTo(200);
    }

    @Test
    void scriptedFailures_comeBeforeAnyCheck_andDoNotSpendTheJti() {
        TestAssertion assertion = TestAssertion.enterprise(app, Instant.now());
        box.failNextTokenRequests(1, 502);

        assertThat(client.postRaw("not even a form").statusCode()).isEqualTo(502);
        assertThat(client.requestToken(app, assertion).statusCode()).isEqualTo(200);
    }

    @Test
    void failNextTokenRequests_acceptsOnlyServerErrors() {
        assertThatThrownBy(() -> box.failNextTokenRequests(1, 429)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.failNextTokenRequests(-1, 503)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void latency_delaysEveryResponse() {
        box.latency(Duration.ofMillis(150));

        long start = System.nanoTime();
        client.usersMe(null);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
}
