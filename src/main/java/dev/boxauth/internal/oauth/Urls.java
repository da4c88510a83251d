package dev.boxauth.internal.oauth;

import java.net.URI;

/** URLs of Box's API. */
public final class Urls {

    private Urls() {
    }

    /** {@code base} and {@code path} joined with exactly one slash. */
    static URI join(URI base, String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }
}
