package dev.boxauth.internal.oauth;

import dev.boxauth.oauth.BoxTokenStore;
import dev.boxauth.oauth.InMemoryBoxTokenStore;
import dev.boxauth.oauth.StoredTokens;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An {@link InMemoryBoxTokenStore} that counts operations and lets a test thread wait, without sleeping,
 * until what is stored satisfies a condition.
 */
public final class WatchedStore implements BoxTokenStore {

    private final InMemoryBoxTokenStore store = new InMemoryBoxTokenStore();
    public final AtomicInteger loads = new AtomicInteger();
    public final AtomicInteger failedCompareAndSets = new AtomicInteger();

    @Override
    public Optional<StoredTokens> load(String boxUserId) {
        loads.incrementAndGet();
        return store.load(boxUserId);
    }

    @Override
    public boolean compareAndSet(String boxUserId, StoredTokens expected, StoredTokens replacement) {
        boolean done;
        synchronized (this) {
            done = store.compareAndSet(boxUserId, expected, replacement);
            notifyAll();
        }
        if (!done) {
            failedCompareAndSets.incrementAndGet();
        }
        return done;
    }

    @Override
    public void remove(String boxUserId) {
        synchronized (this) {
            store.remove(boxUserId);
            notifyAll();
        }
    }

    public StoredTokens get(String boxUserId) {
        return store.load(boxUserId).orElse(null);
    }

    public void put(String boxUserId, StoredTokens tokens) {
        synchronized (this) {
            store.remove(boxUserId);
            store.compareAndSet(boxUserId, null, tokens);
            notifyAll();
        }
    }

    /** Waits up to 5 s for the user's entry to satisfy {@code condition} (absent entries are {@code null}). */
    public synchronized boolean awaitUntil(String boxUserId, Predicate<StoredTokens> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.test(store.load(boxUserId).orElse(null))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
