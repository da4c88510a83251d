package dev.boxauth.internal.cache;

import dev.boxauth.BoxAccessToken;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A token source whose answers the test scripts in order; an answer can be held open until the test
 * completes it. Counts calls and the most fetches ever running at once.
 */
final class ScriptedTokenSource implements TokenSource {

    private final BlockingQueue<CompletableFuture<BoxAccessToken>> answers = new LinkedBlockingQueue<>();
    private final Semaphore started = new Semaphore(0);
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private volatile Supplier<BoxAccessToken> otherwise;
    private volatile Thread lastCaller;

    /** The next fetch blocks until the test completes the returned future (with a token or an exception). */
    CompletableFuture<BoxAccessToken> hold() {
        CompletableFuture<BoxAccessToken> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    }

    void willReturn(BoxAccessToken token) {
        hold().complete(token);
    }

    void willThrow(RuntimeException failure) {
        hold().completeExceptionally(failure);
    }

    /** Answers every fetch that finds nothing scripted. */
    void otherwiseAnswer(Supplier<BoxAccessToken> answer) {
        this.otherwise = answer;
    }

    /** Waits up to 5 s for a fetch to begin. */
    void awaitFetchStarted() throws InterruptedException {
        if (!started.tryAcquire(5, TimeUnit.SECONDS)) {
            throw new AssertionError("no fetch started within 5 s");
        }
    }

    int calls() {
        return calls.get();
    }

    int mostFetchesAtOnce() {
        return maxRunning.get();
    }

    Thread lastCaller() {
        return lastCaller;
    }

    @Override
    public BoxAccessToken fetch() {
        int call = calls.incrementAndGet();
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        lastCaller = Thread.currentThread();
        started.release();
        try {
            CompletableFuture<BoxAccessToken> answer = answers.poll();
            if (answer == null) {
                Supplier<BoxAccessToken> fallback = otherwise;
                if (fallback == null) {
                    throw new AssertionError("fetch #" + call + " was not expected");
                }
                return fallback.get();
            }
            return answer.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("fetch #" + call + " was held open for more than 5 s", e);
        } finally {
            running.decrementAndGet();
        }
    }
}
