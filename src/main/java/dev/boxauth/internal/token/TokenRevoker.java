package dev.boxauth.internal.token;

import dev.boxauth.BoxTokenException;
import dev.boxauth.internal.Secret;
import dev.boxauth.internal.http.TokenEndpoint;
import dev.boxauth.internal.http.TokenHttpResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Revokes a token at Box's revoke endpoint. One attempt: a revocation that failed is reported to the
 * caller, who still holds the token and may try again; retrying here would only hold up a shutdown.
 */
public final class TokenRevoker {

    private final TokenEndpoint endpoint;
    private final String clientId;
    private final Secret clientSecret;

    /** @param endpoint Box's revoke endpoint ({@code box.auth.revoke-url}) */
    public TokenRevoker(TokenEndpoint endpoint, String clientId, Secret clientSecret) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    }

    /**
     * @param token the access token to revoke
     * @param who whom the token is for, for the message; never a secret
     * @throws BoxTokenException when Box did not answer 200; retryable for rate limits, server and network errors
     */
    public void revoke(String token, String who) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret.reveal());
        form.put("token", token);
        TokenHttpResponse response;
        try {
            response = endpoint.post(form);
        } catch (IOException e) {
            throw TokenRequester.unreachable("revoke endpoint", "box.auth.revoke-url", endpoint, who, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoxTokenException("Interrupted while revoking the Box token for " + who + ".", null, null, 0,
                    true, e);
        }
        if (response.status() == 200) {
            return;
        }
        Map<String, Object> json = BoxJson.parse(response.body());
        String error = BoxJson.text(json, "error");
        String description = BoxJson.text(json, "error_description");
        BoxError meaning = BoxError.classify(response.status(), error, description);
        String hint = error == null && response.status() < 500 && response.status() != 429
                ? "Check that box.auth.revoke-url (" + endpoint.describe() + ") is Box's revoke endpoint."
                : meaning.hint();
        throw TokenRequester.refused("Box did not revoke the token for " + who, response.status(), error,
                description, hint, meaning.kind() == BoxError.Kind.TRANSIENT);
    }

    @Override
    public String toString() {
        return "TokenRevoker[" + endpoint.describe() + ", client id " + clientId + "]";
    }
}
