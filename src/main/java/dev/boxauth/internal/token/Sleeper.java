package dev.boxauth.internal.token;

import java.time.Duration;

/**
 * Waits between attempts, and tells the monotonic time that deadlines are measured in; tests pass one
 * that records the delays and advances its own time instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;

    /** Nanoseconds from an arbitrary origin, as {@link System#nanoTime()}, which it is unless a test says otherwise. */
    default long nanoTime() {
        return System.nanoTime();
    }
}
