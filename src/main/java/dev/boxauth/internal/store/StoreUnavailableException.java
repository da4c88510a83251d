package dev.boxauth.internal.store;

/** The shared store failed (unreachable, timed out, refused): the instance carries on with its own tokens. */
final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
