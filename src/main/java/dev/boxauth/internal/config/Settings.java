package dev.boxauth.internal.config;

import dev.boxauth.internal.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A validated, immutable configuration of one Box app. Built only by {@link SettingsReader}, so every
 * instance is known to be usable; the constructor still checks that each method has its own fields and
 * no other method's, so that code reading one of them may rely on it.
 *
 * @param method how the app authenticates
 * @param clientId the app's client id; {@code null} only for a developer token configured without one
 * @param clientSecret set exactly when {@code clientId} is
 * @param subject whom the tokens represent: JWT and Client Credentials only, else {@code null}
 * @param jwt the key and algorithm: JWT only, else {@code null}
 * @param oauth the browser sign-in settings: OAuth 2.0 only, else {@code null}
 * @param developerToken the token: developer token only, else {@code null}
 * @param revokeUrl where {@code revoke()} and revoke-on-shutdown send tokens
 * @param totalTimeout the deadline of one token request across its retries
 * @param userCacheSize how many per-user providers are kept; positive
 * @param revokeOnShutdown whether closing the provider revokes its tokens; only with client credentials
 * @param store the store the instances of a cluster share their tokens through, or {@code null} for none
 * @param files the files read and how to read them again when they change, or {@code null} when nothing came
 *     from a file
 */
public record Settings(
        AuthMethod method,
        String clientId,
        Secret clientSecret,
        Subject subject,
        JwtSettings jwt,
        OAuthSettings oauth,
        Secret developerToken,
        URI tokenUrl,
        URI revokeUrl,
        URI apiUrl,
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        Duration refreshMargin,
        boolean fetchOnStartup,
        int userCacheSize,
        boolean revokeOnShutdown,
        StoreSettings store,
        ConfigFiles files) {

    public Settings {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(revokeUrl, "revokeUrl");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(refreshMargin, "refreshMargin");
        require((clientId == null) == (clientSecret == null), "a client id goes with a client secret");
        require(clientId != null || method == AuthMethod.DEVELOPER_TOKEN, "client credentials for " + method);
        require((subject != null) == (method == AuthMethod.JWT || method == AuthMethod.CCG), "a subject for " + method);
        require((jwt != null) == (method == AuthMethod.JWT), "JWT settings exactly for jwt");
        require((oauth != null) == (method == AuthMethod.OAUTH), "OAuth settings exactly for oauth");
        require((developerToken != null) == (method == AuthMethod.DEVELOPER_TOKEN),
                "a developer token exactly for developer-token");
        require(userCacheSize > 0, "a positive user cache size");
        require(!revokeOnShutdown || clientId != null, "client credentials to revoke on shutdown");
    }

    /** Whether the client id and secret are known, as revoking needs. */
    public boolean hasClientCredentials() {
        return clientId != null;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("inconsistent settings: expected " + what);
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Settings[method=").append(method).append(", clientId=").append(clientId);
        if (subject != null) {
            s.append(", subject=").append(subject);
        }
        if (jwt != null) {
            s.append(", jwt=").append(jwt);
        }
        if (oauth != null) {
            s.append(", oauth=").append(oauth);
        }
        return s.append(", tokenUrl=").append(tokenUrl).append(", revokeUrl=").append(revokeUrl)
                .append(", apiUrl=").append(apiUrl).append(", connectTimeout=").append(connectTimeout)
                .append(", readTimeout=").append(readTimeout).append(", totalTimeout=").append(totalTimeout)
                .append(", refreshMargin=").append(refreshMargin)
                .append(", fetchOnStartup=").append(fetchOnStartup).append(", userCacheSize=").append(userCacheSize)
                .append(", revokeOnShutdown=").append(revokeOnShutdown)
                .append(", store=").append(store == null ? "local" : store)
                .append(files == null ? "" : ", files=" + files.propertyNames())
                .append(", clientSecret=").append(clientSecret == null ? "none" : "<redacted>")
                .append(developerToken == null ? "" : ", developerToken=<redacted>").append(']').toString();
    }
}
