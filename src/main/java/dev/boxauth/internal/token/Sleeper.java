package dev.boxauth.internal.token;

import java.time.Duration;

/** Waits between attempts; tests pass one that records the delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
