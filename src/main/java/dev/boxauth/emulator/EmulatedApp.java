package dev.boxauth.emulator;

import dev.boxauth.emulator.internal.AppRegistration;
import dev.boxauth.emulator.internal.Directory;
import dev.boxauth.emulator.internal.Scopes;
import java.util.Set;

/**
 * A Box app registered with a {@link BoxEmulator}, whatever its authentication method: its credentials and
 * the scopes its tokens carry. The subclasses add the settings of their method.
 *
 * <p>{@link #toString()} shows the client id and enterprise id only, never the secret.
 */
public abstract sealed class EmulatedApp permits JwtApp, CcgApp, OAuthApp {

    /** The scopes tokens carry until {@link #scopes(String...)} changes them. */
    public static final Set<String> DEFAULT_SCOPES = Scopes.DEFAULT;

    final AppRegistration registration;
    final Directory directory;

    EmulatedApp(AppRegistration registration, Directory directory) {
        this.registration = registration;
        this.directory = directory;
    }

    /** The client id: the form's {@code client_id} (and a JWT's {@code iss}). */
    public String clientId() {
        return registration.clientId();
    }

    /** The client secret. A secret: do not log it. */
    public String clientSecret() {
        return registration.clientSecret();
    }

    /**
     * Resets the client secret, as the console's "Reset" button does: from the next request on, only the
     * new one is accepted.
     *
     * @return the new secret. A secret: do not log it.
     */
    public String resetClientSecret() {
        String secret = directory.newSecret();
        registration.clientSecret(secret);
        return secret;
    }

    /**
     * The enterprise id: the subject of enterprise tokens (the JWT {@code sub} with
     * {@code box_sub_type=enterprise}, the CCG {@code box_subject_id} with {@code box_subject_type=enterprise});
     * {@code null} for a JWT app registered without one.
     */
    public String enterpriseId() {
        return registration.enterpriseId();
    }

    /**
     * Sets the scopes of the tokens issued to this app from now on (tokens already issued keep theirs).
     * A token exchange may ask only for scopes its subject token carries; an authorize request only for
     * scopes of the app. Default {@link #DEFAULT_SCOPES}: {@code root_readwrite item_preview item_upload
     * item_share item_download base_preview}.
     *
     * @throws IllegalArgumentException if no scope is given, or one is empty or contains white space
     */
    public void scopes(String... scopes) {
        Set<String> set = Scopes.of(scopes);
        if (set.isEmpty()) {
            throw new IllegalArgumentException("An app needs at least one scope");
        }
        registration.scopes(set);
    }

    /** The scopes of tokens issued to this app from now on, in the order they were set. */
    public Set<String> scopes() {
        return registration.scopes();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[clientId=" + clientId() + ", enterpriseId=" + enterpriseId() + "]";
    }
}
