package dev.boxauth.internal;

import dev.boxauth.internal.cache.RefreshingTokenCache;
import dev.boxauth.internal.cache.TokenSource;
import dev.boxauth.internal.config.Settings;
import dev.boxauth.internal.token.TokenRequester;
import dev.boxauth.internal.token.TokenRevoker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What every provider built from one configuration shares: the configured one, its per-user providers
 * and their downscoped tokens use the same HTTP client (through the requester and revoker), clock and
 * refresh executor.
 *
 * @param revoker {@code null} when the client id and secret are not configured (a bare developer token)
 * @param maxWait the longest a caller waits for one token request
 */
record Wiring(Settings settings, Clock clock, Executor executor, TokenRequester requester, TokenRevoker revoker,
        Duration maxWait) {

    RefreshingTokenCache newCache(String name, TokenSource source, Duration wait) {
        return new RefreshingTokenCache(name, source, clock, executor, settings.refreshMargin(), wait);
    }
}
