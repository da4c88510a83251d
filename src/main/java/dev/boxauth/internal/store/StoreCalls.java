package dev.boxauth.internal.store;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.cache.Cache;

/**
 * Every call into a shared cache, bounded in time: it runs on a thread of its own and is given up at the
 * deadline, so a cache that hangs (an unreachable member, a partition) delays a token by the deadline at
 * most; the callers then carry on without it. Whatever fails is a {@link StoreUnavailableException}.
 *
 * <p>Owns its threads (daemon, at most {@link #MAX_THREADS}, gone after a minute idle); {@link #close()}
 * stops them.
 */
public final class StoreCalls implements AutoCloseable {

    static final int MAX_THREADS = 8;

    private final Duration timeout;
    private final ExecutorService threads;

    public StoreCalls(Duration timeout) {
        this.timeout = timeout;
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "box-auth-store-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    <T> T call(Cache<?, ?> cache, Supplier<T> operation) {
        Future<T> call;
        try {
            call = threads.submit(operation::get);
        } catch (RejectedExecutionException busy) {
            throw new StoreUnavailableException("The JCache cache " + cache.getName() + " has " + MAX_THREADS
                    + " calls waiting already", busy);
        }
        try {
            return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new StoreUnavailableException("The JCache cache " + cache.getName() + " did not answer within "
                    + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new StoreUnavailableException("The JCache cache " + cache.getName() + " failed: "
                    + e.getCause().getClass().getSimpleName(), e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while calling the JCache cache " + cache.getName(), e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "StoreCalls[within " + timeout.toMillis() + " ms]";
    }
}
