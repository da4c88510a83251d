package dev.boxauth.internal.token;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxTokenException;
import dev.boxauth.internal.grant.Grant;
import dev.boxauth.internal.http.BodyTooLargeException;
import dev.boxauth.internal.http.TokenEndpoint;
import dev.boxauth.internal.http.TokenHttpResponse;
import dev.boxauth.internal.metrics.TokenMetrics;
import dev.boxauth.internal.metrics.TokenMetrics.Outcome;
import dev.boxauth.internal.metrics.TokenMetrics.RetryReason;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;

/**
 * Gets one token from Box: posts a grant, retries what may succeed on a second try (rate limits, server
 * and network errors, a clock that differs from Box's, a reused {@code jti}) and turns everything else
 * into a {@link BoxTokenException} that says what to fix.
 *
 * <p>Thread-safe; the learned clock offset is shared by every grant of the same Box endpoint.
 */
public final class TokenRequester {

    private static final System.Logger LOG = System.getLogger(TokenRequester.class.getName());
    /** Offsets below this are the {@code Date} header's resolution and network latency, not a wrong clock. */
    private static final Duration NOTABLE_SKEW = Duration.ofSeconds(10);

    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryPolicy policy;
    private final TokenMetrics metrics;
    /** Box's clock minus ours, learned from the {@code Date} of a skew error; used for every later assertion. */
    private final AtomicLong boxClockOffsetMillis = new AtomicLong();

    /** Without metrics. */
    public TokenRequester(TokenEndpoint endpoint, Clock clock, Sleeper sleeper, RetryPolicy policy) {
        this(endpoint, clock, sleeper, policy, TokenMetrics.NONE);
    }

    /** @param metrics records each request's outcome, duration and retries */
    public TokenRequester(TokenEndpoint endpoint, Clock clock, Sleeper sleeper, RetryPolicy policy,
            TokenMetrics metrics) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.sleeper = sleeper;
        this.policy = policy;
        this.metrics = metrics;
    }

    /**
     * The access token of {@link #exchange(Grant)}.
     *
     * @throws BoxTokenException when Box did not issue a token
     */
    public BoxAccessToken request(Grant grant) {
        return exchange(grant).accessToken();
    }

    /**
     * Everything Box answered: the access token and, depending on the grant, a refresh token or the
     * restrictions of a downscoped token.
     *
     * @throws BoxTokenException when Box did not issue a token
     */
    public TokenResponse exchange(Grant grant) {
        long startedAt = sleeper.nanoTime();
        try {
            TokenResponse response = exchange(grant, startedAt);
            metrics.requested(grant.kind(), Outcome.SUCCESS, Duration.ofNanos(sleeper.nanoTime() - startedAt));
            return response;
        } catch (RuntimeException e) {
            metrics.requested(grant.kind(), outcome(e), Duration.ofNanos(sleeper.nanoTime() - startedAt));
            throw e;
        }
    }

    private TokenResponse exchange(Grant grant, long startedAt) {
        boolean skewCorrected = false;
        BoxTokenException last = null;
        RetryReason retry = null; // why the previous attempt is tried again; counted once the attempt starts
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Duration left = policy.totalTimeout().minusNanos(sleeper.nanoTime() - startedAt);
            if (left.isNegative() || left.isZero()) {
                break; // only after a retry without a wait (skew, jti): the deadline holds for those too
            }
            if (retry != null) {
                metrics.retried(grant.kind(), retry);
            }
            Instant sentAt = clock.instant();
            TokenHttpResponse response;
            try {
                response = endpoint.post(grant.form(sentAt.plusMillis(boxClockOffsetMillis.get())), left);
            } catch (BodyTooLargeException e) {
                throw new BoxTokenException("Box's token endpoint " + endpoint.describe() + " answered the token"
                        + " request for " + grant.describe() + " with " + e.getMessage() + ": check that"
                        + " box.auth.token-url is Box's token endpoint.", null, null, 0, false, e);
            } catch (IOException e) {
                last = unreachable(grant, e);
                Duration delay = policy.backoff(attempt);
                if (e instanceof SSLException || !canRetry(startedAt, delay, attempt)) {
                    throw last;
                }
                retryAfter(grant, delay, attempt, "a network error (" + e.getClass().getSimpleName() + ")");
                retry = RetryReason.NETWORK;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BoxTokenException("Interrupted while requesting a Box token for " + grant.describe() + ".",
                        null, null, 0, true, e);
            }
            if (response.status() == 200) {
                return TokenAnswer.read(response.body(), grant.describe(), endpoint.describe(), sentAt);
            }
            Map<String, Object> json = BoxJson.parse(response.body());
            String error = BoxJson.text(json, "error");
            String description = BoxJson.text(json, "error_description");
            BoxError meaning = BoxError.classify(response.status(), error, description);
            switch (meaning.kind()) {
                case CLOCK_SKEW -> {
                    last = refused(grant, response.status(), error, description, meaning.hint(), false);
                    if (skewCorrected || response.date() == null) {
                        throw last;
                    }
                    learnBoxClock(response.date());
                    skewCorrected = true;
                    retry = RetryReason.CLOCK_SKEW;
                }
                case JTI_REUSED -> {
                    last = refused(grant, response.status(), error, description, meaning.hint(), false);
                    retry = RetryReason.JTI_REUSED;
                }
                case TRANSIENT -> {
                    last = refused(grant, response.status(), error, description, meaning.hint(), true);
                    Duration delay = response.status() == 429 ? retryAfter(response.retryAfter(), attempt)
                            : policy.backoff(attempt);
                    if (!canRetry(startedAt, delay, attempt)) {
                        throw last;
                    }
                    retryAfter(grant, delay, attempt, "HTTP " + response.status() + (error == null ? "" : " " + error));
                    retry = response.status() == 429 ? RetryReason.RATE_LIMITED : RetryReason.SERVER_ERROR;
                }
                case FATAL -> throw refused(grant, response.status(), error, description, meaning.hint(), false);
            }
        }
        throw last;
    }

    /** Whether another attempt may start after {@code delay}, still inside the deadline. */
    private boolean canRetry(long startedAt, Duration delay, int attempt) {
        long elapsed = sleeper.nanoTime() - startedAt;
        return attempt < policy.maxAttempts() && elapsed + delay.toNanos() < policy.totalTimeout().toNanos();
    }

    /** Waits before another attempt, saying so: an operator sees Box's trouble before callers fail. */
    private void retryAfter(Grant grant, Duration delay, int attempt, String reason) {
        LOG.log(Level.WARNING, () -> "BOXAUTH-060 The token request for " + grant.describe() + " got " + reason
                + " from " + endpoint.describe() + "; attempt " + (attempt + 1) + " of " + policy.maxAttempts()
                + " in " + delay.toMillis() + " ms");
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoxTokenException("Interrupted while waiting to retry the Box token request for "
                    + grant.describe() + ".", null, null, 0, true, e);
        }
    }

    /** How a failed request ended, from what it threw: Box's status, whether a retry could have helped. */
    private static Outcome outcome(RuntimeException e) {
        if (!(e instanceof BoxTokenException failed) || failed.getCause() instanceof InterruptedException) {
            return Outcome.ERROR;
        }
        if (failed.httpStatus() == 200 || failed.getCause() instanceof BodyTooLargeException) {
            return Outcome.INVALID_RESPONSE;
        }
        if (failed.httpStatus() == 0) {
            return Outcome.UNREACHABLE;
        }
        return failed.isRetryable() ? Outcome.UNAVAILABLE : Outcome.REFUSED;
    }

    private void learnBoxClock(Instant boxDate) {
        long offset = boxDate.toEpochMilli() - clock.millis();
        boxClockOffsetMillis.set(offset);
        if (Math.abs(offset) >= NOTABLE_SKEW.toMillis()) {
            LOG.log(Level.WARNING, () -> "This machine's clock is " + Math.abs(offset / 1000) + " s "
                    + (offset > 0 ? "behind" : "ahead of") + " Box's; box-auth corrects its assertions for it,"
                    + " but the clock should be synchronized (NTP).");
        }
    }

    /** {@code Retry-After} in seconds, possibly fractional, capped; the backoff when absent or unreadable. */
    private Duration retryAfter(String header, int attempt) {
        if (header != null) {
            try {
                double seconds = Double.parseDouble(header.strip());
                if (seconds >= 0 && !Double.isNaN(seconds)) {
                    return Duration.ofMillis(Math.min((long) Math.ceil(seconds * 1000), policy.maxDelay().toMillis()));
                }
            } catch (NumberFormatException e) {
                // An HTTP-date or garbage: fall back to our own backoff.
            }
        }
        return policy.backoff(attempt);
    }

    private BoxTokenException refused(Grant grant, int status, String error, String description, String hint,
            boolean retryable) {
        return refused("Box did not issue a token for " + grant.describe(), status, error, description, hint,
                retryable);
    }

    /** Box's error, its description (never the body) and what to do, after {@code failed}. */
    static BoxTokenException refused(String failed, int status, String error, String description, String hint,
            boolean retryable) {
        StringBuilder message = new StringBuilder(failed).append(": HTTP ").append(status);
        if (error != null) {
            message.append(' ').append(error);
        }
        if (description != null) {
            message.append(" (").append(description).append(')');
        }
        message.append(". ").append(hint);
        return new BoxTokenException(message.toString(), error, description, status, retryable, null);
    }

    private BoxTokenException unreachable(Grant grant, IOException e) {
        return unreachable("token endpoint", "box.auth.token-url", endpoint, grant.describe(), e);
    }

    /** No answer from {@code endpoint}: retryable, unless TLS failed, which only a configuration change fixes. */
    static BoxTokenException unreachable(String endpointName, String property, TokenEndpoint endpoint, String who,
            IOException e) {
        String hint = e instanceof SSLException
                ? " The JVM does not trust the server's certificate, or TLS failed: check the trust store"
                        + " (javax.net.ssl.trustStore) or pass an SSLContext."
                : " Check " + property + ", the network and the proxy settings (https.proxyHost).";
        return new BoxTokenException("Cannot reach Box's " + endpointName + " " + endpoint.describe() + " for "
                + who + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + "." + hint,
                null, null, 0, !(e instanceof SSLException), e);
    }

    @Override
    public String toString() {
        return "TokenRequester[" + endpoint.describe() + "]";
    }
}
