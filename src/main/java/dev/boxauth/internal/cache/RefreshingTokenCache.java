package dev.boxauth.internal.cache;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongUnaryOperator;

/**
 * Holds one Box access token (one app and subject) and refreshes it ahead of expiry, with one request
 * to Box in flight whatever the number of callers.
 *
 * <p>States, read from the injected clock for a token obtained at {@code t0} that lives
 * {@code L = expiresAt - t0}:
 * <ul>
 *   <li>FRESH until {@code max(expiresAt - refreshMargin, t0 + L/2)} minus a random jitter of up to a
 *       tenth of {@code min(refreshMargin, L/2)}: the token is returned after one volatile read and one
 *       comparison, with no lock and no allocation;
 *   <li>STALE after that: the token is returned at once and one background refresh is started on the
 *       executor; if it fails, the token keeps being served and the next attempt waits
 *       {@code min(30 s, half the time left)}, at least 1 s;
 *   <li>EXPIRED from {@code expiresAt - min(10 s, L/10)}, or EMPTY: callers wait for the one refresh in
 *       flight, each for at most {@code maxWait}, and all of them see its token or its exception.
 * </ul>
 *
 * <p>Thread-safe. Messages and logs name the cache, never a token.
 */
public final class RefreshingTokenCache {

    private static final System.Logger LOG = System.getLogger(RefreshingTokenCache.class.getName());

    private static final Duration MAX_WAIT_CAP = Duration.ofDays(365);

    /** Identifies the cache in messages, logs and {@link #toString()}; never a secret. */
    private final String name;
    private final TokenSource source;
    /** The only source of time for token states; waits are measured with {@link System#nanoTime()}. */
    private final Clock clock;
    /** Runs refreshes, so that no caller's wait depends on how long Box takes beyond {@code maxWait}. */
    private final Executor executor;
    private final long refreshMarginMillis;
    private final Duration maxWait;
    private final long maxWaitNanos;
    /** Given the largest jitter allowed in milliseconds, returns one in {@code [0, that]}; a seam for tests. */
    private final LongUnaryOperator jitter;
    /** Called by each caller just before it blocks on a refresh; a seam for tests to know who waits. */
    private final Runnable beforeWait;

    /** Guards {@link #inFlight}, {@link #closed} and every write of {@link #snapshot}; never held while calling out. */
    private final Object lock = new Object();

    /** The only field the hot path reads. Immutable, replaced whole. */
    private volatile TokenSnapshot snapshot = TokenSnapshot.EMPTY;

    /** The one refresh not yet finished, or {@code null}. Written under {@link #lock}; volatile for toString. */
    private volatile RefreshTask inFlight;

    /** Written under {@link #lock}; volatile so that invalidate's lock-free check sees it. */
    private volatile boolean closed;

    /**
     * Why the last fetch gave no token, or {@code null} once one succeeds. Read and written under
     * {@link #lock}, by {@link #status()} only: the hot path never looks at it.
     */
    private Throwable lastFailure;

    /**
     * @param name names the cache in logs and messages, for example {@code "client 1a2b… enterprise 123"};
     *     never a secret
     * @param source fetches a new token; called at most once at a time
     * @param clock decides when a token turns stale and expired
     * @param executor runs refreshes, on threads other than the caller's (a direct executor would make
     *     STALE callers wait for Box); a {@link RejectedExecutionException} is tolerated
     * @param refreshMargin how long before expiry to refresh in the background, when the lifetime allows
     * @param maxWait the longest any caller waits for a token request before giving up
     */
    public RefreshingTokenCache(String name, TokenSource source, Clock clock, Executor executor,
            Duration refreshMargin, Duration maxWait) {
        this(name, source, clock, executor, refreshMargin, maxWait, TokenSnapshot::randomJitter, () -> { });
    }

    RefreshingTokenCache(String name, TokenSource source, Clock clock, Executor executor, Duration refreshMargin,
            Duration maxWait, LongUnaryOperator jitter, Runnable beforeWait) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (refreshMargin.isNegative()) {
            throw new IllegalArgumentException("refreshMargin must not be negative");
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("maxWait must be positive");
        }
        this.refreshMarginMillis = refreshMargin.toMillis();
        this.maxWait = maxWait;
        // Capped so that adding it to System.nanoTime() cannot overflow.
        this.maxWaitNanos = maxWait.compareTo(MAX_WAIT_CAP) > 0 ? MAX_WAIT_CAP.toNanos() : maxWait.toNanos();
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.beforeWait = Objects.requireNonNull(beforeWait, "beforeWait");
    }

    /**
     * The current token value, for an {@code Authorization: Bearer} header.
     *
     * @throws BoxTokenException when no usable token is cached and Box did not issue one within maxWait
     * @throws IllegalStateException after {@link #close()}
     */
    public String accessToken() {
        TokenSnapshot current = snapshot;
        if (clock.millis() < current.freshUntilMillis) {
            return current.token.value();
        }
        return awaitUsableToken().value();
    }

    /** The same as {@link #accessToken()}, with the token's expiry. */
    public BoxAccessToken token() {
        TokenSnapshot current = snapshot;
        if (clock.millis() < current.freshUntilMillis) {
            return current.token;
        }
        return awaitUsableToken();
    }

    /**
     * Drops the cached token if its value is {@code rejectedValue} (Box answered 401 to it), so that the
     * next call fetches a new one; does nothing when the cache already holds another token.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public void invalidate(String rejectedValue) {
        if (closed) {
            throw closedException();
        }
        // Lock-free check first: a burst of 401s for the same token mostly finds it already gone.
        if (!holds(snapshot, rejectedValue)) {
            return;
        }
        synchronized (lock) {
            if (closed) {
                throw closedException();
            }
            if (holds(snapshot, rejectedValue)) {
                snapshot = TokenSnapshot.EMPTY;
            }
        }
    }

    /**
     * The token held now, whatever its state, or {@code null}; never fetches nor waits. For revoking the
     * token in use, which only makes sense for one that was obtained.
     */
    public BoxAccessToken cached() {
        return snapshot.token;
    }

    /**
     * Stops the cache: later calls throw {@link IllegalStateException}, callers waiting for a refresh get
     * that exception at once, and the result of a refresh in flight is dropped. Idempotent.
     */
    public void close() {
        RefreshTask task;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            snapshot = TokenSnapshot.EMPTY;
            task = inFlight;
            inFlight = null;
        }
        if (task != null) {
            task.claim(); // a refresh the executor has not started yet never calls Box
            task.outcome.completeExceptionally(closedException());
        }
    }

    /**
     * Where the cache stands, for readiness checks: whether it holds a token it hands out, that token's
     * expiry, and why the last fetch failed. Takes the lock briefly, never calls out, never fetches.
     */
    public CacheStatus status() {
        long now = clock.millis();
        synchronized (lock) {
            TokenSnapshot current = snapshot;
            return new CacheStatus(Instant.ofEpochMilli(now), !closed && current.usableAt(now),
                    current.token == null ? null : current.token.expiresAt(), lastFailure);
        }
    }

    /** The state the clock reads now; for tests and {@link #toString()}. */
    CacheState state() {
        return closed ? CacheState.CLOSED : snapshot.stateAt(clock.millis());
    }

    @Override
    public String toString() {
        TokenSnapshot current = snapshot;
        StringBuilder text = new StringBuilder("RefreshingTokenCache[").append(name).append(", ").append(state());
        if (current.token != null) {
            text.append(", expiresAt=").append(current.token.expiresAt());
        }
        if (current.freshUntilMillis > current.staleAtMillis) {
            text.append(", next refresh at ").append(Instant.ofEpochMilli(current.freshUntilMillis));
        }
        if (inFlight != null) {
            text.append(", refreshing");
        }
        return text.append(']').toString();
    }

    /** Everything past the hot path: STALE starts a background refresh, EXPIRED and EMPTY wait for one. */
    private BoxAccessToken awaitUsableToken() {
        long deadline = System.nanoTime() + maxWaitNanos;
        while (true) {
            long now = clock.millis();
            TokenSnapshot current;
            RefreshTask task;
            boolean created;
            synchronized (lock) {
                if (closed) {
                    throw closedException();
                }
                current = snapshot;
                if (now < current.freshUntilMillis) {
                    return current.token; // another caller's refresh finished meanwhile
                }
                task = inFlight;
                if (task != null && current.usableAt(now)) {
                    return current.token;
                }
                created = task == null;
                if (created) {
                    task = new RefreshTask();
                    inFlight = task;
                }
            }
            // The task was created under the lock and is started outside it: the executor may run it inline.
            if (current.usableAt(now)) {
                startInBackground(task);
                return current.token;
            }
            if (created) {
                startForWaiters(task);
            }
            BoxAccessToken token = await(task, deadline);
            if (token != null) {
                return token;
            }
            // null: the task was never started because the executor rejected it; start another.
        }
    }

    private void startInBackground(RefreshTask task) {
        try {
            executor.execute(task::runAfterYield);
        } catch (RejectedExecutionException rejected) {
            if (!task.claim()) {
                return; // it ran after all
            }
            long now = clock.millis();
            TokenSnapshot kept = null;
            synchronized (lock) {
                if (inFlight == task) {
                    inFlight = null;
                }
                TokenSnapshot current = snapshot;
                if (!closed && current.usableAt(now)) {
                    kept = current.retryingAt(current.retryAfterFailure(now));
                    snapshot = kept;
                }
            }
            // A caller that joined in the meantime (the token was invalidated) starts its own.
            task.outcome.complete(null);
            if (kept != null) {
                logKept(kept, "could not start: the executor rejected it", rejected);
            }
        }
    }

    private void startForWaiters(RefreshTask task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException rejected) {
            // Managed executors reject while shutting down; the caller needs a token all the same.
            task.run();
        }
    }

    /** @return the shared token, or {@code null} when the task was dropped before it started */
    private BoxAccessToken await(RefreshTask task, long deadline) {
        beforeWait.run();
        try {
            return task.outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            throw shared(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BoxAuthException("Interrupted while waiting for the Box token request for " + name, interrupted);
        } catch (TimeoutException timedOut) {
            throw gaveUp(task);
        }
    }

    private BoxTokenException gaveUp(RefreshTask task) {
        if (task.claim()) {
            // Not started within maxWait: the executor lost it or is saturated. Dropping it, rather than
            // leaving it in the slot, lets the next call start a new one.
            BoxTokenException notStarted = new BoxTokenException("The Box token request for " + name
                    + " did not finish within maxWait (" + maxWait + "): the executor did not start it;"
                    + " the next call starts a new one", null, null, 0, true, null);
            synchronized (lock) {
                if (inFlight == task) {
                    inFlight = null;
                }
                lastFailure = notStarted;
            }
            task.outcome.completeExceptionally(notStarted);
            return notStarted;
        }
        return new BoxTokenException("The Box token request for " + name + " did not finish within maxWait ("
                + maxWait + "); it goes on, and later calls use its token", null, null, 0, true, null);
    }

    /** The outcome every waiter shares: the same instance for all of them. */
    private RuntimeException shared(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new BoxAuthException("The Box token request for " + name + " failed", failure);
    }

    private void finish(RefreshTask task, TokenSnapshot fetched, Throwable failure) {
        TokenSnapshot kept = null;
        synchronized (lock) {
            if (inFlight == task) {
                inFlight = null;
            }
            if (!closed) {
                lastFailure = failure;
                if (fetched != null) {
                    snapshot = fetched;
                } else {
                    long now = clock.millis();
                    TokenSnapshot current = snapshot;
                    if (current.usableAt(now)) {
                        kept = current.retryingAt(current.retryAfterFailure(now));
                        snapshot = kept;
                    }
                }
            }
        }
        // Completed after publishing, so that a waiter that wakes and calls again finds the new token.
        if (fetched != null) {
            task.outcome.complete(fetched.token);
        } else {
            task.outcome.completeExceptionally(failure);
        }
        if (kept != null) {
            logKept(kept, "failed", failure);
        }
    }

    /** One WARNING line with the cause's message (which names Box's error code, never a secret); its trace at DEBUG. */
    private void logKept(TokenSnapshot kept, String what, Throwable cause) {
        LOG.log(WARNING, () -> "BOXAUTH-061 Background refresh of the Box token for " + name + " " + what
                + (cause == null ? "" : " (" + cause.getMessage() + ")")
                + "; the cached token stays in use until " + Instant.ofEpochMilli(kept.expiredAtMillis)
                + ", next attempt at " + Instant.ofEpochMilli(kept.freshUntilMillis));
        if (cause != null) {
            LOG.log(DEBUG, "Background refresh failure for " + name, cause);
        }
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("The token cache for " + name + " is closed");
    }

    private static boolean holds(TokenSnapshot snapshot, String value) {
        return snapshot.token != null && snapshot.token.value().equals(value);
    }

    /**
     * One fetch and its outcome, shared by every caller that waits for it. Runs at most once: whoever
     * claims it first (an executor thread, a caller whose executor rejected it, or close and give-up
     * paths that cancel it before it starts) decides.
     */
    private final class RefreshTask implements Runnable {

        final CompletableFuture<BoxAccessToken> outcome = new CompletableFuture<>();
        private final AtomicBoolean claimed = new AtomicBoolean();

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        /**
         * Runs it once the thread that started it, which does not wait for it, has had the CPU back: a pool
         * thread woken on a busy machine is mostly put on the waker's core at once, and would hold the caller
         * there for the refresh's CPU (signing and sending, about 1.5 ms warm) before the caller's call
         * returns. Measured in a loop of API calls on 2 busy cores: the call that starts a refresh took 1.4 to
         * 2.3 ms, and 0.06 to 0.09 ms with the yield.
         */
        void runAfterYield() {
            Thread.yield();
            run();
        }

        @Override
        public void run() {
            if (!claim()) {
                return;
            }
            long obtainedAt = clock.millis();
            TokenSnapshot fetched = null;
            Throwable failure = null;
            try {
                BoxAccessToken token = source.fetch();
                if (token == null) {
                    failure = new BoxAuthException("The token source for " + name + " returned no token");
                } else {
                    fetched = TokenSnapshot.of(token, obtainedAt, refreshMarginMillis, jitter);
                }
            } catch (RuntimeException | Error e) {
                failure = e; // handed to every waiter by finish, and logged if the cached token hides it
            }
            finish(this, fetched, failure);
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }
}
