package dev.boxauth.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The refresh pool a provider (or an OAuth 2.0 client) owns when the application passes no executor:
 * daemon threads that come and go with refreshes, so that an idle provider holds none.
 */
public final class RefreshThreads {

    /**
     * Refreshes running at once at most. Past it the pool rejects, which the token caches are built for: a
     * caller waiting for a token then refreshes on its own thread, and a background refresh is tried again
     * later while the cached token is still served.
     */
    public static final int MAX_THREADS = 8;

    private RefreshThreads() {
    }

    /** @param name the threads' name prefix, for thread dumps */
    public static ExecutorService newPool(String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }
}
