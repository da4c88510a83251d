package dev.boxauth.testing;

import dev.boxauth.internal.token.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Sleeper} that never sleeps: it records each delay and moves its own monotonic time by it, so
 * that deadlines pass exactly as the test says. {@link #advance} stands for time spent elsewhere, such as
 * an attempt that waited for an answer.
 */
public final class FakeSleeper implements Sleeper {

    private final AtomicLong nanos = new AtomicLong();
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    public void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    /** The time this sleeper has passed since it was made. */
    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }
}
