package dev.boxauth.internal;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxTokenException;
import dev.boxauth.internal.cache.TokenSource;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands out the configured developer token, once. Its expiry is unknown, so it is cached as never
 * expiring: the cache asks again only after the token was invalidated (the API answered 401) or revoked,
 * and then no valid token can be had, since a developer token cannot be refreshed.
 */
final class DeveloperTokenSource implements TokenSource {

    private final Secret token;
    private final AtomicBoolean handedOut = new AtomicBoolean();

    DeveloperTokenSource(Secret token) {
        this.token = token;
    }

    @Override
    public BoxAccessToken fetch() {
        if (handedOut.compareAndSet(false, true)) {
            return new BoxAccessToken(token.reveal(), Instant.MAX);
        }
        throw new BoxTokenException("The Box developer token is no longer valid (the API rejected it, or it was"
                + " revoked): developer tokens last 60 minutes and cannot be refreshed. Generate a new one in the"
                + " Developer Console (the app → Configuration → Generate Developer Token), set it in"
                + " box.auth.developer-token and build the provider again (restart the application); for tokens"
                + " that renew themselves, use JWT or the Client Credentials Grant.", null, null, 0, false, null);
    }

    @Override
    public String toString() {
        return "DeveloperTokenSource[" + (handedOut.get() ? "handed out" : "not used yet") + "]";
    }
}
