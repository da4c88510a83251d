package dev.boxauth.internal.oauth;

import dev.boxauth.internal.Secret;
import dev.boxauth.internal.grant.Grant;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Spends one single-use refresh token for a new pair. */
final class RefreshTokenGrant implements Grant {

    private final String clientId;
    private final Secret clientSecret;
    private final Secret refreshToken;
    private final String boxUserId;

    RefreshTokenGrant(String clientId, Secret clientSecret, Secret refreshToken, String boxUserId) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.boxUserId = boxUserId;
    }

    @Override
    public Map<String, String> form(Instant boxNow) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.reveal());
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret.reveal());
        return form;
    }

    @Override
    public String kind() {
        return "refresh_token";
    }

    @Override
    public String describe() {
        return "client id " + clientId + " (OAuth 2.0, user " + boxUserId + ")";
    }

    @Override
    public String toString() {
        return "RefreshTokenGrant[" + describe() + "]";
    }
}
