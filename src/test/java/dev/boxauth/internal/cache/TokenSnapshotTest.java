package dev.boxauth.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.BoxAccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class TokenSnapshotTest {

    private static final long T0 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    private static final long MARGIN = Duration.ofMinutes(5).toMillis();
    private static final LongUnaryOperator NO_JITTER = max -> 0;
    private static final LongUnaryOperator MOST_JITTER = max -> max;

    @Test
    void of_hourLongToken_isStaleAtTheMarginAndExpiredTenSecondsBeforeItsEnd() {
        TokenSnapshot snapshot = TokenSnapshot.of(token(Duration.ofHours(1)), T0, MARGIN, NO_JITTER);

        assertThat(snapshot.staleAtMillis).isEqualTo(T0 + Duration.ofMinutes(55).toMillis());
        assertThat(snapshot.expiredAtMillis).isEqualTo(T0 + Duration.ofMinutes(60).minusSeconds(10).toMillis());
        assertThat(snapshot.freshUntilMillis).isEqualTo(snapshot.staleAtMillis);
    }

    @Test
    void of_lifetimeShorterThanTheMargin_isStaleAtHalfLifetimeAndExpiredATenthBeforeItsEnd() {
        TokenSnapshot snapshot = TokenSnapshot.of(token(Duration.ofSeconds(60)), T0, MARGIN, NO_JITTER);

        assertThat(snapshot.staleAtMillis).isEqualTo(T0 + 30_000);
        assertThat(snapshot.expiredAtMillis).isEqualTo(T0 + 54_000);
    }

    @Test
    void of_jitterIsAtMostATenthOfTheSmallerOfMarginAndHalfLifetime() {
        AtomicLong askedFor = new AtomicLong(-1);
        LongUnaryOperator recording = max -> {
            askedFor.set(max);
            return max;
        };

        TokenSnapshot hour = TokenSnapshot.of(token(Duration.ofHours(1)), T0, MARGIN, recording);
        assertThat(askedFor).hasValue(30_000); // margin 300 s < half lifetime 1800 s
        assertThat(hour.staleAtMillis).isEqualTo(T0 + Duration.ofMinutes(55).toMillis() - 30_000);

        TokenSnapshot minute = TokenSnapshot.of(token(Duration.ofSeconds(60)), T0, MARGIN, recording);
        assertThat(askedFor).hasValue(3_000); // half lifetime 30 s < margin 300 s
        assertThat(minute.staleAtMillis).isEqualTo(T0 + 27_000);
    }

    @Test
    void of_jitterOutsideItsBoundsIsClamped() {
        TokenSnapshot tooMuch = TokenSnapshot.of(token(Duration.ofHours(1)), T0, MARGIN, max -> max * 100);
        TokenSnapshot negative = TokenSnapshot.of(token(Duration.ofHours(1)), T0, MARGIN, max -> -max);

        assertThat(tooMuch.staleAtMillis).isEqualTo(T0 + Duration.ofMinutes(55).toMillis() - 30_000);
        assertThat(negative.staleAtMillis).isEqualTo(T0 + Duration.ofMinutes(55).toMillis());
    }

    @Test
    void randomJitter_staysWithinZeroAndMaxAndReachesBothEnds() {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 20_000; i++) {
            long jitter = TokenSnapshot.randomJitter(10);
            min = Math.min(min, jitter);
            max = Math.max(max, jitter);
        }
        assertThat(min).isZero();
        assertThat(max).isEqualTo(10);
        assertThat(TokenSnapshot.randomJitter(0)).isZero();
    }

    @Test
    void of_marginSmallerThanTheExpiryMargin_neverServesPastExpiry() {
        TokenSnapshot snapshot = TokenSnapshot.of(token(Duration.ofHours(1)), T0, 1_000, NO_JITTER);

        assertThat(snapshot.staleAtMillis).isGreaterThan(snapshot.expiredAtMillis);
        assertThat(snapshot.freshUntilMillis).isEqualTo(snapshot.expiredAtMillis);
        assertThat(snapshot.stateAt(snapshot.expiredAtMillis)).isEqualTo(CacheState.EXPIRED);
    }

    @Test
    void of_timeSpentFetchingCountsAgainstTheLifetime() {
        // The fetch began 10 s before T0: the lifetime is measured from then, not from the answer.
        BoxAccessToken token = new BoxAccessToken("t", Instant.ofEpochMilli(T0 + 60_000));
        TokenSnapshot snapshot = TokenSnapshot.of(token, T0 - 10_000, MARGIN, NO_JITTER);

        assertThat(snapshot.staleAtMillis).isEqualTo(T0 - 10_000 + 35_000); // lifetime 70 s, half 35 s
    }

    @Test
    void of_tokenAlreadyExpired_isExpiredAtOnce() {
        TokenSnapshot snapshot = TokenSnapshot.of(new BoxAccessToken("t", Instant.ofEpochMilli(T0 - 1)), T0, MARGIN,
                MOST_JITTER);

        assertThat(snapshot.stateAt(T0)).isEqualTo(CacheState.EXPIRED);
        assertThat(snapshot.usableAt(T0)).isFalse();
    }

    @Test
    void of_extremeExpiryInstants_doNotOverflow() {
        TokenSnapshot forever = TokenSnapshot.of(new BoxAccessToken("t", Instant.MAX), T0, MARGIN, MOST_JITTER);
        TokenSnapshot never = TokenSnapshot.of(new BoxAccessToken("t", Instant.MIN), T0, MARGIN, MOST_JITTER);

        assertThat(forever.stateAt(T0)).isEqualTo(CacheState.FRESH);
        assertThat(forever.freshUntilMillis).isGreaterThan(T0);
        assertThat(never.stateAt(T0)).isEqualTo(CacheState.EXPIRED);
    }

    @Test
    void retryAfterFailure_isHalfTheTimeLeftCappedAtThirtySecondsAndAtLeastOneSecond() {
        TokenSnapshot snapshot = TokenSnapshot.of(token(Duration.ofHours(1)), T0, MARGIN, NO_JITTER);
        long expiredAt = snapshot.expiredAtMillis;

        assertThat(snapshot.retryAfterFailure(expiredAt - 300_000)).isEqualTo(expiredAt - 300_000 + 30_000);
        assertThat(snapshot.retryAfterFailure(expiredAt - 4_000)).isEqualTo(expiredAt - 4_000 + 2_000);
        assertThat(snapshot.retryAfterFailure(expiredAt - 1_500)).isEqualTo(expiredAt - 1_500 + 1_000);
    }

    @Test
    void retryingAt_neverServesPastExpiry() {
        TokenSnapshot snapshot = TokenSnapshot.of(token(Duration.ofHours(1)), T0, MARGIN, NO_JITTER);
        long expiredAt = snapshot.expiredAtMillis;

        assertThat(snapshot.retryingAt(expiredAt - 1).freshUntilMillis).isEqualTo(expiredAt - 1);
        assertThat(snapshot.retryingAt(expiredAt + 500).freshUntilMillis).isEqualTo(expiredAt);
        assertThat(snapshot.retryingAt(expiredAt + 500).staleAtMillis).isEqualTo(snapshot.staleAtMillis);
    }

    @Test
    void stateAt_followsFreshStaleExpired() {
        TokenSnapshot snapshot = TokenSnapshot.of(token(Duration.ofHours(1)), T0, MARGIN, NO_JITTER);

        assertThat(snapshot.stateAt(snapshot.staleAtMillis - 1)).isEqualTo(CacheState.FRESH);
        assertThat(snapshot.stateAt(snapshot.staleAtMillis)).isEqualTo(CacheState.STALE);
        assertThat(snapshot.stateAt(snapshot.expiredAtMillis - 1)).isEqualTo(CacheState.STALE);
        assertThat(snapshot.stateAt(snapshot.expiredAtMillis)).isEqualTo(CacheState.EXPIRED);
        assertThat(TokenSnapshot.EMPTY.stateAt(T0)).isEqualTo(CacheState.EMPTY);
    }

    @Test
    void toString_neverShowsTheToken() {
        BoxAccessToken token = new BoxAccessToken("secret-token-value", Instant.ofEpochMilli(T0 + 3_600_000));

        assertThat(TokenSnapshot.of(token, T0, MARGIN, NO_JITTER).toString()).doesNotContain("secret-token-value");
    }

    private static BoxAccessToken token(Duration lifetime) {
        return new BoxAccessToken("t", Instant.ofEpochMilli(T0).plus(lifetime));
    }
}
