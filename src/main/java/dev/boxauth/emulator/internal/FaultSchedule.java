package dev.boxauth.emulator.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Failures scripted for the next requests of one endpoint, answered in the order they were scheduled and
 * before any check, as a Box outage, a rate limit or a broken network path would be. Each entry answers a
 * number of requests, or every request until {@link #clear()}.
 *
 * <p>Faults that hold a connection open (a stalled body, no answer at all) wait on the schedule's current
 * {@link Release}, which {@link #clear()} and {@link #close()} open, so that a test ends promptly and
 * closing the emulator never waits for them.
 */
public final class FaultSchedule {

    /** A count that means every request until {@link #clear()}. */
    public static final int UNTIL_CLEARED = Integer.MAX_VALUE;

    /** Builds the reply to one request; faults that hold the connection wait on {@code release}. */
    @FunctionalInterface
    public interface Fault {
        Reply reply(Release release);
    }

    /**
     * A scripted failure handed to one request.
     *
     * @param kind the error counter it increments, such as {@code server_error}
     */
    public record Scheduled(String kind, Reply reply) {
    }

    /** Opened once, by {@link #clear()} or {@link #close()}; connections held by faults wait for it. */
    public final class Release {

        private final CountDownLatch opened = new CountDownLatch(1);

        /**
         * Blocks until opened, counted meanwhile in {@link #awaitHeld}; throws if the thread is interrupted
         * (the server is shutting down).
         */
        public void await() throws InterruptedException {
            held(1);
            try {
                opened.await();
            } finally {
                held(-1);
            }
        }

        void open() {
            opened.countDown();
        }
    }

    /** An entry and how many more requests it answers; guarded by the schedule's lock. */
    private static final class Entry {

        final String kind;
        final Fault fault;
        int remaining;

        Entry(String kind, Fault fault, int remaining) {
            this.kind = kind;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Deque<Entry> pending = new ArrayDeque<>();
    private Release release = new Release();
    private boolean closed;
    /** Connections waiting on a {@link Release} right now. */
    private int held;

    /**
     * Schedules {@code fault} for the next {@code count} requests after those already scheduled.
     *
     * @param count how many requests, 0 for none, or {@link #UNTIL_CLEARED}
     * @param kind the error counter each answer increments
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public synchronized void add(int count, String kind, Fault fault) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        if (count > 0) {
            pending.addLast(new Entry(kind, fault, count));
        }
    }

    /** The next scheduled failure, using up one of its requests, or {@code null} when none is left. */
    public Scheduled next() {
        Entry entry;
        Release current;
        synchronized (this) {
            entry = pending.peekFirst();
            if (entry == null) {
                return null;
            }
            if (entry.remaining != UNTIL_CLEARED && --entry.remaining == 0) {
                pending.removeFirst();
            }
            current = release;
        }
        // Built outside the lock: a fault may generate a large body description or ids.
        return new Scheduled(entry.kind, entry.fault.reply(current));
    }

    /**
     * Waits until at least {@code count} connections are held by faults, so that a test knows its client is
     * waiting on them.
     *
     * @return whether they were, before {@code timeout} passed
     */
    public synchronized boolean awaitHeld(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (held < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private synchronized void held(int delta) {
        held += delta;
        notifyAll();
    }

    /** Drops every failure not yet answered and releases the connections that faults hold. */
    public void clear() {
        Release old;
        synchronized (this) {
            pending.clear();
            old = release;
            if (!closed) {
                release = new Release();
            }
        }
        old.open();
    }

    /** Like {@link #clear()}, for good: a fault scheduled or answered from now on holds nothing. */
    public void close() {
        Release current;
        synchronized (this) {
            closed = true;
            pending.clear();
            current = release;
        }
        current.open();
    }
}
