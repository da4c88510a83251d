package dev.boxauth.internal.oauth;

import dev.boxauth.internal.Secret;
import dev.boxauth.internal.token.Sleeper;
import dev.boxauth.internal.token.TokenRequester;
import dev.boxauth.oauth.BoxTokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What every user's token source of one {@link OAuthClient} shares.
 *
 * @param clientId the app's client id
 * @param clientSecret the app's client secret
 * @param store where the users' pairs live, shared with other instances
 * @param clock the only source of time for expiry and leases
 * @param refresher sends one refresh request per call, without retrying (see {@link UserTokens})
 * @param sleeper waits between polls of the store and between refresh attempts
 * @param refreshMargin an access token with less than this left is refreshed rather than adopted
 * @param leaseDuration how long one refresh attempt may hold the stored pair
 * @param revoker revokes a refresh token at Box, best effort
 */
record Shared(String clientId, Secret clientSecret, BoxTokenStore store, Clock clock, TokenRequester refresher,
        Sleeper sleeper, Duration refreshMargin, Duration leaseDuration, Consumer<Secret> revoker) {
}
