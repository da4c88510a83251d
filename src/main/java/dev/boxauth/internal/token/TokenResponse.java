package dev.boxauth.internal.token;

import dev.boxauth.BoxAccessToken;
import java.util.List;
import java.util.Objects;

/**
 * Everything Box's token endpoint answered with a token.
 *
 * @param accessToken the access token and its expiry on our clock
 * @param refreshToken the new refresh token (OAuth 2.0 only; single-use), or {@code null}
 * @param restrictedTo Box's {@code restricted_to} entries as raw JSON texts (downscoped tokens), possibly empty
 * @param issuedTokenType {@code issued_token_type} (token exchange only), or {@code null}
 */
public record TokenResponse(BoxAccessToken accessToken, String refreshToken, List<String> restrictedTo,
        String issuedTokenType) {

    public TokenResponse {
        Objects.requireNonNull(accessToken, "accessToken");
        restrictedTo = List.copyOf(restrictedTo);
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresAt=" + accessToken.expiresAt() + ", refreshToken="
                + (refreshToken == null ? "none" : "<redacted>") + ", restrictedTo=" + restrictedTo.size()
                + " entries, issuedTokenType=" + issuedTokenType + "]";
    }
}
