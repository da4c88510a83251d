package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.BoxUser;
import dev.boxauth.emulator.CcgApp;
import dev.boxauth.emulator.JwtApp;
import dev.boxauth.internal.ProviderFactory;
import dev.boxauth.internal.config.SettingsReader;
import dev.boxauth.testing.FakeSleeper;
import dev.boxauth.testing.MutableClock;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics a provider records through the application's OpenTelemetry, read with the SDK's in-memory
 * reader: one count per token request by grant and outcome, its duration, retries by reason, and the
 * seconds until the cached token expires. Retry waits go to a fake sleeper, time to a mutable clock.
 */
class TokenMetricsTest {

    private static final AttributeKey<String> CLIENT_ID = AttributeKey.stringKey("boxauth.client_id");
    private static final AttributeKey<String> GRANT = AttributeKey.stringKey("boxauth.grant");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("boxauth.outcome");
    private static final AttributeKey<String> REASON = AttributeKey.stringKey("boxauth.retry.reason");

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final FakeSleeper sleeper = new FakeSleeper();
    private BoxEmulator box;
    private JwtApp app;

    @BeforeEach
    void start() {
        box = BoxEmulator.start();
        app = box.createJwtApp();
    }

    @AfterEach
    void stop() {
        box.close();
        openTelemetry.close();
    }

    @Test
    void aJwtToken_isOneSuccessfulJwtRequest_andCachedTokensRecordNothing() {
        try (BoxTokenProvider provider = BoxAuth.builder().properties(jwt()).openTelemetry(openTelemetry).build()) {
            for (int i = 0; i < 100; i++) {
                provider.accessToken();
            }
        }

        Attributes success = Attributes.of(CLIENT_ID, app.clientId(), GRANT, "jwt", OUTCOME, "success");
        assertThat(counts("boxauth.token.requests")).isEqualTo(Map.of(success, 1L));
        assertThat(durations()).containsOnlyKeys(success);
        assertThat(durations().get(success).getCount()).isEqualTo(1);
        assertThat(metric("boxauth.token.retries")).isNull();
    }

    @Test
    void aCcgToken_isOneSuccessfulCcgRequest() {
        CcgApp ccg = box.createCcgApp();
        Map<String, String> p = endpoints();
        p.put("box.auth.client-id", ccg.clientId());
        p.put("box.auth.client-secret", ccg.clientSecret());
        p.put("box.auth.enterprise-id", ccg.enterpriseId());
        try (BoxTokenProvider provider = BoxAuth.builder().properties(p).openTelemetry(openTelemetry).build()) {
            provider.accessToken();
        }

        assertThat(counts("boxauth.token.requests"))
                .isEqualTo(Map.of(Attributes.of(CLIENT_ID, ccg.clientId(), GRANT, "ccg", OUTCOME, "success"), 1L));
    }

    @Test
    void a503_isCountedAsARetry_andTheRequestAsOneSuccessThatLastedTheWait() {
        box.failNextTokenRequests(1, 503);
        try (BoxTokenProvider provider = provider()) {
            provider.accessToken();
        }

        assertThat(counts("boxauth.token.retries")).isEqualTo(Map.of(
                Attributes.of(CLIENT_ID, app.clientId(), GRANT, "jwt", REASON, "server_error"), 1L));
        Attributes success = Attributes.of(CLIENT_ID, app.clientId(), GRANT, "jwt", OUTCOME, "success");
        assertThat(counts("boxauth.token.requests")).isEqualTo(Map.of(success, 1L));
        assertThat(sleeper.sleeps).hasSize(1);
        assertThat(durations().get(success).getSum()).isEqualTo(sleeper.elapsed().toNanos() / 1e9);
        assertThat(box.tokenRequests()).isEqualTo(2);
    }

    @Test
    void a503UntilTheRetriesRunOut_isCountedAsUnavailable() {
        box.failNextTokenRequests(BoxEmulator.UNTIL_CLEARED, 503);
        try (BoxTokenProvider provider = provider()) {
            assertThatThrownBy(provider::accessToken).isInstanceOf(BoxTokenException.class);
        }

        assertThat(counts("boxauth.token.requests")).isEqualTo(Map.of(
                Attributes.of(CLIENT_ID, app.clientId(), GRANT, "jwt", OUTCOME, "unavailable"), 1L));
        assertThat(counts("boxauth.token.retries").values()).containsExactly((long) box.tokenRequests() - 1);
    }

    @Test
    void aRefusal_isCountedWithItsOutcome_andNotRetried() {
        app.authorized(false);
        try (BoxTokenProvider provider = provider()) {
            assertThatThrownBy(provider::accessToken).isInstanceOf(BoxTokenException.class);
        }

        assertThat(counts("boxauth.token.requests")).isEqualTo(Map.of(
                Attributes.of(CLIENT_ID, app.clientId(), GRANT, "jwt", OUTCOME, "refused"), 1L));
        assertThat(metric("boxauth.token.retries")).isNull();
    }

    @Test
    void a429_isCountedAsARateLimitedRetry() {
        box.rateLimitNextTokenRequests(1, "0");
        try (BoxTokenProvider provider = provider()) {
            provider.accessToken();
        }

        assertThat(counts("boxauth.token.retries")).isEqualTo(Map.of(
                Attributes.of(CLIENT_ID, app.clientId(), GRANT, "jwt", REASON, "rate_limited"), 1L));
    }

    @Test
    void anAnswerWithoutAToken_isCountedAsAnInvalidResponse() {
        box.malformNextTokenResponses(1);
        try (BoxTokenProvider provider = provider()) {
            assertThatThrownBy(provider::accessToken).isInstanceOf(BoxTokenException.class);
        }

        assertThat(counts("boxauth.token.requests")).isEqualTo(Map.of(
                Attributes.of(CLIENT_ID, app.clientId(), GRANT, "jwt", OUTCOME, "invalid_response"), 1L));
    }

    @Test
    void noAnswer_isCountedAsUnreachable_afterNetworkRetries() {
        Map<String, String> p = jwt();
        p.put("box.auth.token-url", "http://127.0.0.1:1/oauth2/token"); // nothing listens on port 1
        try (BoxTokenProvider provider = ProviderFactory.create(SettingsReader.read(p),
                new ProviderFactory.Options(clock, null, null, null, sleeper, null, openTelemetry))) {
            assertThatThrownBy(provider::accessToken).isInstanceOf(BoxTokenException.class);
        }

        assertThat(counts("boxauth.token.requests")).isEqualTo(Map.of(
                Attributes.of(CLIENT_ID, app.clientId(), GRANT, "jwt", OUTCOME, "unreachable"), 1L));
        assertThat(counts("boxauth.token.retries")).isEqualTo(Map.of(
                Attributes.of(CLIENT_ID, app.clientId(), GRANT, "jwt", REASON, "network"), (long) sleeper.sleeps.size()));
        assertThat(sleeper.sleeps).isNotEmpty();
    }

    @Test
    void theExpiryGauge_isTheCachedTokensTimeLeft_onTheProvidersClock_untilTheProviderCloses() {
        BoxTokenProvider provider = provider();
        assertThat(metric("boxauth.token.expires_in")).as("no token cached yet").isNull();

        provider.accessToken();
        assertThat(expiresIn()).isEqualTo(Map.of(Attributes.of(CLIENT_ID, app.clientId()), 3600.0));

        clock.advance(Duration.ofMinutes(10));
        assertThat(expiresIn()).isEqualTo(Map.of(Attributes.of(CLIENT_ID, app.clientId()), 3000.0));

        provider.close();
        assertThat(metric("boxauth.token.expires_in")).isNull();
    }

    @Test
    void aUsersToken_addsNoSeriesForTheUser() {
        BoxUser user = app.createUser("Ada Lovelace");
        try (BoxTokenProvider provider = provider()) {
            provider.accessToken();
            provider.forUser(user.id()).accessToken();

            assertThat(counts("boxauth.token.requests")).isEqualTo(Map.of(
                    Attributes.of(CLIENT_ID, app.clientId(), GRANT, "jwt", OUTCOME, "success"), 2L));
            assertThat(expiresIn()).containsOnlyKeys(Attributes.of(CLIENT_ID, app.clientId()));
            assertThat(everything()).doesNotContain(user.id());
        }
    }

    @Test
    void noMetric_holdsASecretOrAToken() {
        box.failNextTokenRequests(1, 503);
        try (BoxTokenProvider provider = provider()) {
            provider.accessToken();
            provider.downscope(Downscope.to("item_preview"));

            String everything = everything();
            assertThat(box.issuedAccessTokens()).hasSize(2).allSatisfy(token -> assertThat(everything)
                    .doesNotContain(token));
            assertThat(everything).doesNotContain(app.clientSecret()).doesNotContain("PRIVATE KEY")
                    .contains("token_exchange");
        }
    }

    private Map<String, String> endpoints() {
        Map<String, String> p = new HashMap<>();
        p.put("box.auth.token-url", box.tokenUrl());
        p.put("box.auth.api-url", box.apiUrl());
        return p;
    }

    private Map<String, String> jwt() {
        Map<String, String> p = endpoints();
        p.put("box.auth.config", app.configJson());
        return p;
    }

    /** The JWT app's provider with the fake sleeper and the mutable clock, which the builder does not take. */
    private BoxTokenProvider provider() {
        return ProviderFactory.create(SettingsReader.read(jwt()),
                new ProviderFactory.Options(clock, null, null, null, sleeper, null, openTelemetry));
    }

    private MetricData metric(String name) {
        return reader.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst().orElse(null);
    }

    private Map<Attributes, Long> counts(String counter) {
        Map<Attributes, Long> counts = new HashMap<>();
        metric(counter).getLongSumData().getPoints().forEach(p -> counts.put(p.getAttributes(), p.getValue()));
        return counts;
    }

    private Map<Attributes, HistogramPointData> durations() {
        MetricData histogram = metric("boxauth.token.request.duration");
        assertThat(histogram.getUnit()).isEqualTo("s");
        Map<Attributes, HistogramPointData> points = new HashMap<>();
        histogram.getHistogramData().getPoints().forEach(p -> points.put(p.getAttributes(), p));
        return points;
    }

    private Map<Attributes, Double> expiresIn() {
        MetricData gauge = metric("boxauth.token.expires_in");
        assertThat(gauge.getUnit()).isEqualTo("s");
        Map<Attributes, Double> points = new HashMap<>();
        gauge.getDoubleGaugeData().getPoints().forEach(p -> points.put(p.getAttributes(), p.getValue()));
        return points;
    }

    /** Every name, attribute and value recorded, as text. */
    private String everything() {
        Collection<MetricData> metrics = reader.collectAllMetrics();
        return String.join("\n", metrics.stream().flatMap(m -> Stream.concat(Stream.of(m.toString()),
                m.getData().getPoints().stream().map(PointData::toString))).toList());
    }
}
