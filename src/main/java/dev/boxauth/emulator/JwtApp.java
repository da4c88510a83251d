package dev.boxauth.emulator;

import dev.boxauth.emulator.internal.AppRegistration;
import dev.boxauth.emulator.internal.Directory;
import dev.boxauth.emulator.internal.KeyMaterial;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A Box app using JWT authentication, registered with a {@link BoxEmulator}: its credentials, and the
 * settings an enterprise admin controls. Starts authorized, with user tokens enabled and without
 * "Perform actions as users".
 *
 * <p>{@link #toString()} shows the client id and enterprise id only, never the secret or the key.
 */
public final class JwtApp extends EmulatedApp {

    private final String privateKeyPem;
    private final String configJson;

    JwtApp(AppRegistration registration, Directory directory, String privateKeyPem, String configJson) {
        super(registration, directory);
        this.privateKeyPem = privateKeyPem;
        this.configJson = configJson;
    }

    /** The id of the app's first public key: the JWT header's {@code kid}. */
    public String keyId() {
        return registration.keyId();
    }

    /**
     * Adds a second public key, as the console's "Add a Public Key" does: assertions signed with either
     * key pair are accepted, which is how Box lets a key be replaced without downtime.
     *
     * @throws IllegalStateException if the app has two keys already (Box's limit) or {@code keyId} is taken
     * @throws IllegalArgumentException if the key is not RSA of at least 2048 bits
     */
    public void addPublicKey(String keyId, PublicKey publicKey) {
        KeyMaterial.requireUsableRsa(publicKey);
        registration.addPublicKey(Objects.requireNonNull(keyId, "keyId"), publicKey);
    }

    /** Removes a public key: from the next request on, Box refuses assertions with its {@code kid}. */
    public void removePublicKey(String keyId) {
        registration.removePublicKey(keyId);
    }

    /** The user that enterprise tokens act as. */
    public BoxUser serviceAccount() {
        return registration.serviceAccount();
    }

    /**
     * The private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), or {@code null} for an app
     * from {@link BoxEmulator#registerJwtApp}, whose private key only the caller has. A secret.
     */
    public String privateKeyPem() {
        return privateKeyPem;
    }

    /**
     * The Developer Console config file of this app ({@code boxAppSettings} with client id, secret,
     * key id, private key and an empty passphrase, and {@code enterpriseID}), or {@code null} for an app
     * from {@link BoxEmulator#registerJwtApp}. A secret.
     */
    public String configJson() {
        return configJson;
    }

    /**
     * Sets whether the enterprise admin has authorized the app; when not, every token request gets
     * {@code unauthorized_client}. Takes effect for the next request.
     */
    public void authorized(boolean authorized) {
        registration.authorized(authorized);
    }

    /**
     * Sets the app's "Generate user access tokens" setting; when off, a JWT with
     * {@code box_sub_type=user} gets {@code invalid_request} "Cannot obtain user token based on the
     * enterprise configuration for your app". Takes effect for the next request.
     */
    public void userTokensEnabled(boolean enabled) {
        registration.userTokensEnabled(enabled);
    }

    /**
     * Sets the app's "Perform actions as users" setting: with it, the API accepts an {@code As-User}
     * header with an enterprise token and answers as that user of the enterprise; without it (the
     * default) such a request gets 403 {@code access_denied_insufficient_permissions}.
     */
    public void performActionsAsUsers(boolean enabled) {
        registration.performActionsAsUsers(enabled);
    }

    /**
     * Creates a user in this app's enterprise (an App User), usable as the JWT {@code sub} with
     * {@code box_sub_type=user} and as {@code As-User}. Its login is derived from {@code name}:
     * {@code "Ada Lovelace"} gives {@code ada.lovelace@example.com}.
     */
    public BoxUser createUser(String name) {
        return directory.createMember(registration, name);
    }
}
