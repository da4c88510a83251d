package dev.boxauth.internal.http;

import java.io.IOException;

/** An answer whose body is larger than the cap: not Box, or not one of its OAuth 2.0 endpoints. */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    BodyTooLargeException(int maxBytes) {
        super("the answer's body is larger than " + maxBytes / 1024 + " KiB");
    }
}
