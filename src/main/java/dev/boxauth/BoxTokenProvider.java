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

    /** Stops background refreshes and releases threads. Idempotent. */
    @Override
    void close();
}
