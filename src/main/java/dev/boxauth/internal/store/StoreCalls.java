package dev.boxauth.internal.store;

import dev.boxauth.internal.DaemonPool;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.cache.Cache;

/**
 * Every call into a shared cache, bounded in time: it runs on a thread of its own and is given up at the
 * deadline, so a cache that hangs (an unreachable member, a partition) delays a token by the deadline at
 * most; the callers then carry on without it. Whatever fails is a {@link StoreUnavailableException}.
 *
 * <p>Owns its threads (daemon, at most {@link DaemonPool#MAX_THREADS}, gone after a minute idle);
 * {@link #close()} stops them.
 */
public final class StoreCalls implements AutoCloseable {

    private final Duration timeout;
    private final ExecutorService threads = DaemonPool.create("box-auth-store");

    public StoreCalls(Duration timeout) {
        this.timeout = timeout;
    }

    <T> T call(Cache<?, ?> cache, Supplier<T> operation) {
        Future<T> call;
        try {
            call = threads.submit(operation::get);
        } catch (RejectedExecutionException busy) {
            throw new StoreUnavailableException("The JCache cache " + cache.getName() + " has "
                    + DaemonPool.MAX_THREADS + " calls waiting already", busy);
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
