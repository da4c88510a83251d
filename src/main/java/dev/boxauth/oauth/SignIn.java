package dev.boxauth.oauth;

import java.net.URI;
import java.util.Objects;

/**
 * The start of one sign-in: where to send the browser, and the {@code state} that Box will hand back to
 * the callback.
 *
 * <p>The web layer should also bind {@code state} to the browser that started the sign-in (for example a
 * short-lived, {@code HttpOnly}, {@code SameSite=Lax} cookie set on the redirect response) and check that
 * the callback's {@code state} equals it before calling {@link BoxOAuth#completeSignIn}. The state check in
 * {@link BoxOAuth} proves that this application issued the state; only the cookie proves that the same
 * browser is coming back, which is what stops an attacker from signing a victim in to the attacker's Box
 * account (login CSRF).
 *
 * @param authorizeUrl Box's authorize page with {@code response_type=code}, {@code client_id},
 *     {@code redirect_uri}, {@code state} and, when scopes are configured, {@code scope}; redirect the
 *     browser here (HTTP 302/303)
 * @param state the random, single-use value the callback must return; not a secret once it is in the
 *     browser's address bar, but never logged by box-auth
 */
public record SignIn(URI authorizeUrl, String state) {

    public SignIn {
        Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String toString() {
        return "SignIn[authorizeUrl=<with state>, state=<redacted>]";
    }
}
