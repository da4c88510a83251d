package dev.boxauth.internal.oauth;

import dev.boxauth.internal.Secret;
import dev.boxauth.internal.grant.Grant;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The code exchange at the end of a sign-in. The code is single-use and lives some seconds. */
final class AuthorizationCodeGrant implements Grant {

    private final String clientId;
    private final Secret clientSecret;
    private final Secret code;
    private final URI redirectUri;

    AuthorizationCodeGrant(String clientId, Secret clientSecret, Secret code, URI redirectUri) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.code = code;
        this.redirectUri = redirectUri;
    }

    @Override
    public Map<String, String> form(Instant boxNow) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code.reveal());
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret.reveal());
        // Always the configured URI: one taken from the request could send the code elsewhere.
        form.put("redirect_uri", redirectUri.toString());
        return form;
    }

    @Override
    public String kind() {
        return "authorization_code";
    }

    @Override
    public String describe() {
        return "client id " + clientId + " (OAuth 2.0 sign-in)";
    }

    @Override
    public String toString() {
        return "AuthorizationCodeGrant[" + describe() + "]";
    }
}
