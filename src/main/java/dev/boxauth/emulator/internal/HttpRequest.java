package dev.boxauth.emulator.internal;

import java.nio.charset.StandardCharsets;

/**
 * One parsed HTTP request.
 *
 * @param method the method, as sent (methods are case-sensitive)
 * @param path the path of the request target, still percent-encoded, without the query
 * @param query the query after {@code ?}, or {@code null}
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers the header fields
 * @param body the body, empty when there was none
 */
public record HttpRequest(String method, String path, String query, String version, Headers headers, byte[] body) {

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Whether the client wants the connection kept open after the response: the default for
     * HTTP/1.1 unless it sent {@code Connection: close}; for HTTP/1.0 only with {@code Connection: keep-alive}.
     */
    public boolean keepAlive() {
        if ("HTTP/1.0".equals(version)) {
            return headers.hasToken("Connection", "keep-alive");
        }
        return !headers.hasToken("Connection", "close");
    }
}
