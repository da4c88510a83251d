package dev.boxauth.emulator.internal;

/** A request the server cannot parse: answered with {@link #status()} and the connection closed. */
final class HttpProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    HttpProtocolException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
