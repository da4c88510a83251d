package dev.boxauth.internal;

import dev.boxauth.internal.cache.RefreshingTokenCache;
import dev.boxauth.internal.cache.TokenSource;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.http.TokenEndpoint;
import dev.boxauth.internal.metrics.TokenMetrics;
import dev.boxauth.internal.token.TokenRequester;
import dev.boxauth.internal.token.TokenRevoker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * What every provider built from one configuration shares: the configured one, its per-user providers
 * and their downscoped tokens use the same settings, HTTP client (through the requester and the revoke
 * endpoint), clock and refresh executor.
 *
 * @param settings the settings, with the credentials of the moment
 * @param revokeEndpoint {@code null} when the client id and secret are not configured (a bare developer token)
 * @param maxWait the longest a caller waits for one token request
 * @param shared given what a cache is for and how it asks Box, the source that shares its tokens with the
 *     other instances of a cluster; {@code null} without a store
 * @param metrics the app's metrics, which the requester records too; {@link TokenMetrics#NONE} without OpenTelemetry
 */
record Wiring(CurrentSettings settings, Clock clock, Executor executor, TokenRequester requester,
        TokenEndpoint revokeEndpoint, Duration maxWait, BiFunction<String, TokenSource, TokenSource> shared,
        TokenMetrics metrics) {

    /**
     * A revoker with the client credentials of the moment (the files are checked, as before a token
     * request), or {@code null} when the client id and secret are not configured.
     */
    TokenRevoker revoker() {
        if (revokeEndpoint == null) {
            return null;
        }
        Settings current = settings.checked();
        return new TokenRevoker(revokeEndpoint, current.clientId(), current.clientSecret());
    }

    /** @param source asks Box; shared with the other instances of a cluster when a store is configured */
    RefreshingTokenCache newCache(String name, TokenSource source, Duration wait) {
        TokenSource fetch = shared == null ? source : shared.apply(name, source);
        return new RefreshingTokenCache(name, fetch, clock, executor, settings.initial().refreshMargin(), wait);
    }
}
