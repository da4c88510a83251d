package dev.boxauth.internal.cache;

import java.time.Instant;

/**
 * What {@link RefreshingTokenCache#status()} read at one moment, under its lock, so the fields agree.
 * Holds no token value.
 *
 * @param asOf the cache's clock when read
 * @param usable whether the cache hands out its token now (fresh or stale), without asking Box
 * @param expiresAt the held token's expiry, usable or not; {@code null} when none is held
 * @param lastFailure why the last fetch gave no token; {@code null} when it gave one, or none was made
 */
public record CacheStatus(Instant asOf, boolean usable, Instant expiresAt, Throwable lastFailure) {
}
