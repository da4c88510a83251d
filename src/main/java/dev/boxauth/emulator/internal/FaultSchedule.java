package dev.boxauth.emulator.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Failures scripted for the next token requests, answered in the order they were scheduled and
 * before any check, as a Box outage or rate limit would be.
 */
public final class FaultSchedule {

    private final Queue<HttpResponse> pending = new ConcurrentLinkedQueue<>();

    /** Schedules {@code count} answers of server error {@code status} (500 to 599). */
    public void serverErrors(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("status must be a 5xx server error, was " + status);
        }
        add(count, BoxErrors.serverError(status));
    }

    /**
     * Schedules {@code count} answers of 429.
     *
     * @param retryAfter the {@code Retry-After} value sent verbatim, or {@code null} to send none
     */
    public void rateLimits(int count, String retryAfter) {
        HttpResponse response = BoxErrors.rateLimited();
        add(count, retryAfter == null ? response : response.withHeader("Retry-After", retryAfter));
    }

    /** The next scheduled failure, removing it, or {@code null} when none is left. */
    public HttpResponse next() {
        return pending.poll();
    }

    private void add(int count, HttpResponse response) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        for (int i = 0; i < count; i++) {
            pending.add(response);
        }
    }
}
