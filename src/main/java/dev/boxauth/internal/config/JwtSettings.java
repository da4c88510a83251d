package dev.boxauth.internal.config;

import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Objects;

/**
 * What only JWT needs: the key pair's id, the private key and the signature algorithm.
 *
 * @param keyId the id Box gave the public key
 * @param privateKey decrypted once at startup; never printed
 * @param algorithm {@code RS256}, {@code RS384} or {@code RS512}
 */
public record JwtSettings(String keyId, RSAPrivateCrtKey privateKey, String algorithm) {

    public JwtSettings {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public String toString() {
        return "JwtSettings[keyId=" + keyId + ", algorithm=" + algorithm + ", privateKey=<redacted>]";
    }
}
