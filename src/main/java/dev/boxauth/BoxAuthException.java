package dev.boxauth;

/**
 * The base of every exception box-auth throws. Messages never contain a secret (client secret, private
 * key, passphrase, assertion, access or refresh token) nor a raw response body from Box.
 */
public class BoxAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and what to do about it */
    public BoxAuthException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure; its message must not hold a secret either
     */
    public BoxAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
