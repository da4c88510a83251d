package dev.boxauth.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenException;
import dev.boxauth.testing.CapturedLog;
import dev.boxauth.testing.MutableClock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Time moves only when a test advances the clock; refreshes run only when a test runs the executor's
 * queue; fetches answer only what the test scripted. The one real-time wait is the short maxWait of
 * the tests about giving up.
 */
class RefreshingTokenCacheTest {

    private static final String NAME = "client c1a2 enterprise 42";
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration MARGIN = Duration.ofMinutes(5);
    private static final Duration LONG_WAIT = Duration.ofSeconds(5);
    private static final Duration SHORT_WAIT = Duration.ofMillis(50);
    /** With no jitter, a one-hour token from T0 turns stale at 55 min and expires 10 s before the hour. */
    private static final Instant STALE_AT = T0.plus(LIFETIME).minus(MARGIN);
    private static final Instant EXPIRED_AT = T0.plus(LIFETIME).minusSeconds(10);
    private static final int CALLERS = 64;

    private final MutableClock clock = new MutableClock(T0);
    private final ManualExecutor executor = new ManualExecutor();
    private final ScriptedTokenSource source = new ScriptedTokenSource();
    /** One permit per caller about to block on a refresh. */
    private final Semaphore waiting = new Semaphore(0);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    // ---- the first token, and expiry

    @Test
    void accessToken_sixtyFourCallersOnAnEmptyCache_fetchOnceAndAllGetTheSameToken() throws Exception {
        RefreshingTokenCache cache = cache(LONG_WAIT);
        source.willReturn(token("token-1", LIFETIME));

        List<Future<String>> calls = startTogether(CALLERS, cache::accessToken);
        awaitWaiting(CALLERS);
        executor.runNext();

        assertThat(results(calls)).hasSize(CALLERS).containsOnly("token-1");
        assertThat(source.calls()).isEqualTo(1);
        assertThat(executor.queued()).isZero();
    }

    @Test
    void accessToken_sixtyFourCallersAtExpiryOfTheCachedToken_fetchOnce() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        clock.set(EXPIRED_AT);
        assertThat(cache.state()).isEqualTo(CacheState.EXPIRED);
        source.willReturn(token("token-2", LIFETIME));

        List<Future<String>> calls = startTogether(CALLERS, cache::accessToken);
        awaitWaiting(CALLERS);
        executor.runNext();

        assertThat(results(calls)).containsOnly("token-2");
        assertThat(source.calls()).isEqualTo(2);
        assertThat(source.mostFetchesAtOnce()).isEqualTo(1);
    }

    @Test
    void accessToken_justBeforeExpiry_neverHandsOutATokenAboutToDie() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        clock.set(EXPIRED_AT.minusMillis(1));
        executor.rejectFromNowOn(true); // keeps the STALE refresh from being queued
        try (CapturedLog log = new CapturedLog()) {
            assertThat(cache.accessToken()).isEqualTo("token-1");
            assertThat(log.text()).contains("could not start: the executor rejected it");
        }

        clock.set(EXPIRED_AT);
        source.willReturn(token("token-2", LIFETIME));
        assertThat(cache.accessToken()).isEqualTo("token-2");
    }

    @Test
    void accessToken_failedFetch_everyWaiterSeesTheSameExceptionAndTheNextCallFetchesAgain() throws Exception {
        RefreshingTokenCache cache = cache(LONG_WAIT);
        BoxTokenException failure = new BoxTokenException("Box is down", null, null, 503, true, null);
        source.willThrow(failure);

        List<Future<String>> calls = startTogether(CALLERS, cache::accessToken);
        awaitWaiting(CALLERS);
        executor.runNext();

        assertThat(failures(calls)).hasSize(CALLERS).allSatisfy(thrown -> assertThat(thrown).isSameAs(failure));
        assertThat(cache.state()).isEqualTo(CacheState.EMPTY);

        source.willReturn(token("token-1", LIFETIME));
        Future<String> next = callers.submit(cache::accessToken);
        executor.runNext();
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("token-1");
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void accessToken_tokenSourceReturnsNull_failsWithBoxAuthExceptionAndFetchesAgainNextTime() throws Exception {
        RefreshingTokenCache cache = cache(LONG_WAIT);
        source.willReturn(null);

        Future<String> call = callers.submit(cache::accessToken);
        executor.runNext();
        assertThat(failures(List.of(call))).singleElement().isInstanceOf(BoxAuthException.class)
                .extracting(Throwable::getMessage).asString().contains(NAME);

        assertThat(filled(cache, "token-1").accessToken()).isEqualTo("token-1");
    }

    // ---- FRESH and STALE

    @Test
    void accessToken_whileFresh_returnsTheCachedTokenWithoutAnyOtherWork() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        clock.set(STALE_AT.minusMillis(1));

        for (int i = 0; i < 100; i++) {
            assertThat(cache.accessToken()).isEqualTo("token-1");
            assertThat(cache.token().value()).isEqualTo("token-1");
        }
        assertThat(cache.state()).isEqualTo(CacheState.FRESH);
        assertThat(executor.queued()).isZero();
        assertThat(source.calls()).isEqualTo(1);
    }

    @Test
    void accessToken_whileFresh_allocatesNothing() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += cache.accessToken().length(); // warm up
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            sink += cache.accessToken().length();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sink).isPositive();
        // One object per call would be at least 1.6 MB; the margin covers the measuring itself.
        assertThat(allocated).isLessThan(16_000);
    }

    @Test
    void accessToken_whenStale_returnsTheCachedTokenAtOnceAndStartsOneBackgroundRefresh() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        clock.set(STALE_AT);
        CompletableFuture<BoxAccessToken> answer = source.hold();

        for (int i = 0; i < 10; i++) {
            assertThat(cache.accessToken()).isEqualTo("token-1");
        }
        assertThat(executor.queued()).isEqualTo(1);

        Future<?> refresh = callers.submit(executor::runNext);
        source.awaitFetchStarted();
        List<Future<String>> calls = startTogether(CALLERS, cache::accessToken);
        assertThat(results(calls)).containsOnly("token-1"); // while the fetch is held open
        assertThat(executor.queued()).isZero();
        assertThat(waiting.availablePermits()).isZero();

        answer.complete(token("token-2", LIFETIME));
        refresh.get(5, TimeUnit.SECONDS);
        assertThat(cache.accessToken()).isEqualTo("token-2");
        assertThat(cache.state()).isEqualTo(CacheState.FRESH);
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void accessToken_backgroundRefreshFails_keepsServingTheTokenAndRetriesOnlyAfterTheDelay() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        clock.set(STALE_AT);
        source.willThrow(new BoxTokenException("Box is down", null, null, 503, true, null));

        try (CapturedLog log = new CapturedLog()) {
            assertThat(cache.accessToken()).isEqualTo("token-1");
            executor.runNext();

            assertThat(cache.accessToken()).isEqualTo("token-1");
            assertThat(warnings(log)).as("one line, with the cause's message, no stack trace").singleElement()
                    .satisfies(record -> {
                        assertThat(record.getMessage()).contains("BOXAUTH-061", NAME, "Box is down")
                                .doesNotContain("token-1");
                        assertThat(record.getThrown()).isNull();
                    });
            assertThat(log.records()).as("the stack trace, at DEBUG").anySatisfy(record ->
                    assertThat(record.getThrown()).hasMessage("Box is down"));
        }
        // 4 min 50 s are left: half of that is over the 30 s cap.
        clock.advance(Duration.ofSeconds(30).minusMillis(1));
        assertThat(cache.accessToken()).isEqualTo("token-1");
        assertThat(executor.queued()).isZero();
        assertThat(cache.toString()).contains("next refresh at");

        clock.advance(Duration.ofMillis(1));
        assertThat(cache.accessToken()).isEqualTo("token-1");
        assertThat(executor.queued()).isEqualTo(1);
        source.willReturn(token("token-2", LIFETIME));
        executor.runNext();
        assertThat(cache.accessToken()).isEqualTo("token-2");
        assertThat(source.calls()).isEqualTo(3);
    }

    @Test
    void accessToken_backgroundRefreshFailsNearExpiry_retriesAfterHalfTheTimeLeftButNotSoonerThanOneSecond()
            throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        clock.set(EXPIRED_AT.minusSeconds(4));
        try (CapturedLog log = new CapturedLog()) {
            source.willThrow(new BoxTokenException("Box is down", null, null, 503, true, null));
            cache.accessToken();
            executor.runNext();

            clock.advance(Duration.ofMillis(1_999));
            cache.accessToken();
            assertThat(executor.queued()).isZero();
            clock.advance(Duration.ofMillis(1)); // 2 s left now
            source.willThrow(new BoxTokenException("Box is down", null, null, 503, true, null));
            cache.accessToken();
            executor.runNext();

            clock.advance(Duration.ofMillis(999)); // half the time left would be 1 s minus a bit
            assertThat(cache.accessToken()).isEqualTo("token-1");
            assertThat(executor.queued()).isZero();
            clock.advance(Duration.ofMillis(1));
            cache.accessToken();
            assertThat(executor.queued()).isEqualTo(1);
            assertThat(warnings(log)).hasSize(2);
        }
    }

    @Test
    void accessToken_lifetimeShorterThanTheMargin_refreshesOncePerHalfLifetimeNotOnEveryCall() throws Exception {
        RefreshingTokenCache cache = cache(LONG_WAIT);
        AtomicInteger issued = new AtomicInteger();
        source.otherwiseAnswer(() -> token("short-" + issued.incrementAndGet(), Duration.ofSeconds(60)));
        filled(cache, null);

        for (int second = 1; second <= 3_600; second++) {
            clock.advance(Duration.ofSeconds(1));
            for (int call = 0; call < 10; call++) {
                cache.accessToken();
            }
            executor.runAll();
        }

        // One fetch at the start, then one every 30 s for an hour.
        assertThat(source.calls()).isEqualTo(1 + 3_600 / 30);
    }

    // ---- invalidate

    @Test
    void invalidate_sixtyFourThreadsRejectTheSameToken_oneNewFetch() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        source.willReturn(token("token-2", LIFETIME));

        List<Future<String>> calls = startTogether(CALLERS, () -> {
            cache.invalidate("token-1");
            return cache.accessToken();
        });
        awaitWaiting(CALLERS);
        executor.runNext();

        assertThat(results(calls)).containsOnly("token-2");
        assertThat(source.calls()).isEqualTo(2);
        assertThat(executor.queued()).isZero();
    }

    @Test
    void invalidate_aTokenAlreadyReplaced_doesNothing() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        clock.set(EXPIRED_AT);
        filled(cache, "token-2");

        cache.invalidate("token-1");
        cache.invalidate("never-issued");
        cache.invalidate(null);

        assertThat(cache.accessToken()).isEqualTo("token-2");
        assertThat(cache.state()).isEqualTo(CacheState.FRESH);
        assertThat(executor.queued()).isZero();
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void cached_showsTheHeldTokenWithoutFetching_andNothingOnceInvalidatedOrClosed() throws Exception {
        RefreshingTokenCache cache = cache(LONG_WAIT);
        assertThat(cache.cached()).isNull();
        filled(cache, "token-1");
        clock.set(EXPIRED_AT);

        assertThat(cache.cached().value()).isEqualTo("token-1");
        assertThat(executor.queued()).isZero();
        cache.invalidate("token-1");
        assertThat(cache.cached()).isNull();
        filled(cache, "token-2");
        cache.close();
        assertThat(cache.cached()).isNull();
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void invalidate_whileARefreshIsInFlight_callersWaitForItInsteadOfStartingAnother() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        clock.set(STALE_AT);
        assertThat(cache.accessToken()).isEqualTo("token-1"); // starts the background refresh

        cache.invalidate("token-1");
        Future<String> call = callers.submit(cache::accessToken);
        awaitWaiting(1);
        assertThat(executor.queued()).isEqualTo(1);

        source.willReturn(token("token-2", LIFETIME));
        executor.runNext();
        assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("token-2");
        assertThat(source.calls()).isEqualTo(2);
    }

    // ---- maxWait

    @Test
    void accessToken_fetchOutlastsMaxWait_waitersGiveUpRetryablyAndTheLateTokenIsStillUsed() throws Exception {
        RefreshingTokenCache cache = filled(cache(SHORT_WAIT), "token-1");
        clock.set(STALE_AT);
        CompletableFuture<BoxAccessToken> answer = source.hold();
        cache.accessToken();
        Future<?> refresh = callers.submit(executor::runNext);
        source.awaitFetchStarted(); // the fetch is running before anyone's maxWait starts
        clock.set(EXPIRED_AT);

        List<Future<String>> calls = startTogether(8, cache::accessToken);
        assertThat(failures(calls)).hasSize(8).allSatisfy(thrown -> {
            assertThat(thrown).isInstanceOfSatisfying(BoxTokenException.class, e -> {
                assertThat(e.isRetryable()).isTrue();
                assertThat(e.httpStatus()).isZero();
                assertThat(e.getMessage()).contains(NAME).contains("did not finish within maxWait")
                        .doesNotContain("token-1");
            });
        });
        assertThat(executor.queued()).isZero();

        answer.complete(token("token-2", LIFETIME));
        refresh.get(5, TimeUnit.SECONDS);
        assertThat(cache.accessToken()).isEqualTo("token-2");
        assertThat(source.calls()).isEqualTo(2);
        assertThat(source.mostFetchesAtOnce()).isEqualTo(1);
    }

    @Test
    void accessToken_executorNeverStartsTheRefresh_waiterGivesUpAndTheNextCallStartsANewOne() throws Exception {
        RefreshingTokenCache cache = cache(SHORT_WAIT);

        assertThatThrownBy(cache::accessToken).isInstanceOfSatisfying(BoxTokenException.class, e -> {
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getMessage()).contains("did not finish within maxWait").contains("did not start it");
        });
        Runnable lost = executor.takeNext();
        lost.run(); // an executor that finally gets to it must not call Box
        assertThat(source.calls()).isZero();

        assertThat(filled(cache, "token-1").accessToken()).isEqualTo("token-1");
        assertThat(source.calls()).isEqualTo(1);
    }

    @Test
    void accessToken_waiterInterrupted_throwsBoxAuthExceptionWithTheInterruptFlagRestored() {
        RefreshingTokenCache cache = cache(LONG_WAIT);

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(cache::accessToken).isInstanceOf(BoxAuthException.class)
                    .hasCauseInstanceOf(InterruptedException.class).hasMessageContaining(NAME);
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    // ---- a rejecting executor

    @Test
    void accessToken_executorRejectsWhenNoTokenIsUsable_fetchesOnTheCallersThread() {
        RefreshingTokenCache cache = cache(LONG_WAIT);
        executor.rejectFromNowOn(true);
        source.willReturn(token("token-1", LIFETIME));

        assertThat(cache.accessToken()).isEqualTo("token-1");
        assertThat(source.lastCaller()).isSameAs(Thread.currentThread());
        assertThat(executor.rejected()).isEqualTo(1);
    }

    @Test
    void accessToken_executorRejectsWhenStale_keepsServingTheTokenAndRetriesLater() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        clock.set(STALE_AT);
        executor.rejectFromNowOn(true);

        try (CapturedLog log = new CapturedLog()) {
            for (int i = 0; i < 10; i++) {
                assertThat(cache.accessToken()).isEqualTo("token-1");
            }
            assertThat(executor.rejected()).isEqualTo(1);
            assertThat(warnings(log)).singleElement().extracting(LogRecord::getMessage).asString()
                    .contains(NAME).contains("rejected").doesNotContain("token-1");

            clock.advance(Duration.ofSeconds(30).minusMillis(1));
            assertThat(cache.accessToken()).isEqualTo("token-1");
            assertThat(executor.rejected()).isEqualTo(1);
            clock.advance(Duration.ofMillis(1));
            assertThat(cache.accessToken()).isEqualTo("token-1");
            assertThat(executor.rejected()).isEqualTo(2);
        }

        executor.rejectFromNowOn(false);
        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.accessToken()).isEqualTo("token-1");
        source.willReturn(token("token-2", LIFETIME));
        executor.runNext();
        assertThat(cache.accessToken()).isEqualTo("token-2");
        assertThat(source.calls()).isEqualTo(2);
    }

    // ---- close

    @Test
    void close_laterCallsThrowIllegalStateExceptionAndClosingAgainDoesNothing() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");

        cache.close();
        cache.close();

        assertThatThrownBy(cache::accessToken).isInstanceOf(IllegalStateException.class).hasMessageContaining(NAME);
        assertThatThrownBy(cache::token).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cache.invalidate("token-1")).isInstanceOf(IllegalStateException.class);
        assertThat(cache.state()).isEqualTo(CacheState.CLOSED);
    }

    @Test
    void close_releasesWaitersAtOnceAndDropsTheResultOfTheFetchInFlight() throws Exception {
        RefreshingTokenCache cache = cache(LONG_WAIT);
        CompletableFuture<BoxAccessToken> answer = source.hold();
        Future<String> waiter = callers.submit(cache::accessToken);
        awaitWaiting(1);
        Future<?> refresh = callers.submit(executor::runNext);
        source.awaitFetchStarted();

        cache.close();

        assertThat(failures(List.of(waiter))).singleElement().isInstanceOf(IllegalStateException.class);
        answer.complete(token("token-1", LIFETIME));
        refresh.get(5, TimeUnit.SECONDS);
        assertThat(cache.state()).isEqualTo(CacheState.CLOSED);
        assertThat(cache.toString()).doesNotContain("expiresAt");
        assertThatThrownBy(cache::accessToken).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void close_aRefreshStillQueuedNeverCallsBox() throws Exception {
        RefreshingTokenCache cache = cache(LONG_WAIT);
        Future<String> waiter = callers.submit(cache::accessToken);
        awaitWaiting(1);

        cache.close();
        executor.runNext();

        assertThat(failures(List.of(waiter))).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(source.calls()).isZero();
    }

    // ---- jitter and toString

    @Test
    void accessToken_withJitter_turnsStaleUpToATenthOfTheMarginEarly() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        LongUnaryOperator mostJitter = max -> {
            asked.set((int) max);
            return max;
        };
        RefreshingTokenCache cache = filled(cache(LONG_WAIT, mostJitter), "token-1");
        assertThat(asked).hasValue(30_000);

        clock.set(STALE_AT.minusSeconds(30).minusMillis(1));
        assertThat(cache.state()).isEqualTo(CacheState.FRESH);
        cache.accessToken();
        assertThat(executor.queued()).isZero();

        clock.advance(Duration.ofMillis(1));
        assertThat(cache.state()).isEqualTo(CacheState.STALE);
        cache.accessToken();
        assertThat(executor.queued()).isEqualTo(1);
    }

    @Test
    void toString_namesTheCacheAndItsStateButNeverTheToken() throws Exception {
        RefreshingTokenCache cache = cache(LONG_WAIT);
        assertThat(cache.toString()).contains(NAME).contains("EMPTY");

        filled(cache, "secret-token-value");
        assertThat(cache.toString()).contains(NAME).contains("FRESH").doesNotContain("secret-token-value");
        clock.set(STALE_AT);
        assertThat(cache.toString()).contains("STALE").doesNotContain("secret-token-value");
        cache.accessToken();
        assertThat(cache.toString()).contains("refreshing");
        clock.set(EXPIRED_AT);
        assertThat(cache.toString()).contains("EXPIRED").doesNotContain("secret-token-value");
        cache.close();
        assertThat(cache.toString()).contains(NAME).contains("CLOSED");
    }

    @Test
    void constructor_rejectsANegativeMarginAndANonPositiveMaxWait() {
        assertThatThrownBy(() -> new RefreshingTokenCache(NAME, source, clock, executor, Duration.ofSeconds(-1),
                LONG_WAIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshingTokenCache(NAME, source, clock, executor, MARGIN, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- status, for readiness checks

    @Test
    void status_ofAnEmptyCache_holdsNoTokenAndNoFailure_andFetchesNothing() {
        RefreshingTokenCache cache = cache(LONG_WAIT);

        assertThat(cache.status()).isEqualTo(new CacheStatus(T0, false, null, null));
        assertThat(executor.queued()).isZero();
        assertThat(source.calls()).isZero();
    }

    @Test
    void status_afterAFetch_isUsableUntilExpiry_andReadsTheCachesClock() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        clock.set(STALE_AT);

        assertThat(cache.status()).isEqualTo(new CacheStatus(STALE_AT, true, T0.plus(LIFETIME), null));
        clock.set(EXPIRED_AT);
        assertThat(cache.status().usable()).isFalse();
        assertThat(cache.status().expiresAt()).isEqualTo(T0.plus(LIFETIME));
    }

    @Test
    void status_afterAFailedFetch_holdsTheFailure_untilAFetchSucceeds() throws Exception {
        RefreshingTokenCache cache = cache(LONG_WAIT);
        BoxTokenException refused = new BoxTokenException("refused", "unauthorized_client", null, 400, false, null);
        source.willThrow(refused);
        Future<String> call = callers.submit(cache::accessToken);
        executor.runNext();
        assertThat(failures(List.of(call))).containsExactly(refused);

        assertThat(cache.status().usable()).isFalse();
        assertThat(cache.status().lastFailure()).isSameAs(refused);

        filled(cache, "token-1");
        assertThat(cache.status().usable()).isTrue();
        assertThat(cache.status().lastFailure()).isNull();
    }

    @Test
    void status_afterAFailedBackgroundRefresh_staysUsableAndHoldsTheFailure() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        clock.set(STALE_AT);
        BoxTokenException down = new BoxTokenException("Box is down", null, null, 503, true, null);
        source.willThrow(down);
        try (CapturedLog log = new CapturedLog()) {
            cache.accessToken();
            executor.runNext();
            assertThat(log.text()).contains("Background refresh of the Box token for " + NAME + " failed");
        }

        assertThat(cache.status()).isEqualTo(new CacheStatus(STALE_AT, true, T0.plus(LIFETIME), down));
    }

    @Test
    void status_afterClose_isNotUsable() throws Exception {
        RefreshingTokenCache cache = filled(cache(LONG_WAIT), "token-1");
        cache.close();

        assertThat(cache.status().usable()).isFalse();
    }

    // ---- helpers

    private RefreshingTokenCache cache(Duration maxWait) {
        return cache(maxWait, max -> 0);
    }

    private RefreshingTokenCache cache(Duration maxWait, LongUnaryOperator jitter) {
        return new RefreshingTokenCache(NAME, source, clock, executor, MARGIN, maxWait, jitter, waiting::release);
    }

    /** Has the cache fetch {@code value} (a one-hour token), or whatever the source answers when null. */
    private RefreshingTokenCache filled(RefreshingTokenCache cache, String value) throws Exception {
        if (value != null) {
            source.willReturn(token(value, LIFETIME));
        }
        Future<String> call = callers.submit(cache::accessToken);
        executor.runNext();
        call.get(5, TimeUnit.SECONDS);
        waiting.drainPermits();
        return cache;
    }

    private BoxAccessToken token(String value, Duration lifetime) {
        return new BoxAccessToken(value, clock.instant().plus(lifetime));
    }

    /** Starts {@code count} threads and releases them together once all are ready. */
    private <T> List<Future<T>> startTogether(int count, Callable<T> call) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(callers.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        return futures;
    }

    private void awaitWaiting(int count) throws InterruptedException {
        assertThat(waiting.tryAcquire(count, 5, TimeUnit.SECONDS)).as("callers waiting for a refresh").isTrue();
    }

    private static <T> List<T> results(List<Future<T>> futures) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(5, TimeUnit.SECONDS));
        }
        return results;
    }

    private static List<Throwable> failures(List<? extends Future<?>> futures) throws Exception {
        List<Throwable> failures = new ArrayList<>();
        for (Future<?> future : futures) {
            try {
                future.get(5, TimeUnit.SECONDS);
                throw new AssertionError("expected the call to fail");
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        return failures;
    }

    private static List<LogRecord> warnings(CapturedLog log) {
        return log.records().stream().filter(r -> r.getLevel() == Level.WARNING).toList();
    }
}
