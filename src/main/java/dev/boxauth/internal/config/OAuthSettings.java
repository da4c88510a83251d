package dev.boxauth.internal.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What only OAuth 2.0 needs, validated: where Box sends the browser back, what to ask for, and where
 * the browser goes afterwards.
 *
 * @param redirectUri the redirect URI registered for the app; absolute https (http only on loopback), no fragment
 * @param scopes the scopes to ask for, in the order configured, without duplicates; empty for the app's own
 * @param authorizeUrl Box's authorize page
 * @param callbackPath the callback's path relative to the JAX-RS application root, such as {@code box/oauth/callback}
 * @param afterSignIn a path inside the application, starting with {@code /}, where the browser goes after signing in
 * @param signInTimeout how long a started sign-in may take
 * @param sessionIdleTimeout how long a browser session may go unused
 * @param sessionLifetime how long a browser session lasts at most
 * @param secureCookies {@code true} or {@code false} to mark the cookies {@code Secure} always or never,
 *     {@code null} to mark them when the browser spoke https
 * @param trustForwarded whether the proxy headers about the browser's scheme are believed
 */
public record OAuthSettings(URI redirectUri, List<String> scopes, URI authorizeUrl, String callbackPath,
        String afterSignIn, Duration signInTimeout, Duration sessionIdleTimeout, Duration sessionLifetime,
        Boolean secureCookies, boolean trustForwarded) {

    public OAuthSettings {
        Objects.requireNonNull(redirectUri, "redirectUri");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        Objects.requireNonNull(callbackPath, "callbackPath");
        Objects.requireNonNull(afterSignIn, "afterSignIn");
        Objects.requireNonNull(signInTimeout, "signInTimeout");
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
    }

    /** The {@code scope} parameter of the authorize URL: the scopes separated by spaces, or {@code null} for none. */
    public String scopeParameter() {
        return scopes.isEmpty() ? null : String.join(" ", scopes);
    }
}
