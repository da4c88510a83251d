package dev.boxauth.cdi;

import dev.boxauth.BoxTokenProvider;
import java.util.Optional;

/**
 * The Box user signed in with OAuth 2.0 in the current request's browser ({@code box.auth.method=oauth}).
 * Inject it into request-handling beans:
 *
 * <pre>{@code
 * @Inject BoxUserSession box;
 * if (box.boxUserId().isEmpty()) return Response.seeOther(URI.create(box.signInPath())).build();
 * String token = box.provider().accessToken();
 * }</pre>
 *
 * <p>In an OAuth 2.0 application an injected {@code BoxTokenProvider} (and so {@code BoxAuthFilter}) also
 * acts for this user.
 */
public interface BoxUserSession {

    /** The signed-in Box user's id, or empty when this browser has not signed in. */
    Optional<String> boxUserId();

    /**
     * The signed-in user's token provider.
     *
     * @throws dev.boxauth.oauth.NotSignedInException when this browser has not signed in, or the user must
     *     sign in again (Box no longer accepts the refresh token)
     */
    BoxTokenProvider provider();

    /** Where to send the browser to sign in: a path relative to the JAX-RS application root. */
    String signInPath();

    /**
     * Signs this browser out, on every instance of the application; the user's other browsers stay signed
     * in, and their tokens stay valid.
     */
    void signOut();

    /**
     * Signs the user out everywhere: revokes their tokens at Box, forgets them, and ends every session they
     * have, in every browser and on every instance.
     */
    void signOutEverywhere();
}
