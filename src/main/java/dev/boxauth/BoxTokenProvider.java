package dev.boxauth;

/**
 * Gives Box access tokens for one Box app and subject: the enterprise's Service Account or one user
 * (JWT, Client Credentials Grant), or whoever generated a developer token.
 *
 * <p>Tokens are cached and refreshed in the background ahead of expiry. While a valid token is cached,
 * {@link #accessToken()} returns at once without a lock; only the first call, or a call after the token
 * expired, waits for Box, and then only one request is in flight whatever the number of callers.
 *
 * <p>Thread-safe. {@link #close()} releases the provider's threads; a closed provider throws
 * {@link IllegalStateException}.
 */
public interface BoxTokenProvider extends AutoCloseable {

    /**
     * The current access token, for an {@code Authorization: Bearer} header.
     *
     * @throws BoxTokenException when no valid token is cached and Box did not issue one
     */
    String accessToken();

    /**
     * The current access token with its expiry. A developer token's expiry is unknown (it lasts at most
     * 60 minutes from when it was generated): it shows as {@link java.time.Instant#MAX}.
     *
     * @throws BoxTokenException when no valid token is cached and Box did not issue one
     */
    BoxAccessToken token();

    /**
     * Drops {@code rejectedToken} when the API answered 401 to it, so the next call fetches a new
     * token. Does nothing when the cached token is already another one, so a burst of 401s for the same
     * token causes exactly one new token request. Also drops a downscoped token of this provider. A
     * developer token cannot be replaced: once it is dropped, every call throws a {@link BoxTokenException}
     * saying how to get a new one.
     *
     * @param rejectedToken the token value the API rejected
     */
    void invalidate(String rejectedToken);

    /**
     * A provider of tokens for one user of the same Box app (JWT {@code box_sub_type=user}, Client
     * Credentials {@code box_subject_type=user}), with its own cache and single-flight refresh. Providers
     * are kept in a bounded cache ({@code box.auth.user-cache-size}); closing this provider closes them.
     * The same user gets the same provider while it is cached; one evicted to make room is closed, and a
     * caller still holding it is served by its replacement. Closing a per-user provider only drops it.
     *
     * @param userId the Box user id, numeric
     * @throws BoxAuthException when the id is not numeric, or the method cannot act as a user (OAuth 2.0,
     *     developer token)
     * @throws IllegalStateException after {@link #close()}
     */
    BoxTokenProvider forUser(String userId);

    /**
     * A downscoped token (token exchange) derived from this provider's current token, cached by its
     * parameters until it nears expiry and then exchanged again from a fresh parent token (a downscoped
     * token cannot be refreshed). Concurrent callers of the same parameters share one exchange. No client
     * credentials are sent: the parent token is the credential.
     *
     * @throws BoxTokenException when Box refuses the exchange, for example because the parent token lacks
     *     a requested scope ({@code invalid_scope}, not retryable)
     */
    BoxAccessToken downscope(Downscope request);

    /**
     * Revokes the current token at Box ({@code box.auth.revoke-url}, with the client id and secret) and
     * drops it; for OAuth 2.0 this ends the user's sign-in, since revoking either token disables both. The
     * next call obtains a new token where the method can. Does nothing when no token is cached. Per-user
     * providers and downscoped tokens keep theirs.
     *
     * @throws BoxTokenException when Box did not confirm; the token is then kept, so a retry revokes it
     * @throws BoxAuthException when the client id and secret are not configured (a bare developer token)
     */
    void revoke();

    /**
     * Stops background refreshes, closes the per-user providers and releases threads. With
     * {@code box.auth.revoke-on-shutdown=true} it first revokes the cached tokens, best effort: a failure
     * is logged, never thrown. Idempotent.
     */
    @Override
    void close();
}
