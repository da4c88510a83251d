package dev.boxauth.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pools box-auth owns where the application passes no executor: a provider's or an OAuth 2.0 client's
 * refreshes, and the calls to a shared store. Daemon threads that come and go with the work, so that an idle
 * provider holds none.
 */
public final class DaemonPool {

    /**
     * Tasks running at once at most. Past it a pool rejects, which each owner is built for: a caller waiting
     * for a token then refreshes on its own thread, a background refresh is tried again later while the cached
     * token is still served, and a store call fails as the store being unavailable.
     */
    public static final int MAX_THREADS = 8;

    private DaemonPool() {
    }

    /** @param name the threads' name prefix, for thread dumps */
    public static ExecutorService create(String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }
}
