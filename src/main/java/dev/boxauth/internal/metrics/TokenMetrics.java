package dev.boxauth.internal.metrics;

import dev.boxauth.internal.otel.OpenTelemetryTokenMetrics;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What box-auth measures of one Box app's token requests. It names no OpenTelemetry type, so that the core
 * loads without OpenTelemetry on the class path; {@link #NONE} records nothing, and
 * {@link #forApp(Object, String)} gives the OpenTelemetry-backed one when there is an OpenTelemetry.
 *
 * <p>Called around token requests only, never on a cached token's path. Attribute values come from enums
 * and grant names, and the client id: nothing per user, nothing secret.
 */
public interface TokenMetrics {

    /** Records nothing: the default, and what an application without OpenTelemetry gets. */
    TokenMetrics NONE = new TokenMetrics() {
        @Override
        public void requested(String grant, Outcome outcome, Duration took) {
        }

        @Override
        public void retried(String grant, RetryReason reason) {
        }

        @Override
        public Watch watchExpiry(Supplier<Duration> timeLeft) {
            return () -> { };
        }
    };

    /**
     * The metrics of the app with {@code clientId}.
     *
     * @param openTelemetry an {@code io.opentelemetry.api.OpenTelemetry}, or {@code null} for {@link #NONE};
     *     typed {@code Object} so that OpenTelemetry's classes load only when there is one
     * @param clientId the app's client id, an attribute of every measurement; {@code null} when not configured
     */
    static TokenMetrics forApp(Object openTelemetry, String clientId) {
        return openTelemetry == null ? NONE
                : OpenTelemetryTokenMetrics.forApp(openTelemetry, clientId);
    }

    /**
     * One token request finished, retries included.
     *
     * @param grant {@link dev.boxauth.internal.grant.Grant#kind()}
     * @param took from the first attempt to the token or the failure, waits between retries included
     */
    void requested(String grant, Outcome outcome, Duration took);

    /** A token request is tried again, after a wait or at once. */
    void retried(String grant, RetryReason reason);

    /**
     * Reports, until the returned watch is closed, how long the app's cached token still lives, read when
     * the metrics are collected.
     *
     * @param timeLeft the cached token's time left, negative once expired; {@code null} while none is cached
     */
    Watch watchExpiry(Supplier<Duration> timeLeft);

    /** Stops a report; called once. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** How a token request ended. */
    enum Outcome {
        /** Box issued a token. */
        SUCCESS,
        /** Box answered with an error that no retry fixes: the configuration, the app's setup at Box. */
        REFUSED,
        /** Box answered with rate limits or server errors until the retries or the deadline ran out. */
        UNAVAILABLE,
        /** No answer from Box: the network, TLS, the deadline of an attempt. */
        UNREACHABLE,
        /** Box's answer was no usable token (HTTP 200 without one, an oversized body): not Box's endpoint. */
        INVALID_RESPONSE,
        /** Something else failed: a key that could not sign, an interrupt. */
        ERROR;

        /** The attribute value: the name in lower case. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a token request is tried again. */
    enum RetryReason {
        /** HTTP 429. */
        RATE_LIMITED,
        /** HTTP 5xx. */
        SERVER_ERROR,
        /** No answer: a connection or read failure. */
        NETWORK,
        /** Box rejected the assertion's expiry: its clock differs from ours. */
        CLOCK_SKEW,
        /** Box had seen the assertion's id. */
        JTI_REUSED;

        /** The attribute value: the name in lower case. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
