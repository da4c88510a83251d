package dev.boxauth.internal.cache;

import dev.boxauth.BoxAccessToken;

/**
 * Fetches one new token from Box.
 *
 * <p>Blocking. {@link RefreshingTokenCache} calls it at most once at a time per cache, so an
 * implementation needs no locking of its own for that; it must bound its own duration (connect and
 * read timeouts), because the cache cannot stop a fetch that hangs and starts no other while one runs.
 */
@FunctionalInterface
public interface TokenSource {

    /**
     * @return a new token, never {@code null}
     * @throws dev.boxauth.BoxAuthException when Box did not issue one
     */
    BoxAccessToken fetch();
}
