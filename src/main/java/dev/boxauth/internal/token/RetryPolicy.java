package dev.boxauth.internal.token;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How hard one token request tries before failing.
 *
 * @param maxAttempts requests per token at most, whatever made them necessary
 * @param baseDelay the first backoff after a server or network error; doubles per retry
 * @param maxDelay the cap of one backoff, and of an honoured {@code Retry-After}
 * @param totalTimeout the deadline of the whole token request, its attempts and the waits between them:
 *     no attempt runs past it and no retry starts after it, so a caller is never held longer
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration totalTimeout) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("totalTimeout must be positive");
        }
    }

    /** Added to the deadline for a caller's wait, for signing and scheduling. */
    private static final Duration WAIT_SLACK = Duration.ofSeconds(1);

    /**
     * How long a caller waits for a token request under this policy: its deadline and a little more, so
     * that the caller sees the request's own outcome rather than giving up just before it.
     */
    public Duration callerWait() {
        return totalTimeout.plus(WAIT_SLACK);
    }

    /** {@link #backoff(int, Duration, Duration)} with this policy's delays. */
    public Duration backoff(int attempt) {
        return backoff(attempt, baseDelay, maxDelay);
    }

    /**
     * The wait before retry {@code attempt} (1 for the first): {@code base} doubled per retry up to {@code cap},
     * a random half of it or more, so that instances that failed together do not retry together.
     */
    public static Duration backoff(int attempt, Duration base, Duration cap) {
        long exponential = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1));
    }

    /** Twice the read timeout: a slow answer, a retry after it, and the waits between them. */
    public static Duration defaultTotalTimeout(Duration readTimeout) {
        return readTimeout.multipliedBy(2);
    }

    /** Five attempts, backoff from 250 ms up to 10 s, all within {@code totalTimeout}. */
    public static RetryPolicy standard(Duration totalTimeout) {
        return new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(10), totalTimeout);
    }

    /** One attempt within {@code totalTimeout}: for callers that retry on their own terms. */
    public static RetryPolicy singleAttempt(Duration totalTimeout) {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, totalTimeout);
    }
}
