package dev.boxauth.internal.token;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxTokenException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jose4j.json.JsonUtil;

/**
 * Reads a token endpoint's HTTP 200 answer into a {@link TokenResponse}, accepting only what can safely be
 * cached and sent: a token that fits an {@code Authorization} header, and a lifetime that is a positive
 * number of seconds. Whatever else the answer holds is a non-retryable {@link BoxTokenException} that names
 * the endpoint and never shows the body.
 */
final class TokenAnswer {

    /**
     * The lifetime assumed when Box leaves {@code expires_in} out (RFC 6749 makes it optional): shorter
     * than Box's tokens live, so the token is renewed early rather than late; a 401 drops it anyway.
     */
    static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(15);
    /** The longest lifetime believed: Box's tokens live about an hour, and a bigger number is a fault. */
    static final Duration MAX_LIFETIME = Duration.ofHours(24);
    /** RFC 6750's token68: what a bearer token may hold, so no header can be split or refused. */
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    private TokenAnswer() {
    }

    /**
     * @param who whom the token is for, for messages
     * @param endpoint where the answer came from, for messages
     * @param sentAt when the request left, on our clock: the lifetime counts from there, so the expiry is
     *     never later than Box's
     */
    static TokenResponse read(String body, String who, String endpoint, Instant sentAt) {
        Map<String, Object> json = BoxJson.parse(body);
        if (json == null) {
            throw malformed(who, endpoint, "a body that is not a JSON object");
        }
        String accessToken = BoxJson.text(json, "access_token");
        if (accessToken == null || !TOKEN68.matcher(accessToken).matches()) {
            throw malformed(who, endpoint, accessToken == null ? "no access_token"
                    : "an access_token that is not a bearer token (empty, or characters a header cannot carry)");
        }
        String refreshToken = BoxJson.text(json, "refresh_token");
        if (refreshToken != null && !TOKEN68.matcher(refreshToken).matches()) {
            throw malformed(who, endpoint, "a refresh_token that is empty or holds characters a token cannot have");
        }
        Duration lifetime = lifetime(json.get("expires_in"), who, endpoint);
        List<String> restrictedTo = json.get("restricted_to") instanceof List<?> entries
                ? entries.stream().map(TokenAnswer::toJson).toList()
                : List.of();
        return new TokenResponse(new BoxAccessToken(accessToken, sentAt.plus(lifetime)), refreshToken, restrictedTo,
                BoxJson.text(json, "issued_token_type"));
    }

    /** {@code expires_in} as a lifetime: absent is {@link #ASSUMED_LIFETIME}, larger than the cap is the cap. */
    private static Duration lifetime(Object expiresIn, String who, String endpoint) {
        if (expiresIn == null) {
            return ASSUMED_LIFETIME;
        }
        double seconds;
        if (expiresIn instanceof Number number) {
            seconds = number.doubleValue();
        } else if (expiresIn instanceof String text && text.matches("\\d{1,20}")) {
            seconds = Double.parseDouble(text);
        } else {
            seconds = Double.NaN;
        }
        if (!(seconds > 0)) { // also NaN
            throw malformed(who, endpoint, "an expires_in that is not a positive number of seconds");
        }
        return seconds >= MAX_LIFETIME.toSeconds() ? MAX_LIFETIME : Duration.ofMillis((long) (seconds * 1000));
    }

    private static BoxTokenException malformed(String who, String endpoint, String what) {
        return new BoxTokenException("Box answered the token request for " + who + " with HTTP 200 but " + what
                + ": check that box.auth.token-url (" + endpoint + ") is Box's token endpoint.",
                null, null, 200, false, null);
    }

    @SuppressWarnings("unchecked")
    private static String toJson(Object entry) {
        return entry instanceof Map<?, ?> map ? JsonUtil.toJson((Map<String, ?>) map) : String.valueOf(entry);
    }
}
