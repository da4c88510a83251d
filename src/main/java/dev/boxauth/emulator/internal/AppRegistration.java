package dev.boxauth.emulator.internal;

import dev.boxauth.emulator.BoxUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One Box app as the emulator knows it: how it authenticates, its credentials, its enterprise, and the
 * settings an admin or developer can change in the console. The settings are volatile so a test may
 * flip them while requests are in flight.
 */
public final class AppRegistration {

    /** The authentication method chosen when the app was created; Box does not let it change. */
    public enum Kind {
        /** Server authentication with JWT: a key pair. */
        JWT,
        /** Server authentication with the Client Credentials Grant: id and secret only. */
        CCG,
        /** User authentication with OAuth 2.0: a browser sign-in, then codes and refresh tokens. */
        OAUTH
    }

    /** Box's two key slots. */
    static final int MAX_PUBLIC_KEYS = 2;

    private final Kind kind;
    private final String clientId;
    /** Volatile: the console's "Reset" replaces it while requests are in flight. */
    private volatile String clientSecret;
    private final String enterpriseId;
    /** Key id to public key, in the order added; replaced whole, so a request sees one set or the other. */
    private volatile Map<String, PublicKey> publicKeys;
    private final BoxUser serviceAccount;
    private final List<String> redirectUris;
    private volatile boolean authorized = true;
    private volatile boolean userTokensEnabled = true;
    private volatile boolean appAccessOnly;
    private volatile boolean performActionsAsUsers;
    private volatile Set<String> scopes = Scopes.DEFAULT;
    /** Who consents on the authorize page (OAuth 2.0 apps only). */
    private volatile BoxUser signedInUser;

    AppRegistration(Kind kind, String clientId, String clientSecret, String enterpriseId,
            Map<String, PublicKey> publicKeys, BoxUser serviceAccount, List<String> redirectUris) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.enterpriseId = enterpriseId;
        this.publicKeys = Collections.unmodifiableMap(new LinkedHashMap<>(publicKeys));
        this.serviceAccount = serviceAccount;
        this.redirectUris = List.copyOf(redirectUris);
    }

    public Kind kind() {
        return kind;
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

    /** The first key id of a JWT app that has one; {@code null} for others. */
    public String keyId() {
        Map<String, PublicKey> keys = publicKeys;
        return keys.isEmpty() ? null : keys.keySet().iterator().next();
    }

    /**
     * Adds a public key, as the console's "Add a Public Key" does; Box keeps at most two per app, so that
     * a key pair can be replaced without downtime.
     *
     * @throws IllegalStateException if the app has two keys already, or the key id is taken
     */
    public synchronized void addPublicKey(String keyId, PublicKey key) {
        Map<String, PublicKey> keys = new LinkedHashMap<>(publicKeys);
        if (keys.size() >= MAX_PUBLIC_KEYS || keys.containsKey(keyId)) {
            throw new IllegalStateException("Box keeps at most " + MAX_PUBLIC_KEYS + " public keys per app, each"
                    + " under its own id; the app has " + keys.keySet());
        }
        keys.put(keyId, key);
        publicKeys = Collections.unmodifiableMap(keys);
    }

    /** Removes a public key: assertions signed with its private key are refused from now on. */
    public synchronized void removePublicKey(String keyId) {
        Map<String, PublicKey> keys = new LinkedHashMap<>(publicKeys);
        keys.remove(keyId);
        publicKeys = Collections.unmodifiableMap(keys);
    }

    /** Replaces the client secret, as the console's "Reset" does: the old one is refused from now on. */
    public void clientSecret(String newSecret) {
        this.clientSecret = Objects.requireNonNull(newSecret, "newSecret");
    }

    /** The public key registered under {@code keyId}, or {@code null}. */
    public PublicKey publicKey(String keyId) {
        return keyId == null ? null : publicKeys.get(keyId);
    }

    /** The user enterprise tokens act as; {@code null} for OAuth 2.0 apps, which have none. */
    public BoxUser serviceAccount() {
        return serviceAccount;
    }

    /** The redirect URIs configured for an OAuth 2.0 app, in order; empty for others. */
    public List<String> redirectUris() {
        return redirectUris;
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

    /** "App Access Only": the app may act as its Service Account and App Users, not managed users. */
    public boolean appAccessOnly() {
        return appAccessOnly;
    }

    public void appAccessOnly(boolean appAccessOnly) {
        this.appAccessOnly = appAccessOnly;
    }

    /** "Perform actions as users": enterprise tokens may send {@code As-User}. */
    public boolean performActionsAsUsers() {
        return performActionsAsUsers;
    }

    public void performActionsAsUsers(boolean enabled) {
        this.performActionsAsUsers = enabled;
    }

    /** The scopes tokens issued to this app carry from now on. */
    public Set<String> scopes() {
        return scopes;
    }

    /** @param scopes an unmodifiable set, as {@link Scopes#of} makes */
    public void scopes(Set<String> scopes) {
        this.scopes = Objects.requireNonNull(scopes, "scopes");
    }

    public BoxUser signedInUser() {
        return signedInUser;
    }

    public void signedInUser(BoxUser user) {
        this.signedInUser = Objects.requireNonNull(user, "user");
    }

    /** Where this app's users live: its enterprise, or a private space for apps without one. */
    String domain() {
        return enterpriseId != null ? "enterprise:" + enterpriseId : "app:" + clientId;
    }

    @Override
    public String toString() {
        return "AppRegistration[" + kind + ", clientId=" + clientId + ", enterpriseId=" + enterpriseId + "]";
    }
}
