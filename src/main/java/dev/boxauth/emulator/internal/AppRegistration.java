package dev.boxauth.emulator.internal;

import dev.boxauth.emulator.BoxUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Map;
import java.util.Objects;

/**
 * One Box app as the emulator knows it: credentials, its public key, its enterprise, and the two
 * settings an admin can change in the console. The settings are volatile so a test may flip them
 * while requests are in flight.
 */
public final class AppRegistration {

    private final String clientId;
    private final String clientSecret;
    private final String enterpriseId;
    private final Map<String, PublicKey> publicKeys;
    private final BoxUser serviceAccount;
    private volatile boolean authorized = true;
    private volatile boolean userTokensEnabled = true;

    AppRegistration(String clientId, String clientSecret, String enterpriseId, String keyId, PublicKey publicKey,
            BoxUser serviceAccount) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.enterpriseId = enterpriseId;
        this.publicKeys = Map.of(Objects.requireNonNull(keyId, "keyId"), Objects.requireNonNull(publicKey, "publicKey"));
        this.serviceAccount = serviceAccount;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The enterprise id, or {@code null} for an app that acts only as users. */
    public String enterpriseId() {
        return enterpriseId;
    }

    /** The only key id of this app (Box allows two; the emulator needs one so far). */
    public String keyId() {
        return publicKeys.keySet().iterator().next();
    }

    /** The public key registered under {@code keyId}, or {@code null}. */
    public PublicKey publicKey(String keyId) {
        return keyId == null ? null : publicKeys.get(keyId);
    }

    public BoxUser serviceAccount() {
        return serviceAccount;
    }

    /** Compares in constant time, so timing does not tell how much of a guessed secret was right. */
    public boolean secretMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    public boolean authorized() {
        return authorized;
    }

    public void authorized(boolean authorized) {
        this.authorized = authorized;
    }

    public boolean userTokensEnabled() {
        return userTokensEnabled;
    }

    public void userTokensEnabled(boolean enabled) {
        this.userTokensEnabled = enabled;
    }

    /** Where this app's users live: its enterprise, or a private space for apps without one. */
    String domain() {
        return enterpriseId != null ? "enterprise:" + enterpriseId : "app:" + clientId;
    }

    @Override
    public String toString() {
        return "AppRegistration[clientId=" + clientId + ", enterpriseId=" + enterpriseId + "]";
    }
}
