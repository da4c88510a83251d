package dev.boxauth.internal.oauth;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.Downscope;
import dev.boxauth.internal.LruCache;
import dev.boxauth.internal.cache.RefreshingTokenCache;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The {@link BoxTokenProvider} of one signed-in user: a {@link RefreshingTokenCache} (one refresh in flight
 * per user in this process) over {@link UserTokens}. Owned by its {@link OAuthClient}: {@link #close()} is
 * a no-op, since several callers share the instance.
 */
final class UserTokenProvider implements BoxTokenProvider {

    private final OAuthClient owner;
    private final String boxUserId;
    private final UserTokens tokens;
    private final RefreshingTokenCache cache;
    /** Makes the cache of one set of downscoping parameters, exchanging this user's token. */
    private final BiFunction<Downscope, UserTokenProvider, RefreshingTokenCache> downscopeCaches;
    /** Downscoped tokens by their parameters; beyond this the least recently used set is dropped. */
    private final LruCache<Downscope, RefreshingTokenCache> downscopes = new LruCache<>(MAX_DOWNSCOPES, cache -> { });

    private static final int MAX_DOWNSCOPES = 100;

    UserTokenProvider(OAuthClient owner, String boxUserId, UserTokens tokens, RefreshingTokenCache cache,
            BiFunction<Downscope, UserTokenProvider, RefreshingTokenCache> downscopeCaches) {
        this.owner = owner;
        this.boxUserId = boxUserId;
        this.tokens = tokens;
        this.cache = cache;
        this.downscopeCaches = downscopeCaches;
    }

    /** Names the user in messages and logs. */
    String name() {
        return tokens.name();
    }

    @Override
    public String accessToken() {
        return cache.accessToken();
    }

    @Override
    public BoxAccessToken token() {
        return cache.token();
    }

    @Override
    public void invalidate(String rejectedToken) {
        // Recorded first, so that a fetch started by the invalidation never adopts the same token from the store.
        tokens.rejected(rejectedToken);
        cache.invalidate(rejectedToken);
        downscopes.forEach(downscoped -> downscoped.invalidate(rejectedToken));
    }

    /**
     * @throws BoxAuthException always: an OAuth 2.0 token acts as the user who signed in and no one else
     */
    @Override
    public BoxTokenProvider forUser(String userId) {
        throw new BoxAuthException("forUser does not apply to OAuth 2.0: the token of " + tokens.name()
                + " acts as that user only. Use BoxOAuth.forUser(id) for another signed-in user, or the As-User"
                + " header with an admin's token.");
    }

    /** A downscoped token of this user's, cached by its parameters and exchanged again from a fresh token. */
    @Override
    public BoxAccessToken downscope(Downscope request) {
        return downscopes.get(Objects.requireNonNull(request, "request"), r -> downscopeCaches.apply(r, this)).token();
    }

    /** Signs the user out: {@link dev.boxauth.oauth.BoxOAuth#signOut(String)}. */
    @Override
    public void revoke() {
        owner.signOut(boxUserId);
    }

    /** Does nothing: the provider belongs to its {@link dev.boxauth.oauth.BoxOAuth}, which closes it. */
    @Override
    public void close() {
    }

    /** The user signed in again: drop the cached token so the next call takes the new pair from the store. */
    void signedInAgain() {
        String cached = tokens.handedOut();
        if (cached != null) {
            cache.invalidate(cached);
        }
    }

    /** The user signed out through this process: nothing is read or sent for this instance any more. */
    void detach() {
        tokens.detach();
        String cached = tokens.handedOut();
        if (cached != null) {
            cache.invalidate(cached);
        }
    }

    void shutDown() {
        cache.close();
    }

    @Override
    public String toString() {
        return "BoxTokenProvider[" + tokens.name() + "]";
    }
}
