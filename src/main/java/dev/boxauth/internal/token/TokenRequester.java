package dev.boxauth.internal.token;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxTokenException;
import dev.boxauth.internal.grant.Grant;
import dev.boxauth.internal.http.TokenEndpoint;
import dev.boxauth.internal.http.TokenHttpResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.jose4j.json.JsonUtil;

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
    /** Box's clock minus ours, learned from the {@code Date} of a skew error; used for every later assertion. */
    private final AtomicLong boxClockOffsetMillis = new AtomicLong();

    public TokenRequester(TokenEndpoint endpoint, Clock clock, Sleeper sleeper, RetryPolicy policy) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.sleeper = sleeper;
        this.policy = policy;
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
        Duration waited = Duration.ZERO;
        boolean skewCorrected = false;
        BoxTokenException last = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Instant sentAt = clock.instant();
            TokenHttpResponse response;
            try {
                response = endpoint.post(grant.form(sentAt.plusMillis(boxClockOffsetMillis.get())));
            } catch (IOException e) {
                last = unreachable(grant, e);
                Duration delay = backoff(attempt);
                if (e instanceof SSLException || !canWait(waited, delay, attempt)) {
                    throw last;
                }
                waited = waited.plus(delay);
                retryAfter(grant, delay, "a network error");
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BoxTokenException("Interrupted while requesting a Box token for " + grant.describe() + ".",
                        null, null, 0, true, e);
            }
            if (response.status() == 200) {
                return parseToken(grant, response, sentAt);
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
                }
                case JTI_REUSED -> last = refused(grant, response.status(), error, description, meaning.hint(), false);
                case TRANSIENT -> {
                    last = refused(grant, response.status(), error, description, meaning.hint(), true);
                    Duration delay = response.status() == 429 ? retryAfter(response.retryAfter(), attempt) : backoff(attempt);
                    if (!canWait(waited, delay, attempt)) {
                        throw last;
                    }
                    waited = waited.plus(delay);
                    retryAfter(grant, delay, "HTTP " + response.status());
                }
                case FATAL -> throw refused(grant, response.status(), error, description, meaning.hint(), false);
            }
        }
        throw last;
    }

    private boolean canWait(Duration waited, Duration delay, int attempt) {
        return attempt < policy.maxAttempts() && waited.plus(delay).compareTo(policy.maxTotalDelay()) <= 0;
    }

    private void retryAfter(Grant grant, Duration delay, String reason) {
        LOG.log(Level.DEBUG, () -> "Retrying the token request for " + grant.describe() + " after " + reason
                + " in " + delay.toMillis() + " ms");
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoxTokenException("Interrupted while waiting to retry the Box token request for "
                    + grant.describe() + ".", null, null, 0, true, e);
        }
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

    /** Exponential backoff with jitter, so a fleet that failed together does not retry together. */
    private Duration backoff(int attempt) {
        long cap = policy.maxDelay().toMillis();
        long exponential = Math.min(cap, policy.baseDelay().toMillis() << Math.min(attempt - 1, 20));
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        return Duration.ofMillis(jittered);
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
        return backoff(attempt);
    }

    private TokenResponse parseToken(Grant grant, TokenHttpResponse response, Instant sentAt) {
        Map<String, Object> json = BoxJson.parse(response.body());
        String accessToken = BoxJson.text(json, "access_token");
        Object expiresIn = json == null ? null : json.get("expires_in");
        if (accessToken == null || !(expiresIn instanceof Number seconds) || seconds.longValue() <= 0) {
            throw new BoxTokenException("Box answered the token request for " + grant.describe()
                    + " with HTTP 200 but without access_token and a positive expires_in: check that "
                    + "box.auth.token-url (" + endpoint.describe() + ") is Box's token endpoint.",
                    null, null, 200, false, null);
        }
        List<String> restrictedTo = json.get("restricted_to") instanceof List<?> entries
                ? entries.stream().map(TokenRequester::toJson).toList()
                : List.of();
        // Measured from when the request left, on our clock, so the expiry is never later than Box's.
        return new TokenResponse(new BoxAccessToken(accessToken, sentAt.plusSeconds(seconds.longValue())),
                BoxJson.text(json, "refresh_token"), restrictedTo, BoxJson.text(json, "issued_token_type"));
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

    @SuppressWarnings("unchecked")
    private static String toJson(Object entry) {
        return entry instanceof Map<?, ?> map ? JsonUtil.toJson((Map<String, ?>) map) : String.valueOf(entry);
    }

    @Override
    public String toString() {
        return "TokenRequester[" + endpoint.describe() + "]";
    }
}
