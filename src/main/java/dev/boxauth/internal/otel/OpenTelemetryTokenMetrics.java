package dev.boxauth.internal.otel;

import dev.boxauth.internal.metrics.TokenMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleGauge;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link TokenMetrics} as OpenTelemetry instruments of the meter {@value #SCOPE}. The only class that names
 * OpenTelemetry's types: it is loaded only when an application or server passed an {@link OpenTelemetry}.
 *
 * <ul>
 *   <li>{@value #REQUESTS} (counter, {@code {request}}): token requests by client id, grant and outcome;
 *   <li>{@value #DURATION} (histogram, {@code s}): how long each took, retries and their waits included;
 *   <li>{@value #RETRIES} (counter, {@code {retry}}): retries by client id, grant and reason;
 *   <li>{@value #EXPIRES_IN} (gauge, {@code s}): how long the app's cached token still lives.
 * </ul>
 */
public final class OpenTelemetryTokenMetrics implements TokenMetrics {

    static final String SCOPE = "dev.boxauth";
    static final String REQUESTS = "boxauth.token.requests";
    static final String DURATION = "boxauth.token.request.duration";
    static final String RETRIES = "boxauth.token.retries";
    static final String EXPIRES_IN = "boxauth.token.expires_in";

    static final AttributeKey<String> CLIENT_ID = AttributeKey.stringKey("boxauth.client_id");
    static final AttributeKey<String> GRANT = AttributeKey.stringKey("boxauth.grant");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("boxauth.outcome");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("boxauth.retry.reason");

    /** OpenTelemetry's HTTP duration buckets, in seconds: the SDK's defaults are sized for milliseconds. */
    private static final List<Double> DURATION_BUCKETS =
            List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 30.0, 60.0);

    private final Meter meter;
    /** The app's attributes, which every measurement carries. */
    private final Attributes app;
    private final LongCounter requests;
    private final DoubleHistogram duration;
    private final LongCounter retries;

    private OpenTelemetryTokenMetrics(Meter meter, Attributes app) {
        this.meter = meter;
        this.app = app;
        this.requests = meter.counterBuilder(REQUESTS).setUnit("{request}")
                .setDescription("Box token requests, by grant and outcome").build();
        this.duration = withBuckets(meter.histogramBuilder(DURATION).setUnit("s")
                .setDescription("How long a Box token request took, its retries and their waits included")).build();
        this.retries = meter.counterBuilder(RETRIES).setUnit("{retry}")
                .setDescription("Box token requests tried again, by grant and reason").build();
    }

    /**
     * @param openTelemetry an {@link OpenTelemetry}
     * @param clientId the app's client id, or {@code null}
     */
    public static TokenMetrics forApp(Object openTelemetry, String clientId) {
        // The SDK returns the same instruments for the same names, so each app's instance shares them.
        Meter meter = ((OpenTelemetry) openTelemetry).getMeter(SCOPE);
        return new OpenTelemetryTokenMetrics(meter,
                clientId == null ? Attributes.empty() : Attributes.of(CLIENT_ID, clientId));
    }

    @Override
    public void requested(String grant, Outcome outcome, Duration took) {
        Attributes attributes = app.toBuilder().put(GRANT, grant).put(OUTCOME, outcome.value()).build();
        requests.add(1, attributes);
        duration.record(took.toNanos() / 1e9, attributes);
    }

    @Override
    public void retried(String grant, RetryReason reason) {
        retries.add(1, app.toBuilder().put(GRANT, grant).put(REASON, reason.value()).build());
    }

    @Override
    public Watch watchExpiry(Supplier<Duration> timeLeft) {
        ObservableDoubleGauge gauge = meter.gaugeBuilder(EXPIRES_IN).setUnit("s")
                .setDescription("How long the app's cached Box token still lives; absent while none is cached")
                .buildWithCallback(measurement -> {
                    Duration left = timeLeft.get();
                    if (left != null) {
                        measurement.record(left.toMillis() / 1e3, app);
                    }
                });
        return gauge::close;
    }

    /**
     * Seconds-sized buckets where the API can advise them: an older API (MicroProfile Telemetry 1.x servers
     * ship 1.29) lacks the method, and the histogram then keeps the SDK's buckets rather than failing.
     */
    private static DoubleHistogramBuilder withBuckets(DoubleHistogramBuilder builder) {
        try {
            return builder.setExplicitBucketBoundariesAdvice(DURATION_BUCKETS);
        } catch (NoSuchMethodError olderApi) {
            return builder;
        }
    }
}
