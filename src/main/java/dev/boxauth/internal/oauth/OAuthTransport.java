package dev.boxauth.internal.oauth;

import dev.boxauth.internal.http.BoxHttpClient;
import dev.boxauth.internal.http.HttpTokenEndpoint;
import dev.boxauth.internal.http.TokenEndpoint;
import dev.boxauth.oauth.BoxOAuthConfig;
import java.util.Objects;

/**
 * The three Box endpoints OAuth 2.0 talks to; tests pass in-memory fakes.
 *
 * @param token the token endpoint (code exchange and refresh)
 * @param revoke the revoke endpoint; it takes a form like the token endpoint
 * @param api the API root, for {@code GET /users/me}
 */
public record OAuthTransport(TokenEndpoint token, TokenEndpoint revoke, ApiEndpoint api) {

    public OAuthTransport {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(revoke, "revoke");
        Objects.requireNonNull(api, "api");
    }

    /** HTTPS to the configured URLs through {@code http}, so requests share kept-alive connections. */
    static OAuthTransport http(BoxOAuthConfig config, BoxHttpClient http) {
        return new OAuthTransport(
                new HttpTokenEndpoint(config.tokenUrl(), http),
                new HttpTokenEndpoint(config.revokeUrl(), http),
                new HttpApiEndpoint(config.apiUrl(), http));
    }
}
