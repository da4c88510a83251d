package dev.boxauth.oauth;

import dev.boxauth.BoxAuthException;

/**
 * The user has no usable sign-in: nothing is stored for them, they signed out, or Box refused their
 * refresh token (revoked, expired after about 60 days unused, or the app was removed from their account).
 * The web layer turns this into a redirect to {@link BoxOAuth#startSignIn()}.
 *
 * <p>Never thrown merely because Box was unreachable; that is a {@link dev.boxauth.BoxTokenException}.
 */
public class NotSignedInException extends BoxAuthException {

    private static final long serialVersionUID = 1L;

    private final String boxUserId;

    /**
     * @param boxUserId the Box user id concerned
     * @param message why, without secrets
     * @param cause what Box answered, or {@code null}
     */
    public NotSignedInException(String boxUserId, String message, Throwable cause) {
        super(message, cause);
        this.boxUserId = boxUserId;
    }

    /** The Box user id that has to sign in again. */
    public String boxUserId() {
        return boxUserId;
    }
}
