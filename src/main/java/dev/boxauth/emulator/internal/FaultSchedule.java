package dev.boxauth.emulator.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Failures scripted for the next requests of one endpoint, answered in the order they were scheduled and
 * before any check, as a Box outage or rate limit would be. Each entry answers a number of requests, or
 * every request until {@link #clear()}.
 */
public final class FaultSchedule {

    /** A count that means every request until {@link #clear()}. */
    public static final int UNTIL_CLEARED = Integer.MAX_VALUE;

    /** Builds the answer to one request. */
    @FunctionalInterface
    public interface Fault {
        HttpResponse reply();
    }

    /**
     * A scripted failure handed to one request.
     *
     * @param kind the error counter it increments, such as {@code server_error}
     */
    public record Scheduled(String kind, HttpResponse reply) {
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
        synchronized (this) {
            entry = pending.peekFirst();
            if (entry == null) {
                return null;
            }
            if (entry.remaining != UNTIL_CLEARED && --entry.remaining == 0) {
                pending.removeFirst();
            }
        }
        // Built outside the lock: each answer gets fresh request ids.
        return new Scheduled(entry.kind, entry.fault.reply());
    }

    /** Drops every failure not yet answered. */
    public synchronized void clear() {
        pending.clear();
    }
}
