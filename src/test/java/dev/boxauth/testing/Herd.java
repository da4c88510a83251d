package dev.boxauth.testing;

import dev.boxauth.BoxTokenProvider;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads that call a provider for tokens until a deadline, each pausing {@code pace} between calls, as the
 * requests of a busy application do: what the soak and the cluster tests load a provider with.
 */
public final class Herd {

    /** What the herd did: its calls, the calls that threw, and every distinct token it was given. */
    public record Result(long calls, long failures, Set<String> tokens) {
    }

    private Herd() {
    }

    /**
     * Runs {@code threads} threads for {@code duration}, and waits for them a minute past it at most.
     *
     * @throws IllegalStateException when a thread is still calling then
     */
    public static Result run(BoxTokenProvider provider, int threads, Duration duration, Duration pace)
            throws InterruptedException {
        Set<String> tokens = ConcurrentHashMap.newKeySet();
        AtomicLong calls = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        try {
                            tokens.add(provider.accessToken());
                            calls.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                        LockSupport.parkNanos(pace.toNanos());
                    }
                } finally {
                    done.countDown();
                }
            }, "herd-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        if (!done.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the herd's threads are still calling a minute past its end");
        }
        return new Result(calls.get(), failures.get(), tokens);
    }
}
