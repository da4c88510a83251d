package dev.boxauth.internal.cache;

import dev.boxauth.BoxAccessToken;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * One token and the clock readings, in epoch milliseconds, at which it turns stale and expired.
 *
 * <p>Immutable, so that the cache can publish it through one {@code volatile} field and the hot path
 * needs a single read of that field and one comparison of longs.
 */
final class TokenSnapshot {

    /** Longest any token is kept back from its end so that it does not die on its way to Box. */
    static final long MAX_EXPIRY_MARGIN_MILLIS = 10_000;

    /** Bounds of the pause after a failed background refresh while the token is still usable. */
    static final long MIN_RETRY_DELAY_MILLIS = 1_000;
    static final long MAX_RETRY_DELAY_MILLIS = 30_000;

    /** Bounds within which expiry instants are clamped, far enough inside {@code long} to leave room for arithmetic. */
    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE / 4);
    private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE / 4);

    /** No token: every reading of the clock is past {@link #freshUntilMillis} and past expiry. */
    static final TokenSnapshot EMPTY = new TokenSnapshot(null, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);

    /** The cached token; {@code null} only in {@link #EMPTY}. */
    final BoxAccessToken token;

    /** From here on a refresh is due, though the token may still be handed out. */
    final long staleAtMillis;

    /** From here on the token is not handed out any more. */
    final long expiredAtMillis;

    /**
     * The hot path's only deadline: before it the token is returned with no further check. It is the
     * earlier of stale and expired, or, after a failed background refresh, the time of the next attempt
     * (never later than expiry), so that a failing Box is not asked again on every call.
     */
    final long freshUntilMillis;

    private TokenSnapshot(BoxAccessToken token, long staleAtMillis, long expiredAtMillis, long freshUntilMillis) {
        this.token = token;
        this.staleAtMillis = staleAtMillis;
        this.expiredAtMillis = expiredAtMillis;
        this.freshUntilMillis = freshUntilMillis;
    }

    /**
     * @param token the token just fetched
     * @param obtainedAtMillis the clock read just before the fetch started, so that time spent in
     *     flight counts against the lifetime
     * @param refreshMarginMillis how long before expiry to refresh, when the lifetime allows
     * @param jitter given the largest jitter allowed, returns a jitter in {@code [0, that]}
     */
    static TokenSnapshot of(BoxAccessToken token, long obtainedAtMillis, long refreshMarginMillis,
            LongUnaryOperator jitter) {
        long expiresAt = epochMillis(token.expiresAt());
        long lifetime = Math.max(0, expiresAt - obtainedAtMillis);
        long half = lifetime / 2;
        // The floor at half the lifetime keeps a token that lives shorter than the margin from being
        // refreshed on every call.
        long staleAt = Math.max(expiresAt - refreshMarginMillis, obtainedAtMillis + half);
        long maxJitter = Math.min(refreshMarginMillis, half) / 10;
        long chosen = Math.max(0, Math.min(maxJitter, jitter.applyAsLong(maxJitter)));
        staleAt -= chosen;
        long expiredAt = expiresAt - Math.min(MAX_EXPIRY_MARGIN_MILLIS, lifetime / 10);
        return new TokenSnapshot(token, staleAt, expiredAt, Math.min(staleAt, expiredAt));
    }

    /** The same token, not to be refreshed again before {@code retryAtMillis} (nor served after expiry). */
    TokenSnapshot retryingAt(long retryAtMillis) {
        return new TokenSnapshot(token, staleAtMillis, expiredAtMillis, Math.min(retryAtMillis, expiredAtMillis));
    }

    /** When to try again after a background refresh failed at {@code nowMillis}. */
    long retryAfterFailure(long nowMillis) {
        long delay = Math.min(MAX_RETRY_DELAY_MILLIS, (expiredAtMillis - nowMillis) / 2);
        return nowMillis + Math.max(MIN_RETRY_DELAY_MILLIS, delay);
    }

    /** The jitter used outside tests: uniform in {@code [0, max]}. */
    static long randomJitter(long max) {
        return max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max + 1);
    }

    boolean usableAt(long nowMillis) {
        return token != null && nowMillis < expiredAtMillis;
    }

    CacheState stateAt(long nowMillis) {
        if (token == null) {
            return CacheState.EMPTY;
        }
        if (nowMillis >= expiredAtMillis) {
            return CacheState.EXPIRED;
        }
        return nowMillis < staleAtMillis ? CacheState.FRESH : CacheState.STALE;
    }

    private static long epochMillis(Instant instant) {
        if (instant.isAfter(LATEST)) {
            return LATEST.toEpochMilli();
        }
        return instant.isBefore(EARLIEST) ? EARLIEST.toEpochMilli() : instant.toEpochMilli();
    }

    @Override
    public String toString() {
        return token == null ? "TokenSnapshot[empty]"
                : "TokenSnapshot[staleAt=" + Instant.ofEpochMilli(staleAtMillis)
                        + ", expiredAt=" + Instant.ofEpochMilli(expiredAtMillis)
                        + ", freshUntil=" + Instant.ofEpochMilli(freshUntilMillis) + "]";
    }
}
