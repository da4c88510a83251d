package dev.boxauth;

/**
 * Gives Box access tokens for one Box app and subject (the enterprise's Service Account or one user).
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
     * The current access token with its expiry.
     *
     * @throws BoxTokenException when no valid token is cached and Box did not issue one
     */
    BoxAccessToken token();

    /**
     * Drops {@code rejectedToken} when the API answered 401 to it, so the next call fetches a new
     * token. Does nothing when the cached token is already another one, so a burst of 401s for the same
     * token causes exactly one new token request.
     *
     * @param rejectedToken the token value the API rejected
     */
    void invalidate(String rejectedToken);

    /**
     * A provider of tokens for one user of the same Box app (JWT {@code box_sub_type=user}, Client
     * Credentials {@code box_subject_type=user}), with its own cache and single-flight refresh. Providers
     * are kept in a bounded cache ({@code box.auth.user-cache-size}); closing this provider closes them.
     *
     * @param userId the Box user id, numeric
     * @throws BoxAuthException when the id is not numeric, or the method cannot act as a user (OAuth 2.0,
     *     developer token)
     */
    BoxTokenProvider forUser(String userId);

    /**
     * A downscoped token (token exchange) derived from this provider's current token, cached by its
     * parameters until it nears expiry and then exchanged again from a fresh parent token (a downscoped
     * token cannot be refreshed).
     *
     * @throws BoxTokenException when Box refuses the exchange, for example because the parent token lacks
     *     a requested scope
     */
    BoxAccessToken downscope(Downscope request);

    /**
     * Revokes the current token at Box and drops it; for OAuth 2.0 this ends the user's sign-in, since
     * revoking either token disables both. The next call obtains a new token where the method can.
     */
    void revoke();

    /** Stops background refreshes and releases threads. Idempotent. */
    @Override
    void close();
}
