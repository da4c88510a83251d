package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.internal.ProviderFactory;
import dev.boxauth.internal.config.SettingsReader;
import dev.boxauth.testing.FakeSleeper;
import dev.boxauth.testing.Keys;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a provider does when Box misbehaves, against the emulator over loopback HTTP: the outcome, the
 * token requests it cost, and the time until a token was in hand, which is the retry waits (recorded by a
 * sleeper that does not sleep) or, where an answer never comes, the deadline. Every test has a JUnit
 * timeout, so a wait that is not bounded fails rather than hangs.
 */
@Timeout(60)
class FaultSuiteTest {

    private BoxEmulator box;
    private JwtApp app;
    private final FakeSleeper time = new FakeSleeper();

    @BeforeEach
    void start() {
        box = BoxEmulator.start();
        app = box.createJwtApp();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {300, -300})
    void boxsClockOff_byFiveMinutes_costsOneMoreRequestAndNoWait(long seconds) {
        box.clockOffset(Duration.ofSeconds(seconds));
        try (BoxTokenProvider provider = provider(properties())) {
            assertThat(provider.accessToken()).isNotBlank();
        }
        assertThat(box.tokenRequests()).isEqualTo(2);
        assertThat(time.sleeps).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0.5"})
    void threeRateLimits_areWaitedOutAsRetryAfterSays(String retryAfter) {
        box.rateLimitNextTokenRequests(3, retryAfter);
        try (BoxTokenProvider provider = provider(properties())) {
            assertThat(provider.accessToken()).isNotBlank();
        }
        assertThat(box.tokenRequests()).isEqualTo(4);
        Duration each = Duration.ofMillis((long) (Double.parseDouble(retryAfter) * 1000));
        assertThat(time.sleeps).containsExactly(each, each, each);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void threeServerErrors_areRetriedWithGrowingBackoff(int status) {
        box.failNextTokenRequests(3, status);
        try (BoxTokenProvider provider = provider(properties())) {
            assertThat(provider.accessToken()).isNotBlank();
        }
        assertThat(box.tokenRequests()).isEqualTo(4);
        assertThat(time.sleeps).hasSize(3);
        assertThat(time.elapsed()).isBetween(Duration.ofMillis(875), Duration.ofMillis(1750));
    }

    @Test
    void invalidClient_failsAtOnce_withoutRetry() {
        Map<String, String> p = properties();
        p.put("box.auth.client-secret", "not-the-secret");
        try (BoxTokenProvider provider = provider(p)) {
            assertThatThrownBy(provider::accessToken).isInstanceOfSatisfying(BoxTokenException.class, e -> {
                assertThat(e.error()).contains("invalid_client");
                assertThat(e.isRetryable()).isFalse();
            });
        }
        assertThat(box.tokenRequests()).isEqualTo(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void connectionRefused_failsRetryably_andTheNextCallWorksOnceBoxIsBack() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> p = Map.of("box.auth.client-id", "later-client", "box.auth.client-secret", "s3cret",
                "box.auth.enterprise-id", "777", "box.auth.jwt.key-id", "k1",
                "box.auth.jwt.private-key", Keys.RSA_2048_PKCS8_PEM,
                "box.auth.token-url", "http://127.0.0.1:" + port + "/oauth2/token");
        try (BoxTokenProvider provider = provider(p)) {
            assertThatThrownBy(provider::accessToken).isInstanceOfSatisfying(BoxTokenException.class, e -> {
                assertThat(e.isRetryable()).isTrue();
                assertThat(e.getMessage()).contains("ConnectException").contains("box.auth.token-url");
            });
            assertThat(time.sleeps).hasSize(4);

            try (BoxEmulator back = BoxEmulator.start(port)) {
                back.registerJwtApp("later-client", "s3cret", "777", "k1", Keys.RSA_2048.getPublic());
                assertThat(provider.accessToken()).isNotBlank();
                assertThat(back.tokenRequests()).isEqualTo(1);
            }
        }
    }

    @Test
    void anAnswerSlowerThanTheDeadline_freesTheCallerAtTheDeadline_andTheNextRefreshWorks() {
        Map<String, String> p = properties();
        p.put("box.auth.read-timeout", "300ms");
        p.put("box.auth.total-timeout", "300ms");
        box.latency(Duration.ofSeconds(30));
        try (BoxTokenProvider provider = BoxAuth.fromProperties(p)) {
            // The request's own timeout, not the caller giving up on a request still in flight.
            assertThatThrownBy(provider::accessToken).isInstanceOfSatisfying(BoxTokenException.class, e -> {
                assertThat(e.isRetryable()).isTrue();
                assertThat(e.getMessage()).contains("SocketTimeoutException (no complete answer within");
            });

            box.latency(Duration.ZERO);
            assertThat(provider.accessToken()).isNotBlank();
        }
    }

    @Test
    void headersThenAStalledBody_freeTheCallerAtTheDeadline_andTheNextCallsRefreshStarts() {
        Map<String, String> p = properties();
        p.put("box.auth.read-timeout", "500ms");
        p.put("box.auth.total-timeout", "500ms");
        box.stallNextTokenResponses(1);
        try (BoxTokenProvider provider = BoxAuth.fromProperties(p)) {
            assertThatThrownBy(provider::accessToken).isInstanceOfSatisfying(BoxTokenException.class, e -> {
                assertThat(e.isRetryable()).isTrue();
                assertThat(e.getMessage()).contains("SocketTimeoutException (no complete answer within");
            });

            assertThat(provider.accessToken()).isNotBlank();
        }
        assertThat(box.errors("stalled_body")).isEqualTo(1);
        assertThat(box.tokensIssued()).isEqualTo(1);
    }

    @Test
    void anEndpointThatAcceptsAndNeverAnswers_freesEveryCallerAtTheTotalTimeout_andTheNextRefreshWorks()
            throws Exception {
        Map<String, String> p = properties();
        p.put("box.auth.read-timeout", "2s"); // total timeout: twice that, 4 s
        box.ignoreNextTokenRequests(BoxEmulator.UNTIL_CLEARED);
        try (BoxTokenProvider provider = BoxAuth.fromProperties(p)) {
            List<CompletableFuture<String>> callers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                callers.add(CompletableFuture.supplyAsync(provider::accessToken));
            }
            for (CompletableFuture<String> caller : callers) {
                // The request's own deadline frees them, not the callers' wait of 5 s running out first.
                assertThat(caller).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                        .havingCause().isInstanceOf(BoxTokenException.class)
                        .withMessageContaining("SocketTimeoutException (no complete answer within");
            }
            assertThat(box.errors("no_answer")).isBetween(1, 2);

            box.clearFaults();
            assertThat(provider.accessToken()).isNotBlank();
            assertThat(box.tokensIssued()).isEqualTo(1);
        }
    }

    @Test
    void malformedJson_failsAtOnce_namingTheEndpoint() {
        box.malformNextTokenResponses(1);
        try (BoxTokenProvider provider = provider(properties())) {
            assertThatThrownBy(provider::accessToken).isInstanceOfSatisfying(BoxTokenException.class, e -> {
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.getMessage()).contains("not a JSON object").contains(box.tokenUrl());
            });
        }
        assertThat(box.tokenRequests()).isEqualTo(1);
    }

    @Test
    void aTruncatedBody_isRetriedAsANetworkError() {
        box.truncateNextTokenResponses(1);
        try (BoxTokenProvider provider = provider(properties())) {
            assertThat(provider.accessToken()).isNotBlank();
        }
        assertThat(box.tokenRequests()).isEqualTo(2);
        assertThat(time.sleeps).hasSize(1);
    }

    @Test
    void anOversizedBody_isRefusedOnceItPassesTheCap_andNeverRetried() {
        box.oversizeNextTokenResponses(1, 50_000_000);
        try (BoxTokenProvider provider = provider(properties())) {
            assertThatThrownBy(provider::accessToken).isInstanceOfSatisfying(BoxTokenException.class, e -> {
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.getMessage()).contains("larger than 64 KiB").contains(box.tokenUrl());
            });
        }
        assertThat(box.tokenRequests()).isEqualTo(1);
        assertThat(box.tokensIssued()).isZero();
    }

    private Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("box.auth.config", app.configJson());
        p.put("box.auth.token-url", box.tokenUrl());
        p.put("box.auth.api-url", box.apiUrl());
        return p;
    }

    private BoxTokenProvider provider(Map<String, String> properties) {
        return ProviderFactory.create(SettingsReader.read(properties),
                new ProviderFactory.Options(null, null, null, null, time));
    }
}
