package dev.boxauth.internal.token;

import java.time.Duration;

/**
 * How hard one token request tries before failing.
 *
 * @param maxAttempts requests per token at most, whatever made them necessary
 * @param baseDelay the first backoff after a server or network error; doubles per retry
 * @param maxDelay the cap of one backoff, and of an honoured {@code Retry-After}
 * @param maxTotalDelay the cap of all waiting within one token request, so a waiter is never held long
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotalDelay) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(30));
}
