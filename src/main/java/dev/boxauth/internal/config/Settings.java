package dev.boxauth.internal.config;

import dev.boxauth.internal.Secret;
import java.net.URI;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.Objects;

/**
 * A validated, immutable configuration of one Box app and subject. Built only by {@link SettingsReader},
 * so every instance is known to be usable.
 *
 * @param privateKey decrypted once at startup; {@code toString()} of the record never prints it
 */
public record Settings(
        String clientId,
        Secret clientSecret,
        Subject subject,
        String keyId,
        RSAPrivateCrtKey privateKey,
        String algorithm,
        URI tokenUrl,
        URI apiUrl,
        Duration connectTimeout,
        Duration readTimeout,
        Duration refreshMargin,
        boolean fetchOnStartup) {

    public Settings {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(refreshMargin, "refreshMargin");
    }

    @Override
    public String toString() {
        return "Settings[clientId=" + clientId + ", subject=" + subject + ", keyId=" + keyId
                + ", algorithm=" + algorithm + ", tokenUrl=" + tokenUrl + ", apiUrl=" + apiUrl
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", refreshMargin=" + refreshMargin + ", fetchOnStartup=" + fetchOnStartup + ", clientSecret=<redacted>, privateKey=<redacted>]";
    }
}
