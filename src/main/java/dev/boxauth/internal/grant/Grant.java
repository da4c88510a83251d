package dev.boxauth.internal.grant;

import java.time.Instant;
import java.util.Map;

/** One way of asking Box's token endpoint for a token. */
public interface Grant {

    /**
     * The form of one attempt. Called again for every attempt, so each carries a fresh assertion
     * ({@code jti} and {@code exp}) where the grant has one.
     *
     * @param boxNow the current time on Box's clock, as far as it is known
     */
    Map<String, String> form(Instant boxNow);

    /** Who is asking, for messages and logs: the client id and the subject, never a secret. */
    String describe();

    /**
     * The grant's name in metrics ({@code jwt}, {@code ccg}, {@code token_exchange}, {@code authorization_code},
     * {@code refresh_token}): the same for every app and user, so that it adds no series per user.
     */
    String kind();
}
