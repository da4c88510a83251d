package dev.boxauth.emulator;

import dev.boxauth.emulator.internal.AppRegistration;
import dev.boxauth.emulator.internal.Directory;
import java.util.List;
import java.util.Objects;

/**
 * A Box app using OAuth 2.0 (user authentication), registered with a {@link BoxEmulator}: a client id
 * and secret, its redirect URIs, and the user who signs in on the emulator's authorize page.
 *
 * <p>The flow: the browser opens {@link BoxEmulator#authorizeUrl()} with {@code response_type=code},
 * {@code client_id}, {@code redirect_uri} (required when the app has several) and {@code state}; the
 * emulator shows a consent page for {@link #signedInUser()} whose form posts {@code request_id} and
 * {@code consent=grant} ("Grant access to Box") or {@code consent=deny} ("Deny") back to the same URL,
 * and answers 302 to {@code redirect_uri?code=…&state=…} or {@code ?error=access_denied&…&state=…}.
 * The code is single-use, valid 30 seconds on the emulator's clock, and is exchanged with
 * {@code grant_type=authorization_code} for an access token and a single-use refresh token.
 *
 * <p>{@link #toString()} shows the client id and enterprise id only, never the secret.
 */
public final class OAuthApp extends EmulatedApp {

    OAuthApp(AppRegistration registration, Directory directory) {
        super(registration, directory);
    }

    /** The redirect URIs configured for the app, in the order given to {@link BoxEmulator#createOAuthApp}. */
    public List<String> redirectUris() {
        return registration.redirectUris();
    }

    /**
     * Makes {@code user} the one who signs in and consents on the authorize page from now on. Default: a
     * managed user created with the app.
     *
     * @throws IllegalArgumentException if this emulator did not create {@code user}
     */
    public void signInAs(BoxUser user) {
        if (!directory.knows(Objects.requireNonNull(user, "user"))) {
            throw new IllegalArgumentException("User " + user.id() + " was not created by this emulator");
        }
        registration.signedInUser(user);
    }

    /** The user who signs in and consents on the authorize page. */
    public BoxUser signedInUser() {
        return registration.signedInUser();
    }

    /** Creates a managed user of the app's enterprise, who can then {@linkplain #signInAs sign in}. */
    public BoxUser createUser(String name) {
        return directory.createManagedMember(registration, name);
    }
}
